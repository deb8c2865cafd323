"""The economy's import as a background task: the file is checked in the request (its errors
on the page at once, test_economy_views.py), then imported by a task queued once the request's
write has committed, whose progress the director follows on the run's page; the task asks for
the director's right again. The wrong user starts nothing and sees no one's progress."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kansli.followup.models import BudgetInitiative, Outcome
from kansli.followup.services import economy
from kansli.web.models import TaskRun
from kansli.web.progress import run_state

IMPORT = "/vanersborg/uppfoljning/ekonomi/import/"
LEDGER = "organisation;år;månad;belopp\nbun;2026;1;2000\n"


@pytest.fixture
def over_budget(body, committee):
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    economy.budget_set(actor=None, organization=committee, year=2026, month=1, amount=Decimal(1000))


def upload() -> dict:
    return {"slag": "utfall", "fil": SimpleUploadedFile("utfall.csv", LEDGER.encode())}


def test_the_checked_file_is_imported_by_a_task_after_commit_with_progress_in_the_page(
    client, over_budget, director, director_user, member_user, django_capture_on_commit_callbacks
):
    client.force_login(director_user)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(IMPORT, upload())

    run = TaskRun.objects.get()
    progress = reverse("web:task_progress", args=[run.pk])
    assert response.status_code == 302
    assert response["Location"] == progress
    # Checked and counted, not yet imported: the task waits for the commit.
    assert (run.user, run.done, run.total, run.result_id) == (director_user, 0, 1, "")
    assert not Outcome.objects.exists()
    assert "I kö" in client.get(progress).content.decode()
    for callback in queued:
        callback()

    assert Outcome.objects.get().source == "utfall.csv"
    assert BudgetInitiative.objects.exists()
    page = client.get(progress).content.decode()
    assert "Klar." in page
    assert "1 utfallsrad inläst. 1 nytt initiativ till styrelsen." in page
    assert 'href="/vanersborg/uppfoljning/ekonomi/"' in page
    client.force_login(member_user)
    assert client.get(progress).status_code == 404


def test_a_wrong_file_or_a_wrong_user_starts_nothing(
    client, committee, director, director_user, member_user
):
    client.force_login(director_user)
    wrong = {"slag": "utfall", "fil": SimpleUploadedFile("utfall.csv", b"organisation\nbun")}
    assert client.post(IMPORT, wrong).status_code == 400
    client.force_login(member_user)
    assert client.post(IMPORT, upload()).status_code == 403
    client.logout()
    assert client.post(IMPORT, upload()).status_code == 302
    assert not TaskRun.objects.exists()
    assert not Outcome.objects.exists()


def test_the_task_asks_for_the_right_again_and_fails_in_words(
    client, over_budget, director, director_user, django_capture_on_commit_callbacks
):
    client.force_login(director_user)
    with django_capture_on_commit_callbacks() as queued:
        client.post(IMPORT, upload())
    director_user.groups.clear()  # no longer the director when the task runs
    for callback in queued:
        callback()

    run = TaskRun.objects.get()
    assert run_state(run).status == TaskResultStatus.FAILED
    assert run.failure
    assert not Outcome.objects.exists()


def test_the_command_enqueues_the_checked_file(
    tmp_path: Path, over_budget, director, capsys, django_capture_on_commit_callbacks
):
    ledger = tmp_path / "utfall.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("economy", "import", str(ledger), "--body", "vanersborg", "--enqueue")

    run = TaskRun.objects.get()
    assert f"uppgift {run.pk}" in capsys.readouterr().out
    assert run.user is None
    assert Outcome.objects.get().source == "utfall.csv"


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_holds_the_import_until_a_worker_works_it(
    client, over_budget, director, director_user, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(director_user)
    progress = client.post(IMPORT, upload())["Location"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    assert "I kö" in client.get(progress).content.decode()
    assert not Outcome.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert Outcome.objects.get().source == "utfall.csv"
    assert "1 utfallsrad inläst." in client.get(progress).content.decode()
