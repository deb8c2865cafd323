"""Reading whether the governing documents are current and known (seed 000
"Verksamhetsansvar": "styrande dokument är fastställda och kända"): documents past their review
date, and which managers have acknowledged each document's current version."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from kansli.followup.evidence import Evidence, shortfall
from kansli.followup.models import Acknowledgement
from kansli.governance.models import DocumentVersion, GoverningDocument
from kansli.governance.selectors import document_list, documents_past_review
from kansli.organisation.models import Appointment, Body, Person


@dataclass(frozen=True)
class Manager:
    person: Person
    positions: list[str]


def managers_on(*, body: Body, on: datetime.date) -> list[Manager]:
    """The people holding a post that heads an organization on the date, each once, by name."""
    found: dict[int, Manager] = {}
    appointments = (
        Appointment.objects.on(on)
        .filter(position__body=body, position__heads_organization=True)
        .select_related("person", "position")
        .order_by("person__family_name", "person__given_name", "position__title")
    )
    for appointment in appointments:
        manager = found.setdefault(appointment.person_id, Manager(appointment.person, []))
        manager.positions.append(appointment.position.title)
    return list(found.values())


@dataclass(frozen=True)
class AcknowledgementRow:
    manager: Manager
    acknowledgement: Acknowledgement | None


def acknowledgement_rows(
    *, document: GoverningDocument, on: datetime.date
) -> tuple[DocumentVersion | None, list[AcknowledgementRow]]:
    """The document's current version and, for each manager on the date, their acknowledgement
    of it or None; those who have not acknowledged first."""
    version = document.current_version
    acknowledged = (
        {a.person_id: a for a in Acknowledgement.objects.filter(version=version)}
        if version is not None
        else {}
    )
    rows = [
        AcknowledgementRow(manager, acknowledged.get(manager.person.pk))
        for manager in managers_on(body=document.body, on=on)
    ]
    rows.sort(key=lambda row: row.acknowledgement is not None)
    return version, rows


@dataclass(frozen=True)
class DocumentRow:
    document: GoverningDocument
    version: DocumentVersion | None
    past_review: bool
    missing: int  # managers who have not acknowledged the current version


def document_rows(*, body: Body, on: datetime.date) -> list[DocumentRow]:
    """Each governing document with whether it is past review and how many managers on the
    date have not acknowledged its current version."""
    managers = {manager.person.pk for manager in managers_on(body=body, on=on)}
    rows = []
    for document in document_list(body=body):
        version = document.current_version
        acknowledged = (
            set(Acknowledgement.objects.filter(version=version).values_list("person_id", flat=True))
            if version is not None
            else set()
        )
        rows.append(
            DocumentRow(
                document=document,
                version=version,
                past_review=document.review_by is not None and document.review_by < on,
                missing=len(managers - acknowledged) if version is not None else 0,
            )
        )
    return rows


def documents_past_review_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Red while a governing document is past the date it was to be reviewed by."""
    return shortfall(
        documents_past_review(body=body, on=on).count(),
        found=ngettext_lazy(
            "%(count)d styrdokument har passerat sitt datum för översyn",
            "%(count)d styrdokument har passerat sitt datum för översyn",
            "count",
        ),
        none=_("Inget styrdokument har passerat sitt datum för översyn"),
        url=reverse("followup:document_list", args=[body.slug]) + "?oversyn=1",
    )


def unacknowledged_documents_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Red while a manager has not acknowledged the current version of a governing document."""
    return shortfall(
        sum(1 for row in document_rows(body=body, on=on) if row.missing),
        found=ngettext_lazy(
            "%(count)d styrdokument är inte kvitterat av alla chefer",
            "%(count)d styrdokument är inte kvitterade av alla chefer",
            "count",
        ),
        none=_("Alla chefer har kvitterat gällande styrdokument"),
        url=reverse("followup:document_list", args=[body.slug]) + "?ej-kvitterade=1",
    )
