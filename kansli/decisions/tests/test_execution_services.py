"""The director gives a decision's execution to a department or company, and the task moves
from open to executed; overdue tasks are flagged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.decisions import selectors, services
from kansli.decisions.models import ExecutionTask
from kansli.decisions.tests.followup_samples import board_decision, organ, user
from kansli.organisation.models import Body

DECIDED = datetime.date(2026, 3, 4)
DUE = datetime.date(2026, 6, 30)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


def assign(
    body: Body, actor_name: str = "direktor", executor: str = "utvecklingsstaben"
) -> ExecutionTask:
    decision = board_decision(body, "Inför e-arkiv", DECIDED)
    return services.execution_task_assign(
        actor=user(actor_name),
        decision=decision,
        title="Upphandla e-arkiv",
        executor=organ(body, executor),
        due_on=DUE,
        assigned_on=datetime.date(2026, 3, 10),
    )


def test_director_gives_execution_to_a_department(vanersborg: Body) -> None:
    task = assign(vanersborg)

    assert task.status == ExecutionTask.Status.OPEN
    assert task.assigned_by == user("direktor").person
    assert task.executor.slug == "utvecklingsstaben"


@pytest.mark.parametrize("who", ["sekreterare", "handlaggare", "ledamot"])
def test_only_the_director_gives_execution(vanersborg: Body, who: str) -> None:
    with pytest.raises(PermissionDenied):
        assign(vanersborg, actor_name=who)
    assert not ExecutionTask.objects.exists()


def test_a_political_organ_does_not_execute(vanersborg: Body) -> None:
    with pytest.raises(ValidationError, match="kan inte verkställa"):
        assign(vanersborg, executor="socialnamnden")


def test_task_cannot_be_due_before_it_is_given(vanersborg: Body) -> None:
    decision = board_decision(vanersborg, "Inför e-arkiv", DECIDED)
    with pytest.raises(ValidationError, match="klar innan"):
        services.execution_task_assign(
            actor=user("direktor"),
            decision=decision,
            title="Upphandla",
            executor=organ(vanersborg, "utvecklingsstaben"),
            due_on=datetime.date(2026, 3, 9),
            assigned_on=datetime.date(2026, 3, 10),
        )


def test_executing_official_moves_the_task_to_done_with_notes(vanersborg: Body) -> None:
    task = assign(vanersborg)
    officer = user("handlaggare")  # posted in utvecklingsstaben

    services.execution_task_status_set(
        actor=officer,
        task=task,
        status=ExecutionTask.Status.IN_PROGRESS,
        note="Förfrågan ute",
        on=datetime.date(2026, 4, 1),
    )
    task = services.execution_task_status_set(
        actor=officer, task=task, status=ExecutionTask.Status.DONE, on=datetime.date(2026, 5, 2)
    )

    assert task.status == ExecutionTask.Status.DONE
    assert task.done_on == datetime.date(2026, 5, 2)
    assert task.note == "2026-04-01 pågår: Förfrågan ute\n2026-05-02 verkställd"


def test_an_official_of_another_unit_may_not_change_the_task(vanersborg: Body) -> None:
    task = assign(vanersborg)
    with pytest.raises(PermissionDenied):
        services.execution_task_status_set(
            actor=user("registrator"), task=task, status=ExecutionTask.Status.DONE
        )


def test_reopened_task_loses_its_done_date(vanersborg: Body) -> None:
    task = assign(vanersborg)
    director = user("direktor")
    services.execution_task_status_set(actor=director, task=task, status="done")
    task = services.execution_task_status_set(actor=director, task=task, status="in_progress")
    assert task.done_on is None


def test_task_past_due_and_not_done_is_overdue(vanersborg: Body) -> None:
    task = assign(vanersborg)
    after = DUE + datetime.timedelta(days=1)

    assert list(selectors.execution_tasks(body=vanersborg, overdue_on=DUE)) == []
    assert list(selectors.execution_tasks(body=vanersborg, overdue_on=after)) == [task]

    services.execution_task_status_set(
        actor=user("direktor"), task=task, status="cancelled", note="Lagen ändrad"
    )
    assert list(selectors.execution_tasks(body=vanersborg, overdue_on=after)) == []
