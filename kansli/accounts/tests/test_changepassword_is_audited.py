"""An operator's password reset from the command line is in the event log, so `kansli audit
verify` does not report the password as changed around the log."""

from io import StringIO

import pytest
from django.contrib.auth.management.commands.changepassword import Command
from django.core.management import CommandError, call_command

from kansli.accounts.models import User
from kansli.audit.models import Event


@pytest.fixture
def typed_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Command, "_get_pass", lambda self, prompt="": "ett-nytt-långt-lösenord")


def test_changepassword_records_the_change_and_verify_passes(
    db: None, typed_password: None
) -> None:
    operator = User.objects.create_superuser("driften", password="ett-gammalt-långt-lösenord")

    call_command("changepassword", "driften", stdout=StringIO())

    operator.refresh_from_db()
    assert operator.check_password("ett-nytt-långt-lösenord")
    event = Event.objects.filter(object_type="accounts.user").latest("seq")
    assert event.action == "user.update"
    assert event.before["password"] != event.after["password"]
    assert event.after["password"].startswith("sha256:")
    call_command("audit", "verify", stdout=StringIO())


def test_changepassword_of_an_unknown_user_records_nothing(db: None, typed_password: None) -> None:
    with pytest.raises(CommandError):
        call_command("changepassword", "ingen", stdout=StringIO())

    assert not Event.objects.exists()
