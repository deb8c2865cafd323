"""`kansli authority`'s exit codes: 0 for any answer, 2 for bad input.

A shell sees them through Django's `CommandError.returncode`; one test runs the command as a
shell does, in a process of its own, for input refused before the database is asked. The rest
call the command in the test's process against the demo, which is as the shell's process would
do it and costs no process, no migration and no second demo load."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansli.delegation.models import DelegationRule
from kansli.organisation.models import Body

ROOT = Path(__file__).resolve().parents[3]


def kansli(*arguments: str) -> str:
    """The command's standard output; a refusal raises `CommandError` with its exit code."""
    out = io.StringIO()
    call_command(*arguments, stdout=out)
    return out.getvalue()


def test_an_answer_exits_with_0(demo: dict[str, Body]) -> None:
    done = kansli(
        "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
        "--decision", "organisationsforandring", "--concerning", "socialforvaltningen", "--json",
    )  # fmt: skip

    assert json.loads(done)["outcome"] == "requirements_pending"


def test_a_denial_is_an_answer_too(demo: dict[str, Body]) -> None:
    done = kansli(
        "authority", "check", "--body", "blekinge", "--position", "landstingsjurist",
        "--decision", "anstallning-personal", "--concerning", "kanslienheten", "--json",
    )  # fmt: skip

    assert json.loads(done)["outcome"] == "denied"


def test_the_rules_exit_with_0(demo: dict[str, Body]) -> None:
    done = kansli("authority", "rules", "--body", "blekinge", "--json")

    rules = DelegationRule.objects.filter(order__body=demo["blekinge"])
    assert [rule["id"] for rule in json.loads(done)] == list(
        rules.order_by("position").values_list("key", flat=True)
    )


def test_an_unknown_decision_type_exits_with_2_and_a_swedish_message(
    demo: dict[str, Body],
) -> None:
    with pytest.raises(CommandError) as refused:
        kansli(
            "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
            "--decision", "finns-inte", "--json",
        )  # fmt: skip

    assert refused.value.returncode == 2
    assert str(refused.value) == "Okänd beslutstyp ”finns-inte” hos Vänersborgs kommun."


def test_a_bad_date_exits_with_2(demo: dict[str, Body]) -> None:
    with pytest.raises(CommandError) as refused:
        kansli(
            "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
            "--decision", "lonesattning", "--date", "i morgon",
        )  # fmt: skip

    assert refused.value.returncode == 2
    assert str(refused.value) == "Ogiltigt datum i morgon för --date: ange det som ÅÅÅÅ-MM-DD."


def test_a_missing_actor_exits_with_2_in_a_shell(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kansli.cli", "authority", "check", "--body", "vanersborg",
         "--decision", "lonesattning"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kansli.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kansli.sqlite3'}",
            "KANSLI_VAR_DIR": str(tmp_path),
            "DEBUG": "1",
        },
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip

    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
