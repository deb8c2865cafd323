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
from kansli.organisation.policy import (
    require_appoint,
    require_body_create,
    require_change,
    require_seat,
)


def body_create(*, actor: Actor, slug: str, name: str, kind: str, **fields: object) -> Body:
    require_body_create(actor)
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
    require_change(actor, body)
    organization = Organization(body=body, kind=kind, slug=slug, name=name, parent=parent, **fields)
    return audit.create(actor=actor, instance=organization)


def organization_dissolve(
    *, actor: Actor, organization: Organization, on: datetime.date
) -> Organization:
    """Record the last day the organization exists."""
    require_change(actor, organization.body_id)
    return audit.update(actor=actor, instance=organization, dissolved_on=on)


def person_create(
    *, actor: Actor, body: Body, given_name: str, family_name: str, email: str = ""
) -> Person:
    require_change(actor, body)
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
    require_change(actor, organization.body_id)
    require_seat(actor, person)
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
    require_change(actor, membership.organization.body_id)
    require_seat(actor, membership.person)
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
    require_change(actor, body)
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
    require_appoint(actor, position.body_id)
    require_seat(actor, person)
    appointment = Appointment(person=person, position=position, start=start, end=end, acting=acting)
    return audit.create(actor=actor, instance=appointment)


def appointment_end(*, actor: Actor, appointment: Appointment, end: datetime.date) -> Appointment:
    """Set the last day of the appointment (inclusive)."""
    require_appoint(actor, appointment.position.body_id)
    require_seat(actor, appointment.person)
    return audit.update(actor=actor, instance=appointment, end=end)
