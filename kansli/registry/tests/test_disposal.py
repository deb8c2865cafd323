"""Disposal (gallring): what each rule has due, counted in years from the closing of the case;
the run decided by the registrar as a gallringsbeslut in the register, which removes the files
and their text and keeps the record of what went; wrong users refused; and the public record
that masks a secret title. Dates are built from today."""

import datetime
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.audit.selectors import rows_verify
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.disposal import disposal_decide, due, years_before
from kansli.registry.models import Case, Disposal, Document, File, RetentionRule
from kansli.registry.tasks import REMOVAL_ATTEMPTS
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.plans import process, shipped_plan
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.search.models import SearchEntry
from kansli.web.models import TaskRun
from kansli.web.progress import run_state


@dataclass(frozen=True)
class World:
    rule: RetentionRule  # "Förfrågningar och information": disposed after two years
    temporary: RetentionRule  # "Handlingar av tillfällig betydelse": two years
    due_case: Case  # a question answered, closed just over two years ago
    due_letter: Document  # its letter, secret, with a file
    kept_reply: Document  # its reply, which its own rule preserves
    young_case: Case  # closed a day under two years ago
    preserved_case: Case  # a preserved process, closed long ago
    temporary_note: Document  # in the preserved case, with a rule of its own that disposes


def _case(board: Organization, code: str, title: str, closed_on: datetime.date) -> Case:
    return services.case_open(
        actor=None,
        organization=board,
        title=title,
        opened_on=closed_on - datetime.timedelta(days=30),
        plan_class=process(board.body, code),
    )


def _close(case: Case, on: datetime.date) -> Case:
    return services.case_close(actor=None, case=case, closed_on=on)


@pytest.fixture
def world(body: Body, board: Organization) -> World:
    shipped_plan(body)
    rule = RetentionRule.objects.get(body=body, name="Förfrågningar och information")
    temporary = RetentionRule.objects.get(body=body, name="Handlingar av tillfällig betydelse")
    preserve = RetentionRule.objects.get(body=body, name="Ärendehandlingar")
    two_years_ago = years_before(timezone.localdate(), 2)
    due_case = _case(board, "2.1.1", "Fråga om skolskjuts för en elev", two_years_ago)
    due_letter = services.document_register(
        actor=None,
        case=due_case,
        direction=Document.Direction.INCOMING,
        date=due_case.opened_on,
        counterpart="Förälder Föräldersson",
        description="Fråga om skolskjuts för eleven Kalle",
        secrecy_reference="OSL 23 kap. 2 §",
        description_masked=True,
        files=[upload("fraga.pdf", pdf_bytes("Kalle behöver skolskjuts"))],
    )
    kept_reply = services.document_register(
        actor=None,
        case=due_case,
        direction=Document.Direction.OUTGOING,
        date=due_case.opened_on,
        counterpart="Förälder Föräldersson",
        description="Svar om skolskjuts",
        retention_rule=preserve,
    )
    _close(due_case, two_years_ago)
    young_case = _case(board, "2.1.1", "Fråga om taxor", two_years_ago + datetime.timedelta(days=1))
    _close(young_case, two_years_ago + datetime.timedelta(days=1))
    preserved_case = _case(
        board, "1.1.2", "Revidering av instruktionen", years_before(timezone.localdate(), 9)
    )
    temporary_note = services.document_register(
        actor=None,
        case=preserved_case,
        direction=Document.Direction.DRAWN_UP,
        date=preserved_case.opened_on,
        description="Kallelse till arbetsmöte",
        retention_rule=temporary,
    )
    _close(preserved_case, years_before(timezone.localdate(), 9))
    return World(
        rule=rule,
        temporary=temporary,
        due_case=Case.objects.get(pk=due_case.pk),
        due_letter=due_letter,
        kept_reply=kept_reply,
        young_case=Case.objects.get(pk=young_case.pk),
        preserved_case=Case.objects.get(pk=preserved_case.pk),
        temporary_note=temporary_note,
    )


@pytest.fixture
def registrar(staff: Callable[..., User]) -> User:
    return staff("rut", Role.REGISTRAR)


def test_a_rule_lists_what_has_been_closed_its_years(world: World) -> None:
    found = due(rule=world.rule, on=timezone.localdate())
    assert found.closed_on_or_before == years_before(timezone.localdate(), 2)
    assert found.cases == [world.due_case]
    # The reply's own rule preserves it; the young case waits a day more.
    assert found.documents == [world.due_letter]
    tomorrow = due(rule=world.rule, on=timezone.localdate() + datetime.timedelta(days=1))
    assert tomorrow.cases == [world.due_case, world.young_case]


