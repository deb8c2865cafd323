"""Governing documents current and known through the API: each document's review date and how
many managers have not acknowledged its current version, who has and has not, and a manager's
own acknowledgement."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kansli.followup.api.reading import readable_body
from kansli.followup.selectors import documents as selectors
from kansli.followup.services import documents as services
from kansli.governance.models import GoverningDocument
from kansli.organisation.api import OnDate, PersonRef, found, on_or_today
from kansli.texts import gettext_lazy as _lazy

router = Router()


class DocumentStatus(Schema):
    slug: str
    name: str
    version: str | None
    review_by: datetime.date | None
    past_review: bool
    unacknowledged: int = Field(description=_lazy("Chefer som inte kvitterat gällande version."))


class AcknowledgementRow(Schema):
    person: PersonRef
    positions: list[str]
    acknowledged_at: datetime.datetime | None


class Acknowledged(Schema):
    version: str
    acknowledged_at: datetime.datetime


def _document(request: HttpRequest, slug: str, document: str) -> GoverningDocument:
    return found(
        GoverningDocument.objects.filter(body=readable_body(request, slug)),
        _("Det finns inget styrdokument med kortnamnet %(slug)s.") % {"slug": document},
        slug=document,
    )


@router.get(
    "/bodies/{slug}/followup/documents",
    response=list[DocumentStatus],
    summary=_lazy("Styrdokument: datum för översyn och chefer som inte kvitterat"),
)
def document_index(request: HttpRequest, slug: str, date: OnDate | None = None) -> list[Any]:
    return [
        {
            "slug": row.document.slug,
            "name": row.document.name,
            "version": row.version.number if row.version else None,
            "review_by": row.document.review_by,
            "past_review": row.past_review,
            "unacknowledged": row.missing,
        }
        for row in selectors.document_rows(body=readable_body(request, slug), on=on_or_today(date))
    ]


@router.get(
    "/bodies/{slug}/followup/documents/{document}/acknowledgements",
    response=list[AcknowledgementRow],
    summary=_lazy("Chefer som har och inte har kvitterat gällande version"),
)
def acknowledgement_index(
    request: HttpRequest, slug: str, document: str, date: OnDate | None = None
) -> list[Any]:
    _version, rows = selectors.acknowledgement_rows(
        document=_document(request, slug, document), on=on_or_today(date)
    )
    return [
        {
            "person": row.manager.person,
            "positions": row.manager.positions,
            "acknowledged_at": row.acknowledgement.acknowledged_at if row.acknowledgement else None,
        }
        for row in rows
    ]


@router.post(
    "/bodies/{slug}/followup/documents/{document}/acknowledgements",
    response={201: Acknowledged},
    summary=_lazy("Kvittera gällande version i eget namn (chefer)"),
)
def document_acknowledge(request: HttpRequest, slug: str, document: str) -> Status[dict[str, Any]]:
    acknowledgement = services.document_acknowledge(
        actor=request.user, document=_document(request, slug, document)
    )
    return Status(
        201,
        {
            "version": acknowledgement.version.number,
            "acknowledged_at": acknowledgement.acknowledged_at,
        },
    )
