"""The execution pages: the list of tasks with its filters and CSV, a decision's tasks where
the director gives one and the executor moves it on, and the board's view per meeting and
per year; board members read them without forms."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansli.decisions import services
from kansli.decisions.models import Decision, ExecutionTask
from kansli.decisions.tests.followup_samples import (
    board_decision,
    board_meeting,
    decided_at,
    organ,
    user,
)
from kansli.organisation.models import Body

DECIDED = datetime.date(2026, 3, 4)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def decision(vanersborg: Body) -> Decision:
    return board_decision(vanersborg, "Inför e-arkiv", DECIDED)


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def give(decision: Decision, title: str, executor: str, due_on: datetime.date) -> ExecutionTask:
    return services.execution_task_assign(
        actor=user("direktor"),
        decision=decision,
        title=title,
        executor=organ(decision.body, executor),
        due_on=due_on,
        assigned_on=DECIDED,
    )


def test_director_gives_a_task_on_the_decisions_page(decision: Decision) -> None:
    url = reverse("decisions:execution_task_create", args=["vanersborg", decision.pk])
    response = client_of("direktor").post(
        url,
        {
            "uppgift": "Upphandla e-arkiv",
            "verkstallare": "utvecklingsstaben",
            "klart_senast": (timezone.localdate() + datetime.timedelta(days=28)).isoformat(),
        },
    )

    assert response.status_code == 302
    task = decision.execution_tasks.get()
    assert (task.title, task.executor.slug) == ("Upphandla e-arkiv", "utvecklingsstaben")


def test_a_board_member_reads_the_decisions_page_without_forms(decision: Decision) -> None:
    give(decision, "Upphandla e-arkiv", "utvecklingsstaben", datetime.date(2026, 12, 31))
    page = client_of("ledamot").get(
        reverse("decisions:execution_decision", args=["vanersborg", decision.pk])
    )

    assert page.status_code == 200
    assert "Upphandla e-arkiv" in page.text
    assert "Ge uppgiften" not in page.text
    assert "Ny status" not in page.text


def test_a_board_member_may_not_give_a_task(decision: Decision) -> None:
    url = reverse("decisions:execution_task_create", args=["vanersborg", decision.pk])
    response = client_of("ledamot").post(
        url, {"uppgift": "X", "verkstallare": "utvecklingsstaben", "klart_senast": "2026-12-31"}
    )
    assert response.status_code == 403
    assert not decision.execution_tasks.exists()


def test_executing_official_marks_the_task_executed(decision: Decision) -> None:
    task = give(decision, "Upphandla e-arkiv", "utvecklingsstaben", datetime.date(2026, 12, 31))
    url = reverse("decisions:execution_task_status", args=["vanersborg", task.pk])
    response = client_of("handlaggare").post(url, {"status": "done", "anteckning": "Avtal klart"})

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == ExecutionTask.Status.DONE
    assert task.note.endswith("verkställd: Avtal klart")


def test_task_list_filters_overdue_and_by_executor(decision: Decision) -> None:
    give(decision, "Försenad uppgift", "utvecklingsstaben", datetime.date(2026, 4, 1))
    give(decision, "Framtida uppgift", "ekonomistaben", datetime.date(2099, 1, 1))
    url = reverse("decisions:execution_list", args=["vanersborg"])
    reader = client_of("ledamot")

    overdue = reader.get(url, {"forsenade": "on"}).text
    assert "Försenad uppgift" in overdue
    assert "Framtida uppgift" not in overdue
    by_executor = reader.get(url, {"verkstallare": "ekonomistaben"}).text
    assert "Framtida uppgift" in by_executor
    assert "Försenad uppgift" not in by_executor


def test_task_list_as_csv(decision: Decision) -> None:
    give(decision, "Försenad uppgift", "utvecklingsstaben", datetime.date(2026, 4, 1))
    response = client_of("ledamot").get(
        reverse("decisions:execution_list", args=["vanersborg"]), {"format": "csv"}
    )

    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Beslut;Beslutsdatum;Uppgift;Verkställs av")
    assert lines[1].split(";")[2:4] == ["Försenad uppgift", "Utvecklingsstaben"]
    assert lines[1].endswith(";ja")


def test_board_view_per_meeting_lists_the_meetings_decisions(
    vanersborg: Body, decision: Decision
) -> None:
    meeting = board_meeting(vanersborg, datetime.date(2026, 12, 9))
    decided_at(meeting, decision)
    board_decision(vanersborg, "Ett annat beslut", DECIDED, minute_number=2)
    give(decision, "Upphandla e-arkiv", "utvecklingsstaben", datetime.date(2026, 4, 1))

    page = client_of("ledamot").get(
        reverse("meetings:execution_meeting", args=["vanersborg", meeting.pk])
    )

    assert "Inför e-arkiv" in page.text
    assert "Ett annat beslut" not in page.text
    assert "försenad" in page.text


def test_board_view_per_year_with_execution_over_time(decision: Decision) -> None:
    give(decision, "Upphandla e-arkiv", "utvecklingsstaben", datetime.date(2026, 4, 1))
    page = client_of("ledamot").get(reverse("decisions:execution_year", args=["vanersborg", 2026]))

    assert page.status_code == 200
    assert "Inför e-arkiv" in page.text
    assert 'role="img"' in page.text
    # April holds the one task, not executed: the table beside the chart says so.
    assert '<th scope="row">apr</th>' in page.text

    csv = client_of("ledamot").get(
        reverse("decisions:execution_year", args=["vanersborg", 2026]), {"format": "csv"}
    )
    assert "Inför e-arkiv;försenad;1;1" in csv.content.decode("utf-8-sig")
