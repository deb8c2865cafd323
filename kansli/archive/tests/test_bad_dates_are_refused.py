"""A day that is not a date, a year out of bounds, or a day before which nothing was closed is
refused with a Swedish error, on the page and on the command line, and nothing is written."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.archive.services import archive_export
from kansli.archive.tests.conftest import World
from kansli.audit.models import Event
from kansli.organisation.models import Body

NOT_A_DATE = "Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD."
OUT_OF_BOUNDS = "Ange ett år mellan 1900 och 2200."


@pytest.mark.parametrize(
    ("day", "message"),
    [("2026-13-45", NOT_A_DATE), ("igår", NOT_A_DATE), ("1850-01-01", OUT_OF_BOUNDS)],
)
def test_the_command_refuses_a_bad_day(
    world: World, tmp_path: Path, day: str, message: str
) -> None:
    folder = tmp_path / "ut"
    folder.mkdir()

    with pytest.raises(CommandError, match=message) as refused:
        call_command(
            "archive",
            "export",
            "--body",
            "vanersborg",
            "--closed-before",
            day,
            str(folder / "arkiv.zip"),
        )

    assert refused.value.returncode == 2
    assert list(folder.iterdir()) == []


def test_the_command_refuses_a_day_before_which_nothing_was_closed(
    world: World, tmp_path: Path
) -> None:
    day = world.secret_case.opened_on.isoformat()
    folder = tmp_path / "ut"
    folder.mkdir()

    with pytest.raises(CommandError, match="det finns inget att exportera"):
        call_command(
            "archive",
            "export",
            "--body",
            "vanersborg",
            "--closed-before",
            day,
            str(folder / "arkiv.zip"),
        )

    assert list(folder.iterdir()) == []


def test_the_page_refuses_a_bad_day(client: Client, world: World, registrar: User) -> None:
    client.force_login(registrar)
    url = reverse("archive:export", args=["vanersborg"])

    response = client.get(url, {"avslutade_fore": "2026-02-30"})

    assert response.status_code == 400
    assert NOT_A_DATE in response.content.decode()


def test_the_download_refuses_a_year_out_of_bounds_and_logs_nothing(
    client: Client, world: World, registrar: User
) -> None:
    client.force_login(registrar)
    events = Event.objects.count()

    response = client.post(
        reverse("archive:export_download", args=["vanersborg"]), {"avslutade_fore": "9999-01-01"}
    )

    assert response.status_code == 400
    assert OUT_OF_BOUNDS in response.content.decode()
    assert Event.objects.count() == events


def test_the_service_refuses_an_empty_export(body: Body, world: World, registrar: User) -> None:
    with pytest.raises(ValidationError) as refused:
        archive_export(
            actor=registrar, body=body, closed_before=datetime.date(2000, 1, 1), out=io.BytesIO()
        )

    assert "det finns inget att exportera" in refused.value.message_dict["closed_before"][0]
