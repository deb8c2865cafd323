"""How long a meeting's documents take to make (docs/benchmarks.md).

    kansli bench meetings   # members' packet: 30 items, 60 attachments; minutes of 40 §

A synthetic board meets twice: once with an agenda of `items` items and `attachments`
registered PDFs of `pages` pages each (one PDF rendered once with WeasyPrint, registered again
and again through the registry's service and so kept in its storage), and once with minutes
of `paragraphs` paragraphs, every third decided by a roll call of nine members with a dissent.
The timings are of `packets.members_packet` and `packets.minutes_pdf`, the functions the web
pages call, after one untimed notice that pays WeasyPrint's import and font set-up. Everything
is made in one transaction that is rolled back, and the stored files are deleted again.
"""

from __future__ import annotations

import datetime
import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pypdf
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template import Context, Template
from django.utils.translation import gettext as _

from kansli.meetings import packets
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Dissent,
    ItemAttachment,
    Meeting,
    MinuteSeries,
    Proposal,
    Vote,
)
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person
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
            called = _called_meeting(board, items=items, attachments=attachments, pages=pages)
            stored = list(
                File.objects.filter(document__case__organization=board).values_list(
                    "storage_name", flat=True
                )
            )
            held = _held_meeting(board, members, paragraphs=paragraphs)
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


def _timed(make: Callable[[], bytes], runs: int) -> tuple[bytes, list[float]]:
    samples = []
    for _run in range(runs):
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


def _called_meeting(board: Organization, *, items: int, attachments: int, pages: int) -> Meeting:
    """A meeting whose agenda has `items` case items and `attachments` PDFs spread over them."""
    pdf = _attachment_pdf(pages)
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
    for number in range(attachments):
        item, case = agenda[number % items]
        document = registry.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(YEAR, 2, 1),
            description=f"Tjänsteskrivelse {number + 1}",
            files=[SimpleUploadedFile(f"bilaga-{number + 1}.pdf", pdf, "application/pdf")],
        )
        ItemAttachment.objects.create(item=item, document=document, position=number)
    return meeting


def _held_meeting(board: Organization, members: list[Person], *, paragraphs: int) -> Meeting:
    """A meeting with `paragraphs` paragraphs: every third decided by a roll call of all the
    members, with a counter-proposal and a dissent; the rest by acclamation."""
    meeting = Meeting.objects.create(
        organization=board,
        starts_at=_at(24, 13),
        ends_at=_at(24, 17),
        place="Sessionssalen",
        chair=members[0],
        status=Meeting.Status.CLOSED,
    )
    for index, member in enumerate(members):
        Attendance.objects.create(
            meeting=meeting,
            person=member,
            capacity=Attendance.Capacity.MEMBER,
            checks_minutes=index == 1,
        )
    series = MinuteSeries.objects.create(organization=board, year=YEAR, next_number=1)
    for number in range(1, paragraphs + 1):
        voted = number % 3 == 0
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=number,
            title=f"Paragraf {number} om verksamhetens utveckling",
            status=AgendaItem.Status.DECIDED,
            method=AgendaItem.Method.VOTE if voted else AgendaItem.Method.ACCLAMATION,
            resolution="Styrelsen beslutar att anta förslaget.\n" + _PARAGRAPH,
            minute_series=series,
            minute_number=number,
        )
        prepared = Proposal.objects.create(
            item=item, position=1, text="Bifall till förslaget.", adopted=True
        )
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


def add_meetings_command(sub: Any) -> None:
    """`kansli bench meetings`, a subcommand of `kansli bench`."""
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


def handle_meetings_command(stdout: Any, options: dict[str, Any]) -> bool:
    """Run `meetings` if that is the subcommand; False for any other."""
    if options["subcommand"] != "meetings":
        return False
    result = bench_meetings(
        items=options["items"],
        attachments=options["attachments"],
        pages=options["pages"],
        paragraphs=options["paragraphs"],
        runs=options["runs"],
    )
    stdout.write(str(result))
    return True
