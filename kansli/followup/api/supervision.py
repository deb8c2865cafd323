"""Supervision through the API: the reports committees and companies owe, with their state,
the director's initiatives, and filing a report with the key of the director or a secretary."""

import datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kansli.bounds import Year
from kansli.followup.api.reading import readable_body
from kansli.followup.selectors import supervision as selectors
from kansli.followup.services import supervision as services
from kansli.organisation.api import OnDate, OrganizationRef, found, on_or_today
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class SupervisionReport(Schema):
    id: int
    template: str
    organization: OrganizationRef
    period_start: datetime.date
    period_end: datetime.date
    due_on: datetime.date
    filed_on: datetime.date | None
    summary: str
    document_number: str | None
    state: str = Field(description="filed, late, missing, due")


class SupervisionInitiative(Schema):
    id: int
    organization: OrganizationRef
    case_number: str
    reason: str
    taken_on: datetime.date


class FilingIn(Schema):
    filed_on: OnDate | None = None
    summary: str = ""


def _report(row: Any, on: datetime.date) -> dict[str, Any]:
    return {
        "id": row.pk,
        "template": row.template.name,
        "organization": row.organization,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "due_on": row.due_on,
        "filed_on": row.filed_on,
        "summary": row.summary,
        "document_number": row.document.number if row.document else None,
        "state": selectors.report_state(row, on),
    }


@router.get(
    "/bodies/{slug}/followup/supervision-reports",
    response=list[SupervisionReport],
    summary=_lazy("Rapporter för uppsikten"),
)
def supervision_report_index(
    request: HttpRequest,
    slug: str,
    year: Year | None = None,
    state: Literal["filed", "late", "missing", "due"] | None = None,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    on = on_or_today(date)
    rows = [
        _report(row, on)
        for row in selectors.supervision_reports(body=readable_body(request, slug), year=year)
    ]
    return [row for row in rows if state is None or row["state"] == state]


@router.get(
    "/bodies/{slug}/followup/supervision-initiatives",
    response=list[SupervisionInitiative],
    summary=_lazy("Direktörens initiativ inom uppsikten"),
)
def supervision_initiative_index(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[dict[str, Any]]:
    initiatives = selectors.supervision_initiatives(body=readable_body(request, slug))
    return [
        {
            "id": row.pk,
            "organization": row.organization,
            "case_number": row.case.number,
            "reason": row.reason,
            "taken_on": row.taken_on,
        }
        for row in linked_page(request, response, initiatives, paging, ("-taken_on", "-pk"))
    ]


@router.post(
    "/bodies/{slug}/followup/supervision-reports/{report_id}/filing",
    response={201: SupervisionReport},
    summary=_lazy("Registrera att en rapport har lämnats"),
)
def supervision_report_file(
    request: HttpRequest, slug: str, report_id: int, payload: FilingIn
) -> Status[Any]:
    body = readable_body(request, slug)
    report = found(
        selectors.supervision_reports(body=body),
        _("%(body)s har ingen rapport med id %(id)d.") % {"body": body, "id": report_id},
        pk=report_id,
    )
    on = on_or_today(payload.filed_on)
    filed = services.supervision_report_file(
        actor=request.user, report=report, filed_on=on, summary=payload.summary
    )
    return Status(201, _report(filed, on_or_today(None)))
