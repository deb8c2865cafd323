"""The `kansli` console entry point runs `audit verify` and exits non-zero on a broken chain."""

import pytest
from django.db import connection

from kansli.audit.models import Event
from kansli.cli import main


def test_kansli_audit_verify_exits_normally_on_an_intact_chain(
    events: list[Event], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["kansli", "audit", "verify"])

    main()

    assert "Händelseloggen är obruten" in capsys.readouterr().out


def test_kansli_audit_verify_exits_with_status_1_naming_the_event(
    events: list[Event], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_event WHERE seq = %s", [2])
    monkeypatch.setattr("sys.argv", ["kansli", "audit", "verify"])

    with pytest.raises(SystemExit) as exit_:
        main()

    assert exit_.value.code == 1
    assert "händelse 2: händelsen saknas" in capsys.readouterr().err


def test_kansli_audit_without_a_subcommand_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["kansli", "audit"])

    with pytest.raises(SystemExit) as exit_:
        main()

    assert exit_.value.code == 2
    assert "verify" in capsys.readouterr().err
