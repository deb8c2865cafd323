"""How long a meeting's documents take to make (docs/benchmarks.md).

    kansli bench meetings   # members' packet: 30 items, 60 attachments; minutes of 40 §
    kansli bench minutes    # minutes of 40 § sent for justering and signed by three
    kansli bench packet     # members' packet with 20 DOCX attachments of 30 pages each

A synthetic board meets twice: once with an agenda of `items` items and `attachments`
registered PDFs of `pages` pages each (one PDF rendered once with WeasyPrint, registered again
and again through the registry's service and so kept in its storage), and once with minutes
of `paragraphs` paragraphs, every third decided by a roll call of nine members with a dissent.
The timings are of `packets.members_packet` and `packets.minutes_pdf`, which make the
documents anew (the web pages serve them stored, made once per version: `kansli.generated`),
after one untimed notice that pays WeasyPrint's import and font set-up. Everything
is made in one transaction that is rolled back, and the stored files are deleted again.

`minutes` times the justering through the services: `minutes_send_for_approval` (the minutes
rendered as PDF/A, whole and public, stored and hashed) and `minutes_sign` by the chair and two
minutes checkers (a PAdES signature on both files with the configured signer). `packet` times
`packets.members_packet` for an agenda of DOCX attachments, made PDFs by LibreOffice (as many
at once as `conversion.workers()`): with the conversion cache emptied before each run (cold)
and with it filled (warm); its size beside that of its attachments' PDFs only concatenated
(the stamped pages are compressed again). Both run one untimed
round first, and keep their files and the signer's keys in a temporary folder of their own.
"""

from __future__ import annotations

import datetime
import io
import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import pypdf
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template import Context, Template
from django.test import override_settings
from django.utils.translation import gettext as _

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.meetings import conversion, packets, services, signing
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Dissent,
    ItemAttachment,
    Meeting,
    MinuteSeries,
    MinutesVersion,
    Proposal,
    Vote,
)
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.registry import files as registry_files
from kansli.registry import services as registry
from kansli.registry.models import Case, Document, File

BODY = "bench-sammantraden"
MEMBERS = 9
STOCKHOLM = ZoneInfo("Europe/Stockholm")
YEAR = 2026

_ATTACHMENT = Template(
    """<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 25mm; }
    body { font-family: "DejaVu Serif", serif; font-size: 11pt; line-height: 1.5; }
    section { break-after: page; }
    </style></head><body>{% for page in pages %}<section>
    <h1>Tjänsteskrivelse, sida {{ page }}</h1>
    {% for paragraph in paragraphs %}<p>{{ paragraph }}</p>{% endfor %}
    </section>{% endfor %}</body></html>"""
)
_PARAGRAPH = (
    "Förvaltningen har berett ärendet i samråd med berörda nämnder och bolag. Förslaget "
    "ryms inom den ekonomiska ramen för året och påverkar inte verksamhetens mål. "
    "Kommundirektören föreslår att styrelsen antar förslaget och uppdrar åt förvaltningen "
    "att återrapportera resultatet till styrelsen före årets slut."
)

_RESOLUTION = (
    "Styrelsen beslutar\n"
    "att anta förvaltningens förslag,\n"
    "att uppdra åt förvaltningen att genomföra åtgärderna inom befintlig ram, samt\n"
    "att förvaltningen återrapporterar resultatet till styrelsen före årets slut."
)


@dataclass(frozen=True)
class MeetingsResult:
    items: int
    attachments: int
    packet_pages: int
    packet_bytes: int
    packet: list[float]
    paragraphs: int
    minutes_pages: int
    minutes: list[float]

    def __str__(self) -> str:
        return "\n".join(
            [
                _(
                    "Ledamotshandlingar, %(items)d punkter och %(attachments)d bilagor: "
                    "%(pages)d sidor, %(size).1f MB, median %(seconds).2f s "
                    "(bäst %(best).2f s, %(runs)d körningar)"
                )
                % {
                    "items": self.items,
                    "attachments": self.attachments,
                    "pages": self.packet_pages,
                    "size": self.packet_bytes / 1_000_000,
                    "seconds": statistics.median(self.packet),
                    "best": min(self.packet),
                    "runs": len(self.packet),
                },
                _(
                    "Protokoll, %(paragraphs)d paragrafer: %(pages)d sidor, median "
                    "%(seconds).2f s (bäst %(best).2f s, %(runs)d körningar)"
                )
                % {
                    "paragraphs": self.paragraphs,
                    "pages": self.minutes_pages,
                    "seconds": statistics.median(self.minutes),
                    "best": min(self.minutes),
                    "runs": len(self.minutes),
                },
            ]
        )


