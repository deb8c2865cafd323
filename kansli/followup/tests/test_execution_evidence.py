"""The dashboard's evidence for the director's duties to execute the board's decisions and to
keep the board informed of its assignments: red when a task is overdue or a report is late,
green otherwise, linking the list behind the number."""

import datetime

import pytest

from kansli.decisions import services
from kansli.decisions.tests.followup_samples import board_decision, organ, user
from kansli.followup.selectors.execution import (
    late_assignment_reports_evidence,
    overdue_execution_evidence,
)
from kansli.organisation.models import Body

DECIDED = datetime.date(2026, 1, 15)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


def test_overdue_execution_turns_the_line_red(vanersborg: Body) -> None:
    due = datetime.date(2026, 3, 31)
    services.execution_task_assign(
        actor=user("direktor"),
        decision=board_decision(vanersborg, "Inför e-arkiv", DECIDED),
        title="Upphandla e-arkiv",
        executor=organ(vanersborg, "utvecklingsstaben"),
        due_on=due,
        assigned_on=DECIDED,
    )

    green = overdue_execution_evidence(body=vanersborg, on=due)
    red = overdue_execution_evidence(body=vanersborg, on=due + datetime.timedelta(1))

    assert (green.ok, green.count) == (True, 0)
    assert (red.ok, red.count) == (False, 1)
    assert red.summary == "1 verkställighetsuppgift är försenad"
    assert red.url == "/vanersborg/uppfoljning/verkstallighet/?forsenade=1"


def test_late_assignment_report_turns_the_line_red_until_reported(vanersborg: Body) -> None:
    assignment = services.assignment_give(
        actor=None,
        decision=board_decision(vanersborg, "Uppdrag om lokaler", DECIDED),
        title="Lokalförsörjningsplan",
        due_on=datetime.date(2027, 12, 31),
        report_interval_months=1,
    )
    late_on = datetime.date(2026, 2, 16)

    red = late_assignment_reports_evidence(body=vanersborg, on=late_on)
    assert (red.ok, red.count, red.summary) == (False, 1, "1 uppdrag saknar rapport i tid")
    assert red.url == "/vanersborg/uppfoljning/uppdrag/?sena=1"

    services.assignment_report_file(
        actor=user("direktor"), assignment=assignment, text="Läget", reported_on=late_on
    )
    green = late_assignment_reports_evidence(body=vanersborg, on=late_on)
    assert (green.ok, green.count) == (True, 0)


def test_a_body_without_tasks_or_assignments_is_green(vanersborg: Body) -> None:
    today = datetime.date(2026, 6, 1)
    assert overdue_execution_evidence(body=vanersborg, on=today).ok
    assert late_assignment_reports_evidence(body=vanersborg, on=today).ok
