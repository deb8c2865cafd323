"""A few audited writes to look at, verify and tamper with."""

import datetime

import pytest

from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization


@pytest.fixture
def events(board: Organization) -> list[Event]:
    """Five events: the body, the board, a person, a seat and the seat's end (and not an
    operator's sign-in, which `admin_client` may have logged before)."""
    anna = organisation.person_create(
        actor=None, body=board.body, given_name="Åsa", family_name="Öberg"
    )
    seat = organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.CHAIR,
        start=datetime.date(2023, 1, 1),
    )
    organisation.membership_end(actor=None, membership=seat, end=datetime.date(2026, 12, 31))
    return list(Event.objects.exclude(action="user.sign_in").order_by("seq"))
