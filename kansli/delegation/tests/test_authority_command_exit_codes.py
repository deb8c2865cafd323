"""`kansli authority` as a shell runs it: exit code 0 for any answer, 2 for bad input, against
a database of its own with the demo loaded."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def kansli(tmp_path_factory: pytest.TempPathFactory):
    """Run `python -m kansli.cli …` against a fresh SQLite database holding the demo."""
    folder = tmp_path_factory.mktemp("kansli")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kansli.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'kansli.sqlite3'}",
        "KANSLI_VAR_DIR": str(folder),
        "DEBUG": "1",
    }

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own command, with fixed arguments
            [sys.executable, "-m", "kansli.cli", *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )

    for setup in (["migrate", "--noinput"], ["loaddemo"]):
        assert run(*setup).returncode == 0
    return run


def test_an_answer_exits_with_0(kansli):
    done = kansli(
        "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
        "--decision", "organisationsforandring", "--concerning", "socialforvaltningen", "--json",
    )  # fmt: skip

    assert done.returncode == 0
    assert json.loads(done.stdout)["outcome"] == "requirements_pending"


def test_a_denial_is_an_answer_too(kansli):
    done = kansli(
        "authority", "check", "--body", "blekinge", "--position", "landstingsjurist",
        "--decision", "anstallning-personal", "--concerning", "kanslienheten", "--json",
    )  # fmt: skip

    assert done.returncode == 0
    assert json.loads(done.stdout)["outcome"] == "denied"


def test_the_rules_exit_with_0(kansli):
    done = kansli("authority", "rules", "--body", "blekinge", "--json")

    assert done.returncode == 0
    assert len(json.loads(done.stdout)) == 17


def test_an_unknown_decision_type_exits_with_2_and_a_swedish_message(kansli):
    done = kansli(
        "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
        "--decision", "finns-inte", "--json",
    )  # fmt: skip

    assert done.returncode == 2
    assert done.stdout == ""
    assert "Okänd beslutstyp ”finns-inte” hos Vänersborgs kommun." in done.stderr


def test_a_bad_date_exits_with_2(kansli):
    done = kansli(
        "authority", "check", "--body", "vanersborg", "--position", "kommundirektor",
        "--decision", "lonesattning", "--date", "i morgon",
    )  # fmt: skip

    assert done.returncode == 2
    assert "Ogiltigt datum i morgon: ange det som ÅÅÅÅ-MM-DD." in done.stderr


def test_a_missing_actor_exits_with_2(kansli):
    done = kansli("authority", "check", "--body", "vanersborg", "--decision", "lonesattning")

    assert done.returncode == 2
