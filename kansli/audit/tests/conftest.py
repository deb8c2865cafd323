"""A few audited writes to look at, verify and tamper with."""

import datetime
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes, upload


@pytest.fixture
def events(board: Organization) -> list[Event]:
    """Five events: the body, the board, a person, a seat and the seat's end (and not the
    operator that `admin_client` may have made and signed in before)."""
    anna = organisation.person_create(
        actor=None, body=board.body, given_name="Åsa", family_name="Öberg"
    )
    seat = organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.CHAIR,
        start=datetime.date(2023, 1, 1),
    )
    organisation.membership_end(actor=None, membership=seat, end=datetime.date(2026, 12, 31))
    return list(Event.objects.exclude(object_type="accounts.user").order_by("seq"))


@pytest.fixture
def secret_letter(board: Organization, settings: Settings, tmp_path: Path) -> Document:
    """A secret incoming letter with a PDF, in an open case of the board, registered through
    the services (the file's extracted text is written beside its event, as in production)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    officer = organisation.person_create(
        actor=None, body=board.body, given_name="Hanna", family_name="Handläggare"
    )
    registry.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Anmälan om kränkande behandling",
        case_officer=officer,
        classification="1.2.3",
        opened_on=datetime.date(2026, 1, 12),
    )
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 15),
        counterpart="Förälder Föräldersson",
        description="Anmälan om kränkande behandling av elev",
        secrecy_reference="OSL 23 kap. 1 §",
        secrecy_reason="Uppgifter om enskild elevs personliga förhållanden",
        counterpart_masked=True,
        description_masked=True,
        files=[upload("anmalan.pdf", pdf_bytes("Hemlig anmalan om eleven"))],
    )
