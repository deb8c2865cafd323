"""In the council a substitute serves only for a member of their own party (KL 5 kap. 17-19
§§); in the board and the committees the order of the reglemente applies, same party first
and then the others, as before."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board, seat
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization


@pytest.fixture
def council(ks: Board) -> Organization:
    """The council with the board's people in it: Anna (S), Bo (M), Cecilia (S) and David (SD)
    members, Erik (M) and Frida (S) substitutes."""
    kf = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
        short_name="KF",
    )
    role = Membership.Role
    for who, party in ((ks.chair, "S"), (ks.bo, "M"), (ks.cecilia, "S"), (ks.david, "SD")):
        seat(who, kf, role.MEMBER, party, 1)
    seat(ks.erik, kf, role.SUBSTITUTE, "M", 1)
    seat(ks.frida, kf, role.SUBSTITUTE, "S", 1)
    return kf


def present_without(
    secretary: User, schedule: Callable[..., Meeting], organization: Organization, *absent: object
) -> Meeting:
    meeting = schedule(datetime.date(2026, 12, 1), organization=organization)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    for who in absent:
        services.attendance_set(actor=secretary, meeting=meeting, person=who, present=False)
    return meeting


def test_in_the_council_a_substitute_of_another_party_is_refused(
    secretary: User, schedule: Callable[..., Meeting], ks: Board, council: Organization
) -> None:
    meeting = present_without(secretary, schedule, council, ks.david)

    with pytest.raises(ValidationError) as refused:
        services.substitute_serve(
            actor=secretary, meeting=meeting, substitute=ks.erik, serves_for=ks.david
        )

    assert refused.value.messages == [
        "I fullmäktige tjänstgör en ersättare bara för en ledamot av sitt eget parti "
        "(KL 5 kap. 17–19 §§); Erik Ek kan inte tjänstgöra för en ledamot av SD."
    ]
    assert meeting.attendance.get(person=ks.erik).serves_for is None


def test_in_the_council_a_substitute_of_the_same_party_serves(
    secretary: User, schedule: Callable[..., Meeting], ks: Board, council: Organization
) -> None:
    meeting = present_without(secretary, schedule, council, ks.bo)

    row = services.substitute_serve(
        actor=secretary, meeting=meeting, substitute=ks.erik, serves_for=ks.bo
    )

    assert row.serves_for == ks.bo


def test_in_the_board_a_substitute_of_another_party_serves_when_none_of_the_party_is_there(
    secretary: User, schedule: Callable[..., Meeting], ks: Board
) -> None:
    meeting = present_without(secretary, schedule, ks.organization, ks.david)

    row = services.substitute_serve(
        actor=secretary, meeting=meeting, substitute=ks.erik, serves_for=ks.david
    )

    assert row.serves_for == ks.david