def bench_meetings(
    *, items: int = 30, attachments: int = 60, pages: int = 10, paragraphs: int = 40, runs: int = 3
) -> MeetingsResult:
    """Build the synthetic meetings, time the packet and the minutes `runs` times each, and
    leave nothing behind."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            board, members = _board()
            pdf = _attachment_pdf(pages)
            files = [
                (f"bilaga-{number + 1}.pdf", pdf, registry_files.PDF)
                for number in range(attachments)
            ]
            called = _called_meeting(board, items=items, files=files)
            stored = list(
                File.objects.filter(document__case__organization=board).values_list(
                    "storage_name", flat=True
                )
            )
            series = MinuteSeries.objects.create(organization=board, year=YEAR, next_number=1)
            held = _held_meeting(board, members, series, paragraphs=paragraphs)
            packets.notice_pdf(called)  # WeasyPrint's import and font set-up, untimed
            packet, packet_times = _timed(lambda: packets.members_packet(called, None), runs)
            minutes, minutes_times = _timed(lambda: packets.minutes_pdf(held, public=False), runs)
            transaction.set_rollback(True)
    finally:
        for name in stored:
            default_storage.delete(name)
    return MeetingsResult(
        items=items,
        attachments=attachments,
        packet_pages=_page_count(packet),
        packet_bytes=len(packet),
        packet=packet_times,
        paragraphs=paragraphs,
        minutes_pages=_page_count(minutes),
        minutes=minutes_times,
    )


def _timed(
    make: Callable[[], bytes], runs: int, before: Callable[[], None] | None = None
) -> tuple[bytes, list[float]]:
    """What `make` made, and its time in each of `runs` runs, each after `before`, untimed."""
    samples = []
    for _run in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        result = make()
        samples.append(time.perf_counter() - started)
    return result, samples


def _page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def _board() -> tuple[Organization, list[Person]]:
    body = organisation.body_create(
        actor=None, slug=BODY, name="Bänkeby kommun", kind=Body.Kind.MUNICIPALITY
    )
    board = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="ks",
        name="Kommunstyrelsen",
        short_name="KS",
    )
    members = []
    for rank in range(MEMBERS):
        member = organisation.person_create(
            actor=None, body=body, given_name=f"Ledamot{rank + 1}", family_name="Bänk"
        )
        role = Membership.Role.CHAIR if rank == 0 else Membership.Role.MEMBER
        organisation.membership_create(
            actor=None,
            person=member,
            organization=board,
            role=role,
            rank=rank,
            start=datetime.date(YEAR - 2, 1, 1),
        )
        members.append(member)
    registry.number_series_set_format(
        actor=None, organization=board, year=YEAR, format="KS {year}/{number:05d}"
    )
    return board, members


def _attachment_pdf(pages: int) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = _ATTACHMENT.render(
        Context({"pages": range(1, pages + 1), "paragraphs": [_PARAGRAPH] * 6})
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def _case(board: Organization, number: int) -> Case:
    return registry.case_open(
        actor=None,
        organization=board,
        title=f"Ärende {number} om verksamhetens utveckling",
        opened_on=datetime.date(YEAR, 1, 10),
    )


def _at(day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(YEAR, 3, day, hour, tzinfo=STOCKHOLM)


def _called_meeting(
    board: Organization, *, items: int, files: list[tuple[str, bytes, str]]
) -> Meeting:
    """A meeting whose agenda has `items` case items and a registered document for each of
    `files` (its name, content and type) spread over them."""
    meeting = Meeting.objects.create(
        organization=board, starts_at=_at(10, 13), ends_at=_at(10, 17), place="Sessionssalen"
    )
    agenda: list[tuple[AgendaItem, Case]] = []
    for position in range(1, items + 1):
        case = _case(board, position)
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=case.title,
            case=case,
            proposal="Styrelsen föreslås anta förslaget.",
        )
        agenda.append((item, case))
    for number, (name, data, content_type) in enumerate(files):
        item, case = agenda[number % items]
        document = registry.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(YEAR, 2, 1),
            description=f"Tjänsteskrivelse {number + 1}",
            files=[SimpleUploadedFile(name, data, content_type)],
        )
        ItemAttachment.objects.create(item=item, document=document, position=number)
    return meeting


def _held_meeting(
    board: Organization,
    members: list[Person],
    series: MinuteSeries,
    *,
    paragraphs: int,
    first: int = 1,
    day: int = 24,
) -> Meeting:
    """A closed meeting on `day` with `paragraphs` paragraphs numbered from `first`, the
    chair and two minutes checkers: every third decided by a roll call of all the members,
    with a counter-proposal and a dissent; the rest by acclamation."""
    meeting = Meeting.objects.create(
        organization=board,
        starts_at=_at(day, 13),
        ends_at=_at(day, 17),
        place="Sessionssalen",
        chair=members[0],
        status=Meeting.Status.CLOSED,
    )
    for index, member in enumerate(members):
        Attendance.objects.create(
            meeting=meeting,
            person=member,
            capacity=Attendance.Capacity.MEMBER,
            checks_minutes=index in (1, 2),
        )
    for position in range(1, paragraphs + 1):
        voted = position % 3 == 0
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=f"Paragraf {position} om verksamhetens utveckling",
            status=AgendaItem.Status.DECIDED,
            method=AgendaItem.Method.VOTE if voted else AgendaItem.Method.ACCLAMATION,
            resolution=_RESOLUTION,
            minute_series=series,
            minute_number=first + position - 1,
        )
        prepared = Proposal.objects.create(item=item, position=1, text=_RESOLUTION, adopted=True)
        if voted:
            _roll_call(item, prepared, members)
    return meeting


def _roll_call(item: AgendaItem, prepared: Proposal, members: list[Person]) -> None:
    dissenter = members[-1]
    counter = Proposal.objects.create(
        item=item, position=2, proposer=dissenter, text="Avslag på förslaget."
    )
    vote = Vote.objects.create(
        item=item,
        method=Vote.Method.ROLL_CALL,
        yes_proposal=prepared,
        no_proposal=counter,
        yes_count=len(members) - 2,
        no_count=2,
        winner=prepared,
    )
    Ballot.objects.bulk_create(
        Ballot(
            vote=vote,
            person=member,
            choice=Ballot.Choice.NO if member in members[-2:] else Ballot.Choice.YES,
        )
        for member in members
    )
    Dissent.objects.create(item=item, person=dissenter, reasons=_PARAGRAPH)


def _spread(samples: list[float]) -> str:
    return _("median %(median).2f s, min %(least).2f s, max %(most).2f s (%(runs)d körningar)") % {
        "median": statistics.median(samples),
        "least": min(samples),
        "most": max(samples),
        "runs": len(samples),
    }


@contextmanager
def _scratch() -> Iterator[None]:
    """Stored files and the signer's keys in a temporary folder, removed afterwards with
    everything in it, and the database rolled back: the bench leaves nothing behind. (The
    signer's keys are per person id, and the bench's ids are handed out again after the
    rollback, so its keys must never reach the real folder.)"""
    with (
        tempfile.TemporaryDirectory(prefix="kansli-bench-") as folder,
        override_settings(
            MEDIA_ROOT=Path(folder) / "media", KANSLI_SIGNING_DIR=Path(folder) / "signering"
        ),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


@dataclass(frozen=True)
class MinutesRound:
    """One meeting's justering: sending for it, then each signature, in seconds."""

    send: float
    signatures: list[float]

    @property
    def total(self) -> float:
        return self.send + sum(self.signatures)


