"""An operator made from the command line is in the event log, so `kansli audit verify` finds
an event for the account."""

from io import StringIO

import pytest
from django.core.management import call_command

from kansli.accounts.models import User
from kansli.audit.models import Event


def test_createsuperuser_records_the_operator_and_verify_passes(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "ett-långt-lösenord-för-test")

    call_command(
        "createsuperuser",
        interactive=False,
        username="driften",
        email="drift@example.org",
        stdout=StringIO(),
    )

    operator = User.objects.get(username="driften")
    event = Event.objects.get(object_type="accounts.user", object_id=str(operator.pk))
    assert event.action == "user.create"
    assert event.after["is_superuser"] is True
    assert event.after["password"].startswith("sha256:")
    call_command("audit", "verify", stdout=StringIO())