def test_a_document_follows_its_own_rule(world: World) -> None:
    found = due(rule=world.temporary, on=timezone.localdate())
    assert found.cases == []
    assert found.documents == [world.temporary_note]


def test_a_run_removes_the_files_and_keeps_the_record(
    world: World,
    registrar: User,
    media: Path,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    assert len(stored_files(media)) == 1
    # The stored files go once the disposal has committed.
    with django_capture_on_commit_callbacks(execute=True):
        disposal = disposal_decide(actor=registrar, rule=world.rule).disposal

    # The gallringsbeslut is registered in a closed case of its own, by the registrar.
    decision = disposal.decision
    assert decision.direction == Document.Direction.DRAWN_UP
    assert decision.case.status == Case.Status.CLOSED
    assert "gallras enligt Förfrågningar och information" in decision.description
    assert disposal.decided_by == registrar
    assert disposal.decided_on == timezone.localdate()
    # The file and its text are gone, from storage, the table and the search.
    assert stored_files(media) == []
    assert not File.objects.filter(document=world.due_letter).exists()
    entry = SearchEntry.objects.get(document=world.due_letter)
    assert "behöver" not in entry.text
    # The registrations stay; the record lists what went.
    assert Document.objects.filter(pk=world.due_letter.pk).exists()
    items = {(item.number, item.title, item.files) for item in disposal.items.all()}
    assert items == {
        (world.due_case.number, "Fråga om skolskjuts för en elev", 0),
        (world.due_letter.number, "Fråga om skolskjuts för eleven Kalle", 1),
    }
    # All of it in the event log, which still agrees with the rows.
    actions = set(Event.objects.filter(actor=registrar).values_list("action", flat=True))
    assert {"disposal.create", "disposeditem.create", "file.delete"} <= actions
    assert rows_verify() is None
    # What went is not due again.
    assert due(rule=world.rule, on=timezone.localdate()).empty
    with pytest.raises(ValidationError, match="Inget ska gallras"):
        disposal_decide(actor=registrar, rule=world.rule)


def test_the_wrong_users_are_refused_and_nothing_goes(
    world: World, staff: Callable[..., User], other_registrar: User, client: Client, body: Body
) -> None:
    for user in (
        staff("hanna", Role.CASE_OFFICER),
        staff("ledamot", Role.ELECTED_MEMBER),
        staff("admin", Role.ADMINISTRATOR),
        other_registrar,
    ):
        with pytest.raises(PermissionDenied):
            disposal_decide(actor=user, rule=world.rule)
        client.force_login(user)
        page = reverse("registry:disposal", args=[body.slug])
        assert client.get(page).status_code == 403
        assert client.post(page, {"regel": world.rule.pk}).status_code == 403
    client.logout()
    assert client.get(page).status_code in (302, 403)
    assert not Disposal.objects.exists()
    assert File.objects.filter(document=world.due_letter).exists()


def test_the_registrar_decides_on_the_page_and_the_public_record_masks_secret_titles(
    world: World, registrar: User, client: Client, body: Body
) -> None:
    client.force_login(registrar)
    page = reverse("registry:disposal", args=[body.slug])
    cases = client.get(reverse("registry:case_list", args=[body.slug])).content.decode()
    assert f'href="{page}"' in cases
    listed = client.get(page).content.decode()
    assert world.due_case.number in listed
    assert world.temporary_note.number in listed
    response = client.post(page, {"regel": world.rule.pk})
    disposal = Disposal.objects.get()
    record = reverse("registry:disposal_record", args=[body.slug, disposal.pk])
    # The decider follows the removal of the files (test_disposal_removal.py).
    assert response.status_code == 302
    assert response["Location"] == reverse("web:task_progress", args=[TaskRun.objects.get().pk])
    assert "Fråga om skolskjuts för eleven Kalle" in client.get(record).content.decode()
    assert disposal.decision.number in client.get(page).content.decode()
    client.logout()
    public = client.get(record).content.decode()
    assert world.due_letter.number in public
    assert "Kalle" not in public
    assert "[Sekretess enligt OSL 23 kap. 2 §]" in public


def test_the_command_lists_and_disposes(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("gallring", "--body", "vanersborg", "--dry-run")
    listed = capsys.readouterr().out
    assert world.due_case.number in listed
    assert world.temporary_note.number in listed
    assert not Disposal.objects.exists()
    call_command("gallring", "--body", "vanersborg")
    assert Disposal.objects.count() == 2
    assert due(rule=world.rule, on=timezone.localdate()).empty
    assert due(rule=world.temporary, on=timezone.localdate()).empty


def test_the_files_go_by_a_task_queued_only_after_the_decision_commits(
    world: World,
    registrar: User,
    media: Path,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[list[object]]],
) -> None:
    with django_capture_on_commit_callbacks() as queued:
        decided = disposal_decide(actor=registrar, rule=world.rule)

    # Decided and recorded, but nothing queued nor removed while the transaction is open.
    assert decided.removal is not None
    assert TaskRun.objects.get().result_id == ""
    assert len(stored_files(media)) == 1
    assert run_state(decided.removal).status == TaskResultStatus.READY
    for callback in queued:
        callback()  # type: ignore[operator]
    run = TaskRun.objects.get()
    assert run.result_id != ""
    assert stored_files(media) == []
    assert (run.done, run.total, run.failure) == (1, 1, "")
    assert run_state(run).status == TaskResultStatus.SUCCESSFUL


def _failing(times: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The storage refuses to delete the first `times` times; the names it was asked."""
    asked: list[str] = []
    delete = default_storage.delete

    def refusing(name: str) -> None:
        asked.append(name)
        if len(asked) <= times:
            raise OSError("the storage is down")
        delete(name)

    monkeypatch.setattr(default_storage, "delete", refusing)
    return asked


def test_a_file_the_storage_refuses_is_tried_again_until_it_goes(
    world: World,
    registrar: User,
    media: Path,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    asked = _failing(2, monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        disposal_decide(actor=registrar, rule=world.rule)

    assert len(asked) == 3
    assert stored_files(media) == []
    run = TaskRun.objects.get()
    assert run_state(run).status == TaskResultStatus.SUCCESSFUL
    assert (run.done, run.failure) == (1, "")


def test_a_file_that_never_goes_fails_the_run_visibly_and_stays(
    world: World,
    registrar: User,
    media: Path,
    monkeypatch: pytest.MonkeyPatch,
    client: Client,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    asked = _failing(REMOVAL_ATTEMPTS, monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        removal = disposal_decide(actor=registrar, rule=world.rule).removal

    assert removal is not None
    assert len(asked) == REMOVAL_ATTEMPTS
    assert len(stored_files(media)) == 1
    assert run_state(TaskRun.objects.get()).status == TaskResultStatus.FAILED
    client.force_login(registrar)
    page = client.get(reverse("web:task_progress", args=[removal.pk])).content.decode()
    assert "Misslyckades" in page
    assert "1 av 1 filer kunde inte tas bort efter 5 försök" in page
    assert "Traceback" not in page
    assert "hx-trigger" not in page  # finished: it polls no more


def test_only_the_decider_follows_the_removal(
    world: World,
    registrar: User,
    staff: Callable[..., User],
    other_registrar: User,
    client: Client,
    body: Body,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[object]],
) -> None:
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registry:disposal", args=[body.slug]), {"regel": world.rule.pk})
    disposal = Disposal.objects.get()
    progress = reverse("web:task_progress", args=[TaskRun.objects.get().pk])
    page = client.get(progress).content.decode()
    assert "Klar." in page
    assert "1 fil är borttagen." in page
    assert reverse("registry:disposal_record", args=[body.slug, disposal.pk]) in page
    for user in (
        staff("registrator2", Role.REGISTRAR),
        staff("ledamot", Role.ELECTED_MEMBER),
        other_registrar,
    ):
        client.force_login(user)
        assert client.get(progress).status_code == 404
    client.logout()
    response = client.get(progress)
    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_holds_the_removal_until_a_worker_works_it(
    world: World, registrar: User, media: Path, client: Client, settings: Settings
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    removal = disposal_decide(actor=registrar, rule=world.rule).removal
    assert removal is not None

    # Queued in the database, not yet worked: the page polls and says so.
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert len(stored_files(media)) == 1
    client.force_login(registrar)
    progress = reverse("web:task_progress", args=[removal.pk])
    page = client.get(progress, headers={"HX-Request": "true"}).content.decode()
    assert "I kö" in page
    assert 'hx-trigger="every 2s"' in page

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert stored_files(media) == []
    page = client.get(progress, headers={"HX-Request": "true"}).content.decode()
    assert "Klar." in page
    assert "hx-trigger" not in page
