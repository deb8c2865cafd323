"""Registry fixtures: files kept in a temporary folder, a case officer, a retention rule and an
open case of the board in the `body` fixture's municipality."""

import datetime
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services
from kansli.registry.models import Case, RetentionRule


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """Stored files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return sorted(path for path in media.rglob("*") if path.is_file())


@pytest.fixture
def officer(body: Body) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name="Hanna", family_name="Handläggare"
    )


@pytest.fixture
def rule(body: Body) -> RetentionRule:
    return services.retention_rule_create(
        actor=None, body=body, name="Skrivelser", action=RetentionRule.Action.PRESERVE
    )


@pytest.fixture
def case(board: Organization, officer: Person) -> Case:
    services.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    return services.case_open(
        actor=None,
        organization=board,
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer,
        classification="1.2.3",
        opened_on=datetime.date(2026, 1, 12),
    )
