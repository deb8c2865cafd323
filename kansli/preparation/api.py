"""A case's preparation through the API: the officer's report, its readiness for an agenda,
and the status, each as the token's user may see and change it."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from kansli.organisation.api import OrganizationRef, PersonRef, body_found, found
from kansli.organisation.models import Person
from kansli.preparation import selectors, services
from kansli.preparation.models import Preparation
from kansli.preparation.policy import may_read
from kansli.registry.models import Case
from kansli.registry.visibility import case_contents_masked, case_view, masked_text
from kansli.texts import gettext_lazy as _lazy

router = Router()


class Missing(Schema):
    key: str = Field(description="report, clause, rapporteur, statement, financing")
    label: str
    message: str = Field(description=_lazy("Vad som saknas och varför, med källa."))


class Readiness(Schema):
    ready: bool
    missing: list[Missing]


class StatementOut(Schema):
    organization: OrganizationRef | None
    author: str
    received_on: datetime.date
    summary: str


class Change(Schema):
    at: datetime.datetime
    actor: str
    from_status: str
    to_status: str
    from_organ: str | None
    to_organ: str | None
    note: str


class CaseReport(Schema):
    case: str = Field(description=_lazy("Diarienummer."))
    title: str
    contents_masked: bool = Field(
        description=_lazy(
            "Ärendet omfattas av sekretess som användaren inte får se igenom: "
            "tjänsteskrivelsen, att-satserna, ekonomin, yttrandenas sammanfattningar och "
            "anteckningarna visas maskerade."
        )
    )
    status: str = Field(description="preparing, ready, decided")
    route: list[str] = Field(description=_lazy("Ärendegångens organ i ordning."))
    current_organ: str | None
    referred_from: OrganizationRef | None
    due_on: datetime.date | None
    report_text: str
    report_document: str | None = Field(description=_lazy("Tjänsteskrivelsen som handling."))
    clauses: list[str]
    economic_consequences: str
    financing: str
    rapporteur: PersonRef | None
    statements: list[StatementOut]
    readiness: Readiness
    history: list[Change]


class CaseReportIn(Schema):
    text: str
    clauses: list[str] = Field(description=_lazy("Att-satserna i ordning."))
    economic_consequences: str = ""
    financing: str = ""
    rapporteur: int | None = Field(None, description=_lazy("Föredragandens person-id."))


class StatusIn(Schema):
    status: str = Field(
        description=_lazy(
            "preparing eller ready; decided sätts bara av organets beslut på sammanträdet."
        )
    )


def _case(slug: str, case_id: int) -> Case:
    body = body_found(slug)
    return found(
        Case.objects.select_related("organization__body", "case_officer"),
        _("%(body)s har inget ärende med id %(id)d.") % {"body": body, "id": case_id},
        organization__body=body,
        pk=case_id,
    )


def _readable_case(request: HttpRequest, slug: str, case_id: int) -> Case:
    case = _case(slug, case_id)
    if not may_read(request.user, case):
        raise PermissionDenied(
            _("Bara personal i %(body)s kan läsa ärendets beredning.")
            % {"body": case.organization.body}
        )
    return case


def _readiness(case: Case) -> dict[str, Any]:
    readiness = selectors.case_readiness(case=case)
    return {"ready": readiness.ready, "missing": readiness.missing}


def _report(request: HttpRequest, case: Case) -> dict[str, Any]:
    preparation = selectors.preparation_of(case=case) or Preparation(case=case)
    stored = preparation.pk is not None
    route = preparation.route
    masked = case_contents_masked(request.user, case)

    def seen(text: str) -> str:
        """The text as the user may see it: masked when the case's contents are."""
        return masked_text(case.secrecy_reference) if masked and text else text

    return {
        "case": case.number,
        "title": case_view(request.user, case).title,
        "contents_masked": masked,
        "status": preparation.status,
        "route": [str(step) for step in route.steps.all()] if route else [],
        "current_organ": str(preparation.step) if preparation.step else None,
        "referred_from": preparation.referred_from,
        "due_on": preparation.due_on,
        "report_text": seen(preparation.report_text),
        "report_document": preparation.report_document.number
        if preparation.report_document
        else None,
        "clauses": [seen(c.text) for c in preparation.clauses.all()] if stored else [],
        "economic_consequences": seen(preparation.economic_consequences),
        "financing": seen(preparation.financing),
        "rapporteur": preparation.rapporteur,
        "statements": [
            {
                "organization": statement.organization,
                "author": statement.author,
                "received_on": statement.received_on,
                "summary": seen(statement.summary),
            }
            for statement in preparation.statements.all()
        ]
        if stored
        else [],
        "readiness": _readiness(case),
        "history": [
            {
                "at": change.at,
                "actor": change.actor.get_username() if change.actor else "system",
                "from_status": change.from_status,
                "to_status": change.to_status,
                "from_organ": str(change.from_step) if change.from_step else None,
                "to_organ": str(change.to_step) if change.to_step else None,
                "note": seen(change.note),
            }
            for change in selectors.status_history(case=case)
        ],
    }


@router.get(
    "/bodies/{slug}/registry/cases/{case_id}/preparation",
    response=CaseReport,
    summary=_lazy("Ett ärendes beredning: tjänsteskrivelse, yttranden, status och historik"),
)
def preparation_detail(request: HttpRequest, slug: str, case_id: int) -> dict[str, Any]:
    return _report(request, _readable_case(request, slug, case_id))


@router.get(
    "/bodies/{slug}/registry/cases/{case_id}/readiness",
    response=Readiness,
    summary=_lazy("Vad som saknas innan ärendet kan tas upp på en dagordning"),
)
def readiness_detail(request: HttpRequest, slug: str, case_id: int) -> dict[str, Any]:
    return _readiness(_readable_case(request, slug, case_id))


@router.put(
    "/bodies/{slug}/registry/cases/{case_id}/report",
    response=CaseReport,
    summary=_lazy("Skriv tjänsteskrivelsen med förslag till beslut"),
)
def report_put(
    request: HttpRequest, slug: str, case_id: int, report: CaseReportIn
) -> dict[str, Any]:
    case = _case(slug, case_id)
    rapporteur = Person.objects.filter(pk=report.rapporteur).first() if report.rapporteur else None
    if report.rapporteur and rapporteur is None:
        raise ValidationError(
            {"rapporteur": _("Det finns ingen person med id %(id)d.") % {"id": report.rapporteur}}
        )
    services.report_save(
        actor=request.user,
        case=case,
        text=report.text,
        clauses=report.clauses,
        economic_consequences=report.economic_consequences,
        financing=report.financing,
        rapporteur=rapporteur,
    )
    return _report(request, case)


@router.post(
    "/bodies/{slug}/registry/cases/{case_id}/status",
    response=CaseReport,
    summary=_lazy("Ändra beredningsstatus; klart för dagordning bara när inget saknas"),
)
def status_post(request: HttpRequest, slug: str, case_id: int, change: StatusIn) -> dict[str, Any]:
    case = _case(slug, case_id)
    services.status_change(actor=request.user, case=case, status=change.status)
    return _report(request, case)
