"""A meeting of the board with an agenda and registered attachments, for the tests of its
documents (packets, minutes, calendar). Rows are made with the ORM and the registry's services."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pypdf

from kansli.decisions.models import Decision
from kansli.meetings.models import AgendaItem, ItemAttachment, Meeting
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import docx_bytes, pdf_bytes, png_bytes, upload

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SECRET_MARKER = "HEMLIGBILAGA7731"
PUBLIC_MARKER = "OFFENTLIGBILAGA4410"
SECRET_CASE_TITLE = "Placering av barnet Kim Karlsson"


@dataclass
class Sample:
    meeting: Meeting
    chair: Person
    member: Person
    substitute: Person
    officer: Person
    case: Case
    secret_case: Case
    public_letter: Document
    secret_letter: Document
    photo: Document
    memo: Document
    items: list[AgendaItem]


def pdf_text(data: bytes) -> str:
    """The text of every page, each run of white space (line breaks too) made one space."""
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def person(board: Organization, given: str, family: str, role: str = "", rank: int = 0) -> Person:
    someone = organisation.person_create(
        actor=None,
        body=board.body,
        given_name=given,
        family_name=family,
        email=f"{given.lower()}@example.se",
    )
    if role:
        organisation.membership_create(
            actor=None,
            person=someone,
            organization=board,
            role=role,
            start=datetime.date(2023, 1, 1),
            end=datetime.date(2026, 12, 31),
            rank=rank,
        )
    return someone


def meeting_with_agenda(board: Organization) -> Sample:
    """The board meets on 10 March 2026: five items, a public and a secret case, attachments
    of every kind (PDF, a secret PDF, an image, a Word document)."""
    chair = person(board, "Anna", "Ordförande", Membership.Role.CHAIR)
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)
    substitute = person(board, "Cecilia", "Ersättare", Membership.Role.SUBSTITUTE)
    officer = person(board, "Hanna", "Handläggare")
    registry.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Budget för kultur 2027",
        case_officer=officer,
        opened_on=datetime.date(2026, 1, 12),
    )
    secret_case = registry.case_open(
        actor=None,
        organization=board,
        title=SECRET_CASE_TITLE,
        case_officer=officer,
        opened_on=datetime.date(2026, 1, 13),
        secrecy_reference="OSL 26 kap. 1 §",
    )
    public_letter = _document(
        case, "Tjänsteskrivelse om kulturbudgeten", "skrivelse.pdf", pdf_bytes(PUBLIC_MARKER)
    )
    photo = _document(case, "Fotografi av lokalen", "lokal.png", png_bytes())
    memo = _document(case, "Minnesanteckningar", "anteckningar.docx", docx_bytes("Anteckningar"))
    secret_letter = _document(
        secret_case,
        "Utredning om barnet",
        "utredning.pdf",
        pdf_bytes(SECRET_MARKER),
        secrecy_reference="OSL 26 kap. 1 §",
        description_masked=True,
    )
    meeting = Meeting.objects.create(
        organization=board,
        starts_at=datetime.datetime(2026, 3, 10, 13, 0, tzinfo=STOCKHOLM),
        ends_at=datetime.datetime(2026, 3, 10, 16, 30, tzinfo=STOCKHOLM),
        place="Sessionssalen, Stadshuset",
        chair=chair,
        secretary=officer,
    )
    kinds = AgendaItem.Kind
    items = [
        AgendaItem.objects.create(
            meeting=meeting, position=1, kind=kinds.OPENING, title="Sammanträdets öppnande"
        ),
        AgendaItem.objects.create(
            meeting=meeting, position=2, kind=kinds.MINUTES_CHECKER, title="Val av justerare"
        ),
        AgendaItem.objects.create(
            meeting=meeting,
            position=3,
            title=case.title,
            case=case,
            rapporteur=officer,
            proposal="Kommunstyrelsen föreslår fullmäktige att anta budgeten.",
        ),
        AgendaItem.objects.create(
            meeting=meeting,
            position=5,
            title=secret_case.title,
            case=secret_case,
            rapporteur=officer,
            proposal="Barnet placeras i familjehem.",
        ),
    ]
    for position, document in enumerate((public_letter, photo, memo)):
        ItemAttachment.objects.create(item=items[2], document=document, position=position)
    ItemAttachment.objects.create(item=items[3], document=secret_letter)
    return Sample(
        meeting,
        chair,
        member,
        substitute,
        officer,
        case,
        secret_case,
        public_letter,
        secret_letter,
        photo,
        memo,
        items,
    )


def delegated_decision(sample: Sample, title: str) -> Decision:
    """A delegated decision of the case officer, owed to the board and recorded."""
    board = sample.meeting.organization
    return Decision.objects.create(
        body=board.body,
        kind=Decision.Kind.DELEGATE,
        status=Decision.Status.RECORDED,
        decision_type="anstallning",
        decision_type_name="Anställning",
        decided_by=sample.officer,
        decided_on=datetime.date(2026, 2, 20),
        title=title,
        case_reference=sample.case.number,
        source_document="Delegationsordning",
        source_section="3.1",
        source_rule="3.1.1",
        report_to=board,
        report_due=datetime.date(2026, 4, 20),
        amount=Decimal(0),
    )


def _document(case: Case, description: str, name: str, data: bytes, **secrecy: object) -> Document:
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 2, 1),
        description=description,
        files=[upload(name, data)],
        **secrecy,
    )