@dataclass(frozen=True)
class MinutesResult:
    paragraphs: int
    pages: int
    rounds: list[MinutesRound]
    signed_by: list[str]  # the valid signatures in the last version's full file, in order

    def __str__(self) -> str:
        lines = [
            _("Protokoll, %(paragraphs)d paragrafer (%(pages)d sidor), justering:")
            % {"paragraphs": self.paragraphs, "pages": self.pages},
            _("  giltiga signaturer: %(names)s") % {"names": ", ".join(self.signed_by)},
            _("  skickas för justering (PDF/A, fullständigt och offentligt, lagras): %(spread)s")
            % {"spread": _spread([r.send for r in self.rounds])},
        ]
        for index, title in enumerate([_("ordförande"), _("justerare 1"), _("justerare 2")]):
            lines.append(
                _("  signatur, %(signer)s: %(spread)s")
                % {"signer": title, "spread": _spread([r.signatures[index] for r in self.rounds])}
            )
        lines.append(
            _("  sammanlagt: %(spread)s") % {"spread": _spread([r.total for r in self.rounds])}
        )
        return "\n".join(lines)


def bench_minutes(*, paragraphs: int = 40, runs: int = 3) -> MinutesResult:
    """Send minutes of `paragraphs` paragraphs for justering and have the chair and two
    checkers sign them, through the services, `runs` times after one untimed round."""
    with _scratch():
        board, members = _board()
        signers = [
            user_create(actor=None, username=f"bank-{rank}", password=None, person=member)
            for rank, member in enumerate(members[:3])
        ]
        series = MinuteSeries.objects.create(organization=board, year=YEAR, next_number=1)
        rounds = []
        for run in range(runs + 1):
            meeting = _held_meeting(
                board, members, series, paragraphs=paragraphs, first=run * paragraphs + 1
            )
            version, measured = _justering(meeting, signers)
            if run:
                rounds.append(measured)
        with version.file.open("rb") as stored:
            signed = stored.read()
        signed_by = [seen.signer for seen in signing.signatures(signed) if seen.valid]
    return MinutesResult(
        paragraphs=paragraphs, pages=_page_count(signed), rounds=rounds, signed_by=signed_by
    )


