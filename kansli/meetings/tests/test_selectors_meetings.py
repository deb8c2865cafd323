"""Reading meetings: a person's meetings, the delegated decisions a meeting must report."""

import datetime
from collections.abc import Callable

from kansli.accounts.models import User
from kansli.meetings import selectors, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, delegated_decision


def test_a_person_sees_the_meetings_of_the_organs_where_they_sit(
    schedule: Callable[..., Meeting], secretary: User, ks: Board
) -> None:
    december = schedule()
    cancelled = schedule(DAY + datetime.timedelta(days=7))
    services.meeting_cancel(actor=secretary, meeting=cancelled, reason="Inga ärenden.")
    schedule(datetime.date(2027, 2, 2))

    found = selectors.meetings_for_person(
        person=ks.erik, start=datetime.date(2026, 11, 1), end=datetime.date(2026, 12, 31)
    )

    assert found == [december]
    assert not selectors.meetings_for_person(
        person=ks.director, start=datetime.date(2026, 11, 1), end=datetime.date(2026, 12, 31)
    )


def test_a_decision_waiting_on_one_agenda_is_not_listed_on_another(
    schedule: Callable[..., Meeting], secretary: User, ks: Board
) -> None:
    decision = delegated_decision(ks, "Ny enhetsindelning", DAY - datetime.timedelta(days=30))
    first = schedule()
    later = schedule(DAY + datetime.timedelta(days=14))
    services.agenda_build(actor=secretary, meeting=first)

    assert list(selectors.delegated_decisions_due(meeting=first)) == [decision]
    assert not selectors.delegated_decisions_due(meeting=later).exists()

    services.meeting_cancel(actor=secretary, meeting=first, reason="Inga ärenden.")

    assert list(selectors.delegated_decisions_due(meeting=later)) == [decision]


def test_a_decision_made_after_the_meeting_is_not_due_at_it(meeting: Meeting, ks: Board) -> None:
    delegated_decision(ks, "Senare beslut", DAY + datetime.timedelta(days=1))

    assert not selectors.delegated_decisions_due(meeting=meeting).exists()
