"""The demo follow-up (issue 6): Vänersborg's director has an assignment reported on twice and
now late, an overdue execution task, a budget deviation with its initiative, and a power cut
with its crisis log; the duty dashboard shows the first three red. A second load adds nothing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kansli.decisions.models import Assignment, ExecutionTask
from kansli.demo.services import load_demo
from kansli.followup.duties import duty_lines
from kansli.followup.models import BudgetInitiative, CrisisEvent
from kansli.organisation.models import Body

NOW = datetime.datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_the_demo_director_has_something_to_follow_up(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    load_demo()

    body = Body.objects.get(slug="vanersborg")
    assignment = Assignment.objects.get(decision__body=body)
    assert assignment.reports.count() == 2
    assert ExecutionTask.objects.filter(decision__body=body).count() == 1
    initiative = BudgetInitiative.objects.get(organization__body=body)
    assert (initiative.dealt_with_on, initiative.case is not None) == (None, True)
    event = CrisisEvent.objects.get(body=body)
    assert event.leadership == CrisisEvent.Leadership.DIRECTOR
    assert event.log.count() >= 3
    red = {
        (line.number, line.selector.rsplit(".", 1)[1])
        for line in duty_lines(body=body, on=NOW.date())
        if line.state == "missing" and line.selector is not None
    }
    assert {
        ("3.1 b", "overdue_execution_evidence"),
        ("3.1 c", "late_assignment_reports_evidence"),
        ("5.1.1", "open_budget_initiatives_evidence"),
    } <= red

    load_demo()

    assert Assignment.objects.filter(decision__body=body).count() == 1
    assert CrisisEvent.objects.filter(body=body).count() == 1
