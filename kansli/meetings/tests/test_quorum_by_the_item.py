"""The quorum of each § is counted on who was there at it: a member who left after § 2 does
not count for § 3, one who came at § 3 does not count for § 2 (KL 6 kap. 27 §: the board may
deal with a matter only when more than half of its members are present)."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import Board, ready_case


@pytest.fixture
def two_cases(secretary: User, ks: Board, meeting: Meeting) -> tuple[AgendaItem, AgendaItem]:
    """The board's meeting opened with everyone present and two cases on its agenda."""
    ready_case(ks.organization, "Ny simhall", route=[ks.organization])
    ready_case(ks.organization, "Ny bibliotekstaxa", route=[ks.organization])
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    first, second = meeting.items.filter(case__isnull=False).order_by("position")
    return first, second


def test_members_who_left_do_not_count_for_the_items_after(
    secretary: User, ks: Board, meeting: Meeting, two_cases: tuple[AgendaItem, AgendaItem]
) -> None:
    first, second = two_cases
    for person in (ks.cecilia, ks.david):
        services.attendance_sections_set(
            actor=secretary, meeting=meeting, person=person, came_at=None, left_after=first
        )

    services.item_decide(actor=secretary, item=first)
    with pytest.raises(ValidationError, match=r"inte beslutför: 2 av 4 .*KL 6 kap\. 27 §"):
        services.item_decide(actor=secretary, item=second)

    assert selectors.quorum_of(meeting=meeting, item=first).present == 4
    assert not selectors.quorum_of(meeting=meeting, item=second).met


def test_members_who_came_late_do_not_count_for_the_items_before(
    secretary: User, ks: Board, meeting: Meeting, two_cases: tuple[AgendaItem, AgendaItem]
) -> None:
    first, second = two_cases
    for person in (ks.cecilia, ks.david):
        services.attendance_sections_set(
            actor=secretary, meeting=meeting, person=person, came_at=second, left_after=None
        )

    with pytest.raises(ValidationError, match="inte beslutför"):
        services.item_decide(actor=secretary, item=first)
    services.item_decide(actor=secretary, item=second)

    assert ks.david not in selectors.serving_members(meeting=meeting, item=first)
    assert ks.david in selectors.serving_members(meeting=meeting, item=second)
