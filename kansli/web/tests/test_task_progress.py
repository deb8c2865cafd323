"""A background task's progress page (`web:task_progress`): the state is the task backend's
(here the database's queue, which can be asked again), queued until the transaction that
started it commits; htmx polls the part every two seconds until the task has finished, which
then shows what came of it, or a failure in words, never a traceback. The starter alone sees
it."""

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.web.models import TaskRun
from kansli.web.progress import run_fail, run_finish, run_progress, run_start

HTMX = {"HX-Request": "true"}


@task()
def count_letters(*, run: str, letters: int) -> int:
    """A task for the page to follow; the tests set its state in the queue by hand."""
    run_progress(run, done=letters, total=letters)
    return letters


@pytest.fixture(autouse=True)
def database_queue(settings: Settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def starter(make_user: Callable[..., User]) -> User:
    return make_user("rut", Role.REGISTRAR)


@pytest.fixture
def started(
    starter: User,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> TaskRun:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        run = run_start(user=starter, title="Räkna brev", task=count_letters, letters=7)
    run.refresh_from_db()
    return run


def _part(client: Client, run: TaskRun) -> str:
    response = client.get(reverse("web:task_progress", args=[run.pk]), headers=HTMX)
    assert response.status_code == 200
    return response.content.decode()


def _queued_as(status: TaskResultStatus) -> None:
    DBTaskResult.objects.update(status=status)


def test_a_run_is_queued_only_once_its_transaction_commits(
    starter: User,
    client: Client,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[list[object]]],
) -> None:
    client.force_login(starter)
    with django_capture_on_commit_callbacks() as queued:
        run = run_start(user=starter, title="Räkna brev", task=count_letters, letters=7)

    assert not DBTaskResult.objects.exists()
    assert "I kö" in _part(client, run)
    for callback in queued:
        callback()  # type: ignore[operator]
    run.refresh_from_db()
    assert run.result_id == str(DBTaskResult.objects.get().pk)


def test_the_part_polls_while_queued_and_running_and_stops_when_done(
    started: TaskRun, starter: User, client: Client
) -> None:
    client.force_login(starter)
    queued = _part(client, started)
    assert "I kö: arbetet börjar strax." in queued
    assert 'hx-trigger="every 2s"' in queued

    _queued_as(TaskResultStatus.RUNNING)
    run_progress(str(started.pk), done=3, total=7)
    running = _part(client, started)
    assert "Pågår." in running
    assert "3 av 7" in running
    assert 'hx-trigger="every 2s"' in running

    _queued_as(TaskResultStatus.SUCCESSFUL)
    run_finish(str(started.pk), summary="7 brev räknade.", link="/arenden/")
    done = _part(client, started)
    assert "Klar." in done
    assert "7 brev räknade." in done
    assert 'href="/arenden/"' in done
    assert "hx-trigger" not in done


def test_a_failure_is_told_in_words_never_as_a_traceback(
    started: TaskRun, starter: User, client: Client
) -> None:
    client.force_login(starter)
    DBTaskResult.objects.update(
        status=TaskResultStatus.FAILED,
        exception_class_path="builtins.OSError",
        traceback="Traceback (most recent call last):\n  OSError: disk full",
    )
    unexplained = _part(client, started)
    assert "Misslyckades." in unexplained
    assert "Arbetet avbröts av ett oväntat fel" in unexplained
    assert "Traceback" not in unexplained
    assert "OSError" not in unexplained

    run_fail(str(started.pk), message="Tre brev kunde inte läsas.")
    assert "Tre brev kunde inte läsas." in _part(client, started)


def test_a_result_the_backend_no_longer_knows_is_finished(
    started: TaskRun, starter: User, client: Client
) -> None:
    client.force_login(starter)
    DBTaskResult.objects.all().delete()
    part = _part(client, started)
    assert "Uppgiftens resultat finns inte längre kvar." in part
    assert "hx-trigger" not in part


def test_the_whole_page_without_htmx(started: TaskRun, starter: User, client: Client) -> None:
    client.force_login(starter)
    page = client.get(reverse("web:task_progress", args=[started.pk])).content.decode()
    assert "<h1>Bakgrundsuppgift</h1>" in page
    assert "Räkna brev" in page


def test_only_the_starter_sees_the_run(
    started: TaskRun, make_user: Callable[..., User], client: Client
) -> None:
    url = reverse("web:task_progress", args=[started.pk])
    for other in (make_user("registrator2", Role.REGISTRAR), make_user("ledamot")):
        client.force_login(other)
        assert client.get(url).status_code == 404
        assert client.get(url, headers=HTMX).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]
