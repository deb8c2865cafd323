"""Writes to the organisation: each one validated, saved and audited in one transaction.

The rules a row must keep (same body, seats only in political organs, no overlapping
periods, an end not before the start) live in the models' `clean()` and constraints, so
that these services and the admin's forms refuse the same things with the same message.
"""

import datetime

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
    organization = Organization(body=body, kind=kind, slug=slug, name=name, parent=parent, **fields)
    return audit.create(actor=actor, instance=organization)


def organization_dissolve(
    *, actor: Actor, organization: Organization, on: datetime.date
) -> Organization:
    """Record the last day the organization exists."""
    return audit.update(actor=actor, instance=organization, dissolved_on=on)


def person_create(
    *, actor: Actor, body: Body, given_name: str, family_name: str, email: str = ""
) -> Person:
    person = Person(body=body, given_name=given_name, family_name=family_name, email=email)
    return audit.create(actor=actor, instance=person)


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
    """Set the last day of the seat (inclusive)."""
    return audit.update(actor=actor, instance=membership, end=end)


def position_create(
    *,
    actor: Actor,
    body: Body,
    organization: Organization,
    slug: str,
    title: str,
    security_class: int | None = None,
    heads_organization: bool = False,
    is_director: bool = False,
) -> Position:
    position = Position(
        body=body,
        organization=organization,
        slug=slug,
        title=title,
        security_class=security_class,
        heads_organization=heads_organization,
        is_director=is_director,
    )
    return audit.create(actor=actor, instance=position)


def appointment_create(
    *,
    actor: Actor,
    person: Person,
    position: Position,
    start: datetime.date,
    end: datetime.date | None = None,
    acting: bool = False,
) -> Appointment:
    appointment = Appointment(person=person, position=position, start=start, end=end, acting=acting)
    return audit.create(actor=actor, instance=appointment)


def appointment_end(*, actor: Actor, appointment: Appointment, end: datetime.date) -> Appointment:
    """Set the last day of the appointment (inclusive)."""
    return audit.update(actor=actor, instance=appointment, end=end)
