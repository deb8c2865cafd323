"""Writes to the organisation: each one validated, saved and audited in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import (
    Appointment,
    Body,
    Membership,
    Organization,
    Person,
    Position,
)


def body_create(*, actor: Actor, slug: str, name: str, kind: str, **fields: object) -> Body:
    return audit.create(actor=actor, instance=Body(slug=slug, name=name, kind=kind, **fields))


def organization_create(
    *,
    actor: Actor,
    body: Body,
    kind: str,
    slug: str,
    name: str,
    parent: Organization | None = None,
    **fields: object,
) -> Organization:
    if parent is not None and parent.body_id != body.pk:
        raise ValidationError(_("Den överordnade organisationen tillhör en annan huvudman."))
    organization = Organization(body=body, kind=kind, slug=slug, name=name, parent=parent, **fields)
    return audit.create(actor=actor, instance=organization)


def person_create(
    *, actor: Actor, body: Body, given_name: str, family_name: str, email: str = ""
) -> Person:
    person = Person(body=body, given_name=given_name, family_name=family_name, email=email)
    return audit.create(actor=actor, instance=person)


def _refuse_overlap(rows: "object", start: datetime.date, end: datetime.date | None) -> None:
    """Refuse a period that overlaps one of `rows` (a queryset of dated rows)."""
    overlapping = rows.filter(start__lte=end) if end else rows  # type: ignore[attr-defined]
    if overlapping.exclude(end__lt=start).exists():
        raise ValidationError(_("Perioden överlappar en befintlig period för samma person."))


@transaction.atomic
def membership_create(
    *,
    actor: Actor,
    person: Person,
    organization: Organization,
    role: str,
    start: datetime.date,
    end: datetime.date | None = None,
    party: str = "",
    rank: int = 0,
) -> Membership:
    if person.body_id != organization.body_id:
        raise ValidationError(_("Personen och organet tillhör olika huvudmän."))
    if not organization.is_political:
        raise ValidationError(_("Uppdrag kan bara finnas i politiska organ."))
    _refuse_overlap(Membership.objects.filter(person=person, organization=organization), start, end)
    membership = Membership(
        person=person,
        organization=organization,
        role=role,
        start=start,
        end=end,
        party=party,
        rank=rank,
    )
    return audit.create(actor=actor, instance=membership)


def membership_end(*, actor: Actor, membership: Membership, end: datetime.date) -> Membership:
    return audit.update(actor=actor, instance=membership, end=end)


def position_create(
    *,
    actor: Actor,
    body: Body,
    organization: Organization,
    slug: str,
    title: str,
    security_class: int | None = None,
) -> Position:
    if organization.body_id != body.pk:
        raise ValidationError(_("Organisationen tillhör en annan huvudman."))
    position = Position(
        body=body,
        organization=organization,
        slug=slug,
        title=title,
        security_class=security_class,
    )
    return audit.create(actor=actor, instance=position)


@transaction.atomic
def appointment_create(
    *,
    actor: Actor,
    person: Person,
    position: Position,
    start: datetime.date,
    end: datetime.date | None = None,
    acting: bool = False,
) -> Appointment:
    if person.body_id != position.body_id:
        raise ValidationError(_("Personen och befattningen tillhör olika huvudmän."))
    _refuse_overlap(Appointment.objects.filter(person=person, position=position), start, end)
    appointment = Appointment(person=person, position=position, start=start, end=end, acting=acting)
    return audit.create(actor=actor, instance=appointment)


def appointment_end(*, actor: Actor, appointment: Appointment, end: datetime.date) -> Appointment:
    return audit.update(actor=actor, instance=appointment, end=end)
