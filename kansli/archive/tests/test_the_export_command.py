"""`kansli archive export --body SLUG --closed-before DATE OUT.zip` writes the package and
records the export in the event log, as the system."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansli.archive.tests.conftest import NS, World, unpack
from kansli.audit.models import Event


def test_the_command_writes_the_package(world: World, tmp_path: Path) -> None:
    out = tmp_path / "arkiv.zip"
    printed = io.StringIO()

    call_command(
        "archive",
        "export",
        "--body",
        "vanersborg",
        "--closed-before",
        world.closed_before.isoformat(),
        str(out),
        stdout=printed,
    )

    package = unpack(out.read_bytes())
    numbers = {
        a.findtext("e:objectId", namespaces=NS)
        for a in package.erms.findall(".//e:aggregation", NS)
    }
    assert numbers == {world.secret_case.number, world.plain_case.number}
    assert "2 ärenden med 4 filer exporterade" in printed.getvalue()
    event = Event.objects.order_by("seq").last()
    assert event.action == "body.archive_export"
    assert event.actor is None
    assert event.after["closed_before"] == world.closed_before.isoformat()


def test_the_command_names_the_bodies_for_an_unknown_one(world: World, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="vanersborg"):
        call_command(
            "archive",
            "export",
            "--body",
            "okand",
            "--closed-before",
            "2026-01-01",
            str(tmp_path / "arkiv.zip"),
        )
