"""`kansli reindex` makes the index terms again, a batch at a time, reporting how far it came:
here in the command, or, with --enqueue, as a background task queued once its transaction has
committed, which the task worker works (the database's queue, worked by `db_worker --batch`)."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from kansli.accounts.models import User
from kansli.registry.models import Case, Document
from kansli.search import index
from kansli.search.models import SearchEntry
from kansli.search.selectors import search
from kansli.web.models import TaskRun
from kansli.web.progress import run_state


def numbers(user: User, query: str) -> set[str]:
    return {hit.view.document.number for hit in search(user=user, query=query).hits}


def forget_terms() -> None:
    SearchEntry.objects.update(vector=None, open_vector=None)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


@pytest.fixture
def two(case: Case, register: Callable[..., Document]) -> list[Document]:
    """Two documents whose terms are forgotten."""
    found = [register(case, "Nya laddplatser"), register(case, "Fler laddplatser")]
    forget_terms()
    return found


def test_the_command_reindexes_the_body_a_batch_at_a_time_and_says_how_far(
    two: list[Document], officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "REINDEX_BATCH", 1)
    assert numbers(officer, "laddplats") == set()
    out = StringIO()

    call_command("reindex", "--body", two[0].case.organization.body.slug, stdout=out)

    assert out.getvalue().splitlines() == ["1 / 2", "2 / 2"]
    assert numbers(officer, "laddplats") == {document.number for document in two}
    assert not TaskRun.objects.exists()


def test_enqueued_the_reindexing_is_a_task_queued_after_commit_that_reports_to_its_run(
    two: list[Document],
    officer: User,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[list[object]]],
) -> None:
    out = StringIO()
    with django_capture_on_commit_callbacks() as queued:
        call_command("reindex", "--enqueue", stdout=out)
        # The command's own transaction has committed, the test's has not: nothing queued yet.
        assert TaskRun.objects.get().result_id == ""
        assert numbers(officer, "laddplats") == set()
    for callback in queued:
        callback()  # type: ignore[operator]

    run = TaskRun.objects.get()
    assert str(run.pk) in out.getvalue()
    assert run.user is None
    assert (run.done, run.total) == (2, 2)
    assert run.summary == "2 handlingar är indexerade på nytt."
    assert run_state(run).status == TaskResultStatus.SUCCESSFUL
    assert numbers(officer, "laddplats") == {document.number for document in two}


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_holds_the_reindexing_until_a_worker_works_it(
    two: list[Document], officer: User, settings: Settings
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("reindex", "--enqueue", stdout=StringIO())
    run = TaskRun.objects.get()
    assert run_state(run).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    assert numbers(officer, "laddplats") == set()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    run.refresh_from_db()
    assert run_state(run).status == TaskResultStatus.SUCCESSFUL
    assert (run.done, run.total) == (2, 2)
    assert numbers(officer, "laddplats") == {document.number for document in two}
