"""Idempotency keys, and the answers they keep, are forgotten after their lifetime
(KANSLI_IDEMPOTENCY_HOURS) even when the key is never used again: `kansli integrations
sweep-keys` and the task `sweep_idempotency_keys` remove the expired ones and keep the rest."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from kansli.accounts.models import User
from kansli.integrations import tasks
from kansli.integrations.idempotency import keys_sweep
from kansli.integrations.models import IdempotencyKey


def key(user: User, name: str, expires_in: datetime.timedelta) -> IdempotencyKey:
    return IdempotencyKey.objects.create(
        user=user,
        key=name,
        fingerprint="0" * 64,
        status=201,
        response={"description": "Anmälan"},
        expires_at=timezone.now() + expires_in,
    )


def test_the_command_removes_the_expired_keys_and_keeps_the_live_ones(db: None) -> None:
    user = User.objects.create_user("system", password=None)
    key(user, "gammal", -datetime.timedelta(minutes=1))
    key(user, "aktuell", datetime.timedelta(hours=1))
    out = StringIO()

    call_command("integrations", "sweep-keys", stdout=out)

    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["aktuell"]
    assert "1 idempotensnycklar" in out.getvalue()


def test_the_sweep_counts_from_the_moment_it_is_given(db: None) -> None:
    user = User.objects.create_user("system", password=None)
    key(user, "om-en-timme", datetime.timedelta(hours=1))

    assert keys_sweep() == 0
    assert keys_sweep(now=timezone.now() + datetime.timedelta(hours=2)) == 1
    assert not IdempotencyKey.objects.exists()


def test_the_task_sweeps_too(db: None) -> None:
    user = User.objects.create_user("system", password=None)
    key(user, "gammal", -datetime.timedelta(seconds=1))

    result = tasks.sweep_idempotency_keys.enqueue()

    assert IdempotencyKey.objects.count() == 0
    assert result.return_value == 1