def _justering(meeting: Meeting, signers: list[User]) -> tuple[MinutesVersion, MinutesRound]:
    started = time.perf_counter()
    version = services.minutes_send_for_approval(actor=None, meeting=meeting)
    send = time.perf_counter() - started
    signatures = []
    for user in signers:
        started = time.perf_counter()
        services.minutes_sign(actor=user, meeting=meeting)
        signatures.append(time.perf_counter() - started)
    version.refresh_from_db()
    return version, MinutesRound(send=send, signatures=signatures)


@dataclass(frozen=True)
class PacketResult:
    attachments: int
    pages: int
    size: int  # bytes of the packet, stamped
    plain: int  # bytes of its attachments' PDFs concatenated, nothing stamped
    workers: int  # LibreOffice processes at once
    cold: list[float]
    warm: list[float]

    def __str__(self) -> str:
        return "\n".join(
            [
                _(
                    "Ledamotshandlingar med %(attachments)d DOCX-bilagor (%(pages)d sidor, "
                    "%(size).1f MB; bilagorna bara sammanfogade %(plain).1f MB):"
                )
                % {
                    "attachments": self.attachments,
                    "pages": self.pages,
                    "size": self.size / 1_000_000,
                    "plain": self.plain / 1_000_000,
                },
                _(
                    "  konverteringscachen tom (LibreOffice gör om varje bilaga, %(workers)d åt "
                    "gången): %(spread)s"
                )
                % {"workers": self.workers, "spread": _spread(self.cold)},
                _("  konverteringscachen fylld: %(spread)s") % {"spread": _spread(self.warm)},
            ]
        )


def bench_packet(*, attachments: int = 20, pages: int = 30, runs: int = 3) -> PacketResult:
    """Time the members' packet of a meeting with `attachments` DOCX attachments of `pages`
    pages each, one to an item: `runs` times with the conversion cache emptied before each,
    then `runs` times with it filled, after one untimed run that fills it."""
    documents = [
        (f"bilaga-{number}.docx", _docx(f"Tjänsteskrivelse {number}", pages), registry_files.DOCX)
        for number in range(1, attachments + 1)
    ]
    with _scratch():
        board, _members = _board()
        meeting = _called_meeting(board, items=attachments, files=documents)
        cached = [
            f"{conversion.CACHE}/{sha256}.pdf"
            for sha256 in File.objects.filter(document__case__organization=board).values_list(
                "sha256", flat=True
            )
        ]
        packet = packets.members_packet(meeting, None)  # untimed: imports, fonts, the cache
        plain = _concatenated(cached)

        def empty_cache() -> None:
            for name in cached:
                default_storage.delete(name)

        cold_times = _timed(lambda: packets.members_packet(meeting, None), runs, empty_cache)[1]
        warm_times = _timed(lambda: packets.members_packet(meeting, None), runs)[1]
    return PacketResult(
        attachments=attachments,
        pages=_page_count(packet),
        size=len(packet),
        plain=plain,
        workers=conversion.workers(),
        cold=cold_times,
        warm=warm_times,
    )


