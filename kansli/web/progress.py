"""Long work as a background task whose progress the user follows in the page.

A service that starts long work calls `run_start` in its transaction: the run (who, what) is
written with the change, and the task is queued once the transaction has committed, so no task
works on a change that rolled back. The task receives the run's id as its keyword `run` and
tells how far it came (`run_progress`), what came of it (`run_finish`) or why it failed
(`run_fail`). `run_state` reads the state from the task backend, the source of truth, and the
rest from the run; the page `web:task_progress` shows it to the user who started the run.
"""

import functools
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django_tasks import TaskResultStatus, task_backends
from django_tasks.base import Task
from django_tasks.exceptions import TaskResultDoesNotExist

from kansli.audit.services import Actor
from kansli.web.models import TaskRun


def run_start(*, user: Actor, title: str, task: Task[..., Any], **kwargs: Any) -> TaskRun:
    """Record the run for the user (none for the system) and queue `task(run=<id>, **kwargs)`
    once the caller's transaction has committed. The arguments must be JSON."""
    run = TaskRun.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        title=title,
        backend=task.backend,
    )
    transaction.on_commit(functools.partial(run_enqueue, run_id=str(run.pk), task=task, **kwargs))
    return run


def run_enqueue(*, run_id: str, task: Task[..., Any], **kwargs: Any) -> None:
    """Queue the task of the run now, and keep its result id: the first attempt, or another
    after one that failed in part (the run's page follows the latest)."""
    before = TaskRun.objects.values_list("result_id", flat=True).get(pk=run_id)
    result = task.enqueue(run=run_id, **kwargs)
    asked_again = task.get_backend().supports_get_result
    # A backend that runs the task at once (the immediate one) may have queued a later attempt
    # inside it: the latest attempt's result stays the run's.
    TaskRun.objects.filter(pk=run_id, result_id=before).update(
        result_id=result.id, status_at_enqueue="" if asked_again else result.status
    )


def run_progress(run_id: str | None, *, done: int, total: int | None = None) -> None:
    """The task has done `done` of `total` (unchanged if not given). A task run without a run
    (by an operator's command) reports to nobody."""
    if run_id is None:
        return
    changes: dict[str, Any] = {"done": done}
    if total is not None:
        changes["total"] = total
    TaskRun.objects.filter(pk=run_id).update(**changes)


def run_finish(run_id: str | None, *, summary: str, link: str = "") -> None:
    """What came of the task, in words, and where to see it."""
    if run_id is not None:
        TaskRun.objects.filter(pk=run_id).update(summary=summary, link=link, failure="")


def run_fail(run_id: str | None, *, message: str) -> None:
    """Why the task failed (or failed in part and will be tried again), in words for the user.
    The task raises after it to fail."""
    if run_id is not None:
        TaskRun.objects.filter(pk=run_id).update(failure=message)


@dataclass(frozen=True)
class RunState:
    """A run as its page shows it. `status` is the backend's; None when the backend no longer
    knows the result (pruned, or the broker's store was lost)."""

    run: TaskRun
    status: TaskResultStatus | None

    @property
    def finished(self) -> bool:
        return self.status in (None, TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)


def run_state(run: TaskRun) -> RunState:
    if not run.result_id:
        return RunState(run, TaskResultStatus.READY)  # its transaction has not yet committed
    if run.status_at_enqueue:
        return RunState(run, TaskResultStatus(run.status_at_enqueue))
    try:
        result = task_backends[run.backend].get_result(run.result_id)
    except TaskResultDoesNotExist:
        return RunState(run, None)
    return RunState(run, result.status)
