"""Every project command, given bad input, exits 2 with one Swedish line on stderr and writes
nothing: a table of bad arguments and bad files, run through the `kansli` command's own entry
(kansli.cli.Utility, as the console script runs it), plus a wrong option for every command."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import get_commands
from django.core.management.base import BaseCommand

from kansli.cli import Utility
from kansli.delegation.tests.test_orderfile_format_versions import ORDER
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

# The tree under test, where the tests run from another (a work tree beside the installed one).
PYTHONPATH = {key: value for key, value in os.environ.items() if key == "PYTHONPATH"}
# Words of argparse's and Python's own English that must never reach the operator.
ENGLISH = ("Traceback", "usage:", "error:", "Error", "invalid", "required", "unrecognized")

FILES = {
    "nested.yaml": ("a: " + "[" * 3000 + "]" * 3000).encode(),
    "latin1.yaml": "namn: Vänersborg\n".encode("latin-1"),
    # A whole order but for the year it would take effect.
    "far.yaml": ORDER.replace("KIND", "notification").replace("2024-01-01", "9999-12-31").encode(),
    "empty.yaml": b"",
    "superscript.csv": "organisation,år,månad,belopp\nks,2026,1,²\n".encode(),
    "superscript-year.csv": "organisation,år,månad,belopp\nks,²⁰²⁶,1,100\n".encode(),
    "columns.csv": b"organisation,ar\nks,2026\n",
    "latin1.csv": "organisation,år,månad,belopp\n".encode("latin-1"),
    "huge.csv": "organisation,år,månad,belopp\nks,2026,1,1e999999\n".encode(),
    "not-a-backup.tar": b"not a tar file",
}

BAD_INPUTS = [
    ("legal-time", "appeal-deadline", "--posted", "9999-12-31"),
    ("legal-time", "appeal-deadline", "--posted", "0001-01-01"),
    ("legal-time", "appeal-deadline", "--posted", "2026-02-30"),
    ("legal-time", "appeal-deadline", "--posted", "²⁰²⁶-01-01"),
    ("legal-time", "appeal-deadline"),
    ("legal-time",),
    ("authority", "rules", "--body", "finns-inte"),
    ("authority", "rules", "--body", "vanersborg", "--date", "9999-12-31"),
    ("authority", "rules", "--body", "vanersborg", "--date", "igår"),
    (
        "authority",
        "check",
        "--body",
        "vanersborg",
        "--position",
        "x",
        "--decision",
        "y",
        "--months",
        "²",
    ),
    (
        "authority",
        "check",
        "--body",
        "vanersborg",
        "--position",
        "x",
        "--decision",
        "y",
        "--amount",
        "-5",
    ),
    (
        "authority",
        "check",
        "--body",
        "vanersborg",
        "--position",
        "x",
        "--decision",
        "y",
        "--person",
        "99999999999999999999999",
    ),
    (
        "authority",
        "check",
        "--body",
        "vanersborg",
        "--position",
        "x",
        "--person",
        "1",
        "--decision",
        "y",
    ),
    ("authority", "check", "--body", "vanersborg"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}/nested.yaml"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}/latin1.yaml"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}/far.yaml"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}/empty.yaml"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}/finns-inte.yaml"),
    ("delegation", "import", "--body", "vanersborg", "{tmp}"),
    ("delegation", "export", "--body", "vanersborg", "--order", "²"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/superscript.csv"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/superscript-year.csv"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/columns.csv"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/latin1.csv"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/huge.csv"),
    ("economy", "import", "--body", "vanersborg", "--budget", "{tmp}/superscript.csv"),
    ("economy", "import", "--body", "vanersborg", "{tmp}/finns-inte.csv"),
    ("economy", "import", "--body", "finns-inte", "{tmp}/superscript.csv"),
    ("certification", "check", "--body", "vanersborg", "--date", "2026-13-01"),
    ("certification", "check", "--body", "vanersborg", "--date", "2300-01-01"),
    (
        "certification",
        "check",
        "--body",
        "vanersborg",
        "--person",
        "1",
        "--organization",
        "ks",
        "--amount",
        "²",
    ),
    ("certification", "check", "--body", "vanersborg", "--person", "1"),
    ("classification", "import", "--body", "vanersborg", "{tmp}/nested.yaml"),
    ("classification", "import", "--body", "vanersborg", "{tmp}/latin1.yaml"),
    ("classification", "import", "--body", "vanersborg", "{tmp}/finns-inte.yaml"),
    (
        "archive",
        "export",
        "--body",
        "vanersborg",
        "--closed-before",
        "9999-12-31",
        "{tmp}/arkiv.zip",
    ),
    ("archive", "export", "--body", "vanersborg", "--closed-before", "igår", "{tmp}/arkiv.zip"),
    ("gallring", "--body", "finns-inte"),
    ("export_body", "--body", "finns-inte", "--output", "{tmp}/export.tar"),
    ("restore", "--input", "{tmp}/finns-inte.tar"),
    ("restore", "--input", "{tmp}/not-a-backup.tar"),
    ("apitoken", "create", "--name", "nyckel", "finns-inte"),
    ("apitoken", "revoke", "finns-in"),
    ("audit", "adopt", "finns_inte", "1"),
    ("reindex", "--body", "finns-inte"),
    ("bench", "authority", "--checks", "²"),
    ("generated", "sweep", "--days", "²"),
    ("generated", "sweep", "--days", "0"),
    ("signon", "check", "{tmp}/finns-inte.yaml"),
    ("signon", "check", "{tmp}/nested.yaml"),
    ("signon", "check", "{tmp}/latin1.yaml"),
]


def project_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("kansli."))


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.fixture
def world(db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Django's system checks before each command cost seconds a case and are not what this
    # file tests (kansli/tests/test_settings.py runs them).
    monkeypatch.setattr(BaseCommand, "check", lambda self, **kwargs: None)
    body = organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )
    organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="ks",
        name="Kommunstyrelsen",
    )
    for name, content in FILES.items():
        (tmp_path / name).write_bytes(content)
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        Utility(["kansli", *argv]).execute()
    return exit_.value.code, capsys.readouterr().err  # type: ignore[return-value]


def assert_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = row_counts()

    code, err = run(argv, capsys)

    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert not any(word in lines[0] for word in ENGLISH), lines[0]
    assert row_counts() == before


@pytest.mark.parametrize("argv", BAD_INPUTS, ids=" ".join)
def test_bad_input_exits_2_with_one_swedish_line_and_writes_nothing(
    argv: tuple[str, ...], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused([part.format(tmp=world) for part in argv], capsys)


@pytest.mark.parametrize("name", project_commands())
def test_an_unknown_option_exits_2_with_one_swedish_line(
    name: str, world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused([name, "--finns-inte"], capsys)


def test_every_command_with_input_is_in_the_table_of_bad_inputs() -> None:
    without_input = {
        "bodies",
        "changepassword",
        "integrations",
        "loaddemo",
        "meetings",
        "minutes",
        "policy",
        "registry",
        "backup",
    }
    tabled = {argv[0] for argv in BAD_INPUTS}

    assert set(project_commands()) - without_input <= tabled


def kansli_check_in(folder: Path) -> subprocess.CompletedProcess[str]:
    """`kansli check` run in `folder` by a new process with nothing of the suite's settings."""
    return subprocess.run(
        [sys.executable, "-m", "kansli.cli", "check"],
        capture_output=True,
        text=True,
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "HOME": str(folder), **PYTHONPATH},
        check=False,
    )


def test_without_settings_a_command_prints_one_line_naming_what_to_set(tmp_path: Path) -> None:
    result = kansli_check_in(tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kansli: Sätt SECRET_KEY (eller KANSLI_ENV=development för utveckling)."
    ]


def test_a_dot_env_file_with_kansli_env_development_runs_with_development_settings(
    tmp_path: Path,
) -> None:
    (tmp_path / ".env").write_text(
        f"KANSLI_ENV=development\nDATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
    )
    result = kansli_check_in(tmp_path)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_help_lists_the_projects_own_commands_first(capsys: pytest.CaptureFixture[str]) -> None:
    Utility(["kansli", "--help"]).execute()

    text = capsys.readouterr().out
    own = text.index("Kanslis kommandon:")
    assert own < text.index("Djangos och tilläggens kommandon:")
    assert own < text.index("    legal-time") < text.index("    migrate")
