"""`kansli legal-time appeal-deadline`: the stable command line through call_command, and once
in a real process, whose exit code and stderr are the contract too. The command needs no
database."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]


def kansli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env |= {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    return subprocess.run(  # noqa: S603 - a fixed command: this interpreter, our CLI
        [sys.executable, "-m", "kansli.cli", "legal-time", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def legal_time(*args: str) -> str:
    out = io.StringIO()
    call_command("legal-time", *args, stdout=out)
    return out.getvalue()


def test_json_prints_exactly_the_three_dates():
    assert legal_time("appeal-deadline", "--posted", "2026-06-01", "--json") == (
        '{"posted": "2026-06-01", "last_day": "2026-06-22", "taken_down": "2026-06-23"}\n'
    )


def test_without_json_a_swedish_sentence():
    assert legal_time("appeal-deadline", "--posted", "2026-12-03") == (
        "Anslaget sattes upp torsdag 3 december 2026. "
        "Sista dag att överklaga är måndag 28 december 2026. "
        "Anslaget tas ned tisdag 29 december 2026.\n"
    )


def test_bad_input_exits_2_with_a_swedish_message(tmp_path):
    result = kansli("appeal-deadline", "--posted", "2026/06/01", "--json", tmp_path=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Ogiltigt datum 2026/06/01 för --posted: ange det som ÅÅÅÅ-MM-DD." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "unused.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--posted", "2027-02-29"], "Datumet 2027-02-29 finns inte i kalendern."),
        (
            ["--posted", "2026/06/01"],
            "Ogiltigt datum 2026/06/01 för --posted: ange det som ÅÅÅÅ-MM-DD.",
        ),
        # date.fromisoformat would take these, the contract does not.
        (
            ["--posted", "20260601"],
            "Ogiltigt datum 20260601 för --posted: ange det som ÅÅÅÅ-MM-DD.",
        ),
        (
            ["--posted", "2026-W23-1"],
            "Ogiltigt datum 2026-W23-1 för --posted: ange det som ÅÅÅÅ-MM-DD.",
        ),
        ([], "Ange dagen då anslaget sattes upp: --posted ÅÅÅÅ-MM-DD."),
    ],
)
def test_call_command_refuses_bad_input_with_code_2(args, message):
    with pytest.raises(CommandError) as refused:
        call_command("legal-time", "appeal-deadline", *args)

    assert refused.value.returncode == 2
    assert str(refused.value) == message
