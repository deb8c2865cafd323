"""Execution tasks and assignments through the API: read with any key, filtered; a report
filed with the director's key, refused with a board member's."""

import datetime

import pytest

from kansli.decisions import services
from kansli.decisions.models import Assignment, ExecutionTask
from kansli.decisions.tests.conftest import api_client_of
from kansli.decisions.tests.followup_samples import board_decision, organ, user
from kansli.organisation.models import Body

URL = "/api/v1/bodies/vanersborg/followup"
DECIDED = datetime.date(2026, 1, 15)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def task(vanersborg: Body) -> ExecutionTask:
    return services.execution_task_assign(
        actor=user("direktor"),
        decision=board_decision(vanersborg, "Inför e-arkiv", DECIDED),
        title="Upphandla e-arkiv",
        executor=organ(vanersborg, "utvecklingsstaben"),
        due_on=datetime.date(2026, 3, 31),
        assigned_on=DECIDED,
    )


@pytest.fixture
def assignment(vanersborg: Body) -> Assignment:
    return services.assignment_give(
        actor=None,
        decision=board_decision(vanersborg, "Uppdrag om lokaler", DECIDED, 2),
        title="Lokalförsörjningsplan",
        due_on=datetime.date(2027, 12, 31),
        report_interval_months=1,
    )


def test_tasks_are_listed_with_their_overdue_flag_and_filtered(task: ExecutionTask) -> None:
    client = api_client_of(user("ledamot"))

    before = client.get(f"{URL}/execution-tasks", {"date": "2026-03-31"}).json()
    overdue = client.get(f"{URL}/execution-tasks", {"overdue": True, "date": "2026-04-01"}).json()
    elsewhere = client.get(f"{URL}/execution-tasks", {"executor": "ekonomistaben"}).json()

    assert [(row["title"], row["overdue"]) for row in before] == [("Upphandla e-arkiv", False)]
    assert [row["id"] for row in overdue] == [task.pk]
    assert overdue[0]["executor"]["slug"] == "utvecklingsstaben"
    assert overdue[0]["decision"]["organization"]["slug"] == "ks"
    assert elsewhere == []


def test_one_task_and_a_missing_one(task: ExecutionTask) -> None:
    client = api_client_of(user("ledamot"))
    assert client.get(f"{URL}/execution-tasks/{task.pk}").json()["status"] == "open"
    assert client.get(f"{URL}/execution-tasks/{task.pk + 1}").status_code == 404


def test_director_files_a_report_with_a_key(assignment: Assignment) -> None:
    client = api_client_of(user("direktor"))

    response = client.post(
        f"{URL}/assignments/{assignment.pk}/reports",
        {"text": "Inventeringen är klar.", "reported_on": "2026-02-10"},
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["last_reported_on"] == "2026-02-10"
    assert [report["text"] for report in body["reports"]] == ["Inventeringen är klar."]


def test_a_board_member_may_not_report(assignment: Assignment) -> None:
    response = api_client_of(user("ledamot")).post(
        f"{URL}/assignments/{assignment.pk}/reports",
        {"text": "Nej"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not assignment.reports.exists()


def test_assignments_show_when_the_next_report_is_due(assignment: Assignment) -> None:
    client = api_client_of(user("ledamot"))

    rows = client.get(f"{URL}/assignments", {"date": "2026-02-16"}).json()
    late = client.get(f"{URL}/assignments", {"late": True, "date": "2026-02-15"}).json()
    one = client.get(f"{URL}/assignments/{assignment.pk}").json()

    assert rows[0]["next_report_due"] == "2026-02-15"
    assert rows[0]["report_late"] is True
    assert late == []
    assert one["assignee"]["name"] == "Katarina Holmgren"
    assert one["reports"] == []
