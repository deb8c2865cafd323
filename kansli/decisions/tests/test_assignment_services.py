"""The board gives the director an assignment in a decision; the director, or whom the
director names, reports on it; a report is late when the interval has passed since the last
report (or since the assignment was given). Putting a report on the board's agenda is the
meetings app's (kansli/meetings/tests/test_services_assignment_reports.py)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.decisions import selectors, services
from kansli.decisions.models import Assignment
from kansli.decisions.tests.followup_samples import (
    board_decision,
    user,
)
from kansli.organisation.models import Body, Person

GIVEN = datetime.date(2026, 1, 31)
DUE = datetime.date(2026, 10, 31)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def assignment(vanersborg: Body) -> Assignment:
    decision = board_decision(vanersborg, "Uppdrag om lokalförsörjning", GIVEN)
    return services.assignment_give(
        actor=user("sekreterare"),
        decision=decision,
        title="Ta fram en lokalförsörjningsplan",
        due_on=DUE,
        report_interval_months=3,
    )


def report(assignment: Assignment, on: datetime.date, who: str = "direktor") -> None:
    services.assignment_report_file(
        actor=user(who), assignment=assignment, text=f"Lägesrapport {on}", reported_on=on
    )


def state(assignment: Assignment, on: datetime.date) -> selectors.AssignmentState:
    return selectors.assignment_state(assignment=Assignment.objects.get(pk=assignment.pk), on=on)


def test_the_boards_assignment_goes_to_the_director(assignment: Assignment) -> None:
    assert assignment.assignee == user("direktor").person
    assert assignment.given_on == GIVEN
    assert assignment.status == Assignment.Status.ONGOING


def test_a_board_member_does_not_record_assignments(vanersborg: Body) -> None:
    decision = board_decision(vanersborg, "Uppdrag", GIVEN)
    with pytest.raises(PermissionDenied):
        services.assignment_give(
            actor=user("ledamot"),
            decision=decision,
            title="X",
            due_on=DUE,
            report_interval_months=1,
        )


def test_an_assignment_comes_from_a_decision_at_a_meeting(vanersborg: Body) -> None:
    decision = board_decision(vanersborg, "Uppdrag", GIVEN)
    decision.kind = decision.Kind.INSTRUCTION
    with pytest.raises(ValidationError, match="sammanträde"):
        services.assignment_give(
            actor=None, decision=decision, title="X", due_on=DUE, report_interval_months=1
        )


def test_first_report_is_due_an_interval_after_the_assignment_was_given(
    assignment: Assignment,
) -> None:
    # Three months after 31 January is the last day of April.
    assert state(assignment, datetime.date(2026, 4, 30)).next_report_due == datetime.date(
        2026, 4, 30
    )
    assert not state(assignment, datetime.date(2026, 4, 30)).report_late
    assert state(assignment, datetime.date(2026, 5, 1)).report_late


def test_next_report_is_due_an_interval_after_the_last_report(assignment: Assignment) -> None:
    report(assignment, datetime.date(2026, 3, 15))
    report(assignment, datetime.date(2026, 6, 1))

    on_day = state(assignment, datetime.date(2026, 9, 1))
    assert on_day.last_report.reported_on == datetime.date(2026, 6, 1)
    assert on_day.next_report_due == datetime.date(2026, 9, 1)
    assert not on_day.report_late
    assert state(assignment, datetime.date(2026, 9, 2)).report_late


def test_assignment_past_its_due_date_is_overdue_until_completed(assignment: Assignment) -> None:
    after = DUE + datetime.timedelta(days=1)
    assert state(assignment, after).overdue

    services.assignment_close(
        actor=user("direktor"),
        assignment=assignment,
        status=Assignment.Status.COMPLETED,
        on=datetime.date(2026, 10, 15),
    )
    closed = state(assignment, after)
    assert not closed.overdue
    assert not closed.report_late


def test_whom_the_director_names_may_report(assignment: Assignment) -> None:
    officer = user("handlaggare")
    with pytest.raises(PermissionDenied):
        report(assignment, datetime.date(2026, 2, 10), who="handlaggare")

    services.assignment_reporter_name(
        actor=user("direktor"), assignment=assignment, reporter=officer.person
    )
    report(assignment, datetime.date(2026, 2, 10), who="handlaggare")

    assert assignment.reports.get().reported_by == officer.person


def test_only_the_director_names_the_reporter(assignment: Assignment) -> None:
    with pytest.raises(PermissionDenied):
        services.assignment_reporter_name(
            actor=user("sekreterare"),
            assignment=assignment,
            reporter=Person.objects.get(user__username="handlaggare"),
        )


def test_no_report_on_a_closed_assignment(assignment: Assignment) -> None:
    services.assignment_close(
        actor=user("direktor"), assignment=assignment, status=Assignment.Status.CANCELLED
    )
    with pytest.raises(ValidationError, match="avslutat"):
        report(assignment, datetime.date(2026, 4, 1))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
        (datetime.date(2026, 12, 31), 12, datetime.date(2027, 12, 31)),
    ],
)
def test_months_are_added_to_the_same_day_or_the_months_last(
    day: datetime.date, months: int, expected: datetime.date
) -> None:
    assert selectors.add_months(day, months) == expected