def _concatenated(names: list[str]) -> int:
    """The size of the stored PDFs merged one after the other, as they are."""
    writer = pypdf.PdfWriter()
    for name in names:
        with default_storage.open(name) as stored:
            writer.append(pypdf.PdfReader(io.BytesIO(stored.read())))
    out = io.BytesIO()
    writer.write(out)
    return len(out.getvalue())


def _docx(title: str, pages: int) -> bytes:
    """A Word document of `pages` pages of running text, each with its heading, a page break
    between: the least a DOCX needs (the package's types, its relationship, the body). Stored
    uncompressed: the same paragraph again and again would deflate past the ratio the
    registry accepts from an archive (`registry.files.XML_LIMIT_FACTOR`)."""
    page = "".join(_word_paragraph(text) for text in [_PARAGRAPH] * 6)
    breaks = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    body = breaks.join(
        _word_paragraph(f"{title}, sida {number}") + page for number in range(1, pages + 1)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELATIONSHIPS)
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{_WORD}"><w:body>{body}</w:body></w:document>',
        )
    return out.getvalue()


def _word_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def add_meetings_command(sub: Any) -> None:
    """`kansli bench meetings`, `minutes` and `packet`, subcommands of `kansli bench`."""
    meetings = sub.add_parser(
        "meetings", help=_("Tid för ledamotshandlingar (30 punkter, 60 bilagor) och protokoll.")
    )
    meetings.add_argument("--items", type=int, default=30, help=_("Antal punkter."))
    meetings.add_argument("--attachments", type=int, default=60, help=_("Antal bilagor."))
    meetings.add_argument("--pages", type=int, default=10, help=_("Sidor per bilaga."))
    meetings.add_argument(
        "--paragraphs", type=int, default=40, help=_("Antal paragrafer i protokollet.")
    )
    meetings.add_argument("--runs", type=int, default=3, help=_("Antal mätningar av varje."))
    minutes = sub.add_parser(
        "minutes",
        help=_("Tid för att skicka ett protokoll på 40 § för justering och signera det."),
    )
    minutes.add_argument(
        "--paragraphs", type=int, default=40, help=_("Antal paragrafer i protokollet.")
    )
    minutes.add_argument("--runs", type=int, default=3, help=_("Antal mätningar."))
    packet = sub.add_parser(
        "packet", help=_("Tid för ledamotshandlingar med 20 DOCX-bilagor på 30 sidor.")
    )
    packet.add_argument("--attachments", type=int, default=20, help=_("Antal DOCX-bilagor."))
    packet.add_argument("--pages", type=int, default=30, help=_("Sidor per bilaga."))
    packet.add_argument(
        "--runs", type=int, default=3, help=_("Antal mätningar, med tom och med fylld cache.")
    )


def handle_meetings_command(stdout: Any, options: dict[str, Any]) -> bool:
    """Run `meetings`, `minutes` or `packet` if that is the subcommand; False for any other."""
    subcommand = options["subcommand"]
    result: object
    if subcommand == "meetings":
        result = bench_meetings(
            items=options["items"],
            attachments=options["attachments"],
            pages=options["pages"],
            paragraphs=options["paragraphs"],
            runs=options["runs"],
        )
    elif subcommand == "minutes":
        result = bench_minutes(paragraphs=options["paragraphs"], runs=options["runs"])
    elif subcommand == "packet":
        result = bench_packet(
            attachments=options["attachments"], pages=options["pages"], runs=options["runs"]
        )
    else:
        return False
    stdout.write(str(result))
    return True
