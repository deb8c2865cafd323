"""The archive's world: the body's board with cases closed a month ago (one with a secret
letter, one with a PDF and an e-mail), a case closed yesterday, an open case, another body's
closed case, registrars of both bodies, and the export of it all as a package read back."""

import datetime
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.archive.services import archive_export
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import eml_bytes, pdf_bytes, png_bytes, upload

ERMS = "https://DILCIS.eu/XML/ERMS"
METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
NS = {"e": ERMS, "m": METS, "xlink": XLINK, "csip": CSIP}


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """Stored files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def officer(body: Body) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name="Hanna", family_name="Handläggare"
    )


def _case(
    organization: Organization,
    title: str,
    *,
    opened: datetime.date,
    closed: datetime.date | None,
    officer: Person | None = None,
    classification: str = "",
) -> Case:
    case = registry.case_open(
        actor=None,
        organization=organization,
        title=title,
        case_officer=officer,
        classification=classification,
        opened_on=opened,
    )
    if closed is not None:
        case = registry.case_close(actor=None, case=case, closed_on=closed)
    return case


def _letter(case: Case, day: datetime.date, **fields: object) -> Document:
    return registry.document_register(
        actor=None, case=case, direction=Document.Direction.INCOMING, date=day, **fields
    )


@dataclass(frozen=True)
class World:
    secret_case: Case
    plain_case: Case
    recent_case: Case
    open_case: Case
    other_case: Case
    secret_letter: Document
    public_letter: Document
    closed_before: datetime.date


@pytest.fixture
def world(body: Body, board: Organization, officer: Person, today: datetime.date) -> World:
    opened = today - datetime.timedelta(days=90)
    month_ago = today - datetime.timedelta(days=30)
    secret_case = _case(
        board,
        "Kränkande behandling i skolan",
        opened=opened,
        closed=None,
        officer=officer,
        classification="2.3.1",
    )
    secret_letter = _letter(
        secret_case,
        opened,
        counterpart="Förälder Föräldersson",
        counterpart_is_private_person=True,
        description="Anmälan om kränkande behandling av elev",
        secrecy_reference="OSL 23 kap. 1 §",
        secrecy_reason="Uppgifter om enskild elevs personliga förhållanden",
        counterpart_masked=True,
        description_masked=True,
        files=[upload("anmalan.pdf", pdf_bytes("Hemlig anmalan om eleven"))],
    )
    secret_case = registry.case_close(actor=None, case=secret_case, closed_on=month_ago)
    plain_case = _case(board, "Laddplatser vid kommunhuset", opened=opened, closed=None)
    public_letter = _letter(
        plain_case,
        opened,
        counterpart="Elbolaget AB",
        description="Offert på laddplatser",
        files=[
            upload("offert.pdf", pdf_bytes("Offert laddplatser")),
            upload("bild.png", png_bytes()),
            upload("fraga.eml", eml_bytes("Laddplatser", "Hur många laddplatser behövs?")),
        ],
    )
    plain_case = registry.case_close(actor=None, case=plain_case, closed_on=month_ago)
    recent_case = _case(
        board, "Avslutat i går", opened=opened, closed=today - datetime.timedelta(days=1)
    )
    open_case = _case(board, "Pågående ärende", opened=opened, closed=None)
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    other_board = organisation.organization_create(
        actor=None,
        body=other,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="rs",
        name="Regionstyrelsen",
        short_name="RS",
    )
    other_case = _case(other_board, "Blekinges avslutade ärende", opened=opened, closed=month_ago)
    return World(
        secret_case=secret_case,
        plain_case=plain_case,
        recent_case=recent_case,
        open_case=open_case,
        other_case=other_case,
        secret_letter=secret_letter,
        public_letter=public_letter,
        closed_before=today - datetime.timedelta(days=7),
    )


@pytest.fixture
def person_with(body: Body) -> Callable[..., User]:
    """A user of a person of the body (or of `of`) with the given roles."""

    def make(username: str, *roles: Role, of: Body | None = None) -> User:
        person = organisation.person_create(
            actor=None, body=of or body, given_name=username.capitalize(), family_name="Testsson"
        )
        return user_create(
            actor=None, username=username, password="lösenord-för-test", roles=roles, person=person
        )

    return make


@pytest.fixture
def registrar(person_with: Callable[..., User]) -> User:
    return person_with("registrator", Role.REGISTRAR)


@dataclass(frozen=True)
class Unpacked:
    """An exported package read back: its files by path from the root folder."""

    root: str
    files: dict[str, bytes]

    def xml(self, path: str) -> etree._Element:
        return etree.fromstring(self.files[path])

    @property
    def erms(self) -> etree._Element:
        return self.xml("metadata/descriptive/erms.xml")

    @property
    def mets(self) -> etree._Element:
        return self.xml("METS.xml")

    @property
    def representation_mets(self) -> etree._Element:
        return self.xml("representations/rep1/METS.xml")

    def mets_documents(self) -> dict[str, etree._Element]:
        """The package's METS documents by the folder their paths start from."""
        return {"": self.mets, "representations/rep1/": self.representation_mets}


def unpack(data: bytes) -> Unpacked:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        roots = {name.split("/", 1)[0] for name in names}
        assert len(roots) == 1, f"one root folder, not {roots}"
        root = roots.pop()
        files = {name.split("/", 1)[1]: archive.read(name) for name in names}
    return Unpacked(root=root, files=files)


@pytest.fixture
def exported(world: World, body: Body, registrar: User) -> Unpacked:
    out = io.BytesIO()
    archive_export(actor=registrar, body=body, closed_before=world.closed_before, out=out)
    return unpack(out.getvalue())
