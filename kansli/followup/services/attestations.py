"""The attestations of the duties done outside Kansli (a talk held, a plan adopted, a report
given orally): recorded by the director or whom the director names, with a date, a note and a
registered document; and the director's yearly report to the board, registered in a case so
that it can go on the board's agenda."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.duties import backing_of, director_duties
from kansli.followup.models import Attestation, AttestationDelegate
from kansli.followup.policy import (
    own_person,
    require_attest,
    require_keep,
    require_name_attesters,
)
from kansli.followup.report import FIRST_REPORT_YEAR, yearly_report
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Person
from kansli.organisation.selectors import director_of
from kansli.registry import services as registry
from kansli.registry.models import Case, Document


def _attested_duty(body: Body, duty_key: str, on: datetime.date) -> None:
    """Refuse a duty that is not the director's in the instruction in force, or that Kansli
    evidences from its own data rather than by attestation."""
    for duty in director_duties(body=body, on=on):
        if duty.key == duty_key:
            if backing_of(body=body, duty=duty).rule is None:
                raise ValidationError(
                    _("Skyldigheten visas med underlag ur Kansli och attesteras inte.")
                )
            return
    raise ValidationError(_("Instruktionen ger inte direktören den skyldigheten."))


def _acting_person(actor: Actor, body: Body, on: datetime.date) -> Person:
    """Who records: the signed-in user's person; the system (the demo) in the director's name."""
    if actor is not None:
        return own_person(actor, body)
    director = director_of(body=body, on=on)
    if director is None:
        raise ValidationError(
            _("%(body)s har ingen direktör den %(on)s.") % {"body": body, "on": on.isoformat()}
        )
    return director


@transaction.atomic
def attestation_record(
    *,
    actor: Actor,
    body: Body,
    duty_key: str,
    attested_on: datetime.date,
    note: str,
    document: Document,
    meeting: Meeting | None = None,
) -> Attestation:
    """Attest that the duty was fulfilled as of `attested_on`, with the registered document
    that shows it; a duty per meeting may name the meeting."""
    today = timezone.localdate()
    require_attest(actor, body, duty_key, today)
    _attested_duty(body, duty_key, today)
    if attested_on > today:
        raise ValidationError(_("En skyldighet kan inte attesteras i förväg."))
    if not note.strip():
        raise ValidationError(_("Skriv en anteckning om hur skyldigheten fullgjordes."))
    if document.case.organization.body_id != body.pk:
        raise ValidationError(_("Handlingen hör till en annan kommun eller region."))
    if meeting is not None and meeting.organization.body_id != body.pk:
        raise ValidationError(_("Sammanträdet hör till en annan kommun eller region."))
    attestation = Attestation(
        body=body,
        duty_key=duty_key,
        attested_on=attested_on,
        note=note.strip(),
        document=document,
        meeting=meeting,
        recorded_by=_acting_person(actor, body, today),
    )
    return audit.create(actor=actor, instance=attestation)


@transaction.atomic
def attester_name(
    *, actor: Actor, body: Body, duty_key: str, person: Person
) -> AttestationDelegate:
    """The director names a person of the body to attest the duty in the director's place."""
    today = timezone.localdate()
    require_name_attesters(actor, body, today)
    _attested_duty(body, duty_key, today)
    if person.body_id != body.pk:
        raise ValidationError(_("Personen hör till en annan kommun eller region."))
    if AttestationDelegate.objects.filter(body=body, duty_key=duty_key, person=person).exists():
        raise ValidationError(_("Personen attesterar redan skyldigheten."), code="conflict")
    delegate = AttestationDelegate(
        body=body,
        duty_key=duty_key,
        person=person,
        named_by=_acting_person(actor, body, today),
        named_on=today,
    )
    return audit.create(actor=actor, instance=delegate)


@transaction.atomic
def yearly_report_register(*, actor: Actor, case: Case, year: int) -> Document:
    """Register the director's yearly report to the board for the year as a document of the
    case (drawn up by the body), so that the case can go on the board's agenda. The registry
    decides who may register in the case."""
    body = case.organization.body
    require_keep(actor, body)
    if not FIRST_REPORT_YEAR <= year <= timezone.localdate().year:
        raise ValidationError(_("Redovisningen gäller ett år som har börjat."))
    report = yearly_report(body=body, year=year)
    upload = SimpleUploadedFile(report.filename, report.data, content_type="application/pdf")
    return registry.document_register(
        actor=actor,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=timezone.localdate(),
        description=report.title,
        files=[upload],
    )
