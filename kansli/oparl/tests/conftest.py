"""The world the OParl tests read: the secrecy crawl's planted world (a secret case, secret
documents and file, a secret item on approved and unapproved agendas, Region Blekinge's secret
case on a called agenda) with, on top, what OParl shows in full: a public document with a file
on a called agenda, and an approved meeting with a roll-call vote and a dissent."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.utils import timezone

from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.selectors import serving_members
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document, File
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.tests import crawl

PUBLIC_FILE_TEXT = "OPARLPUBLIKFIL"
DISSENT_REASONS = "Taxan är för hög"


@dataclass
class OParlWorld:
    planted: crawl.World
    public_file: File
    called: Meeting
    voted: AgendaItem


def _board(body: Body) -> Organization:
    return Organization.objects.get(body=body, slug="ks")


def _called_meeting_with_file(board: Organization) -> tuple[Meeting, File]:
    case = registry.case_open(actor=None, organization=board, title="Ny simhall")
    document = registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=timezone.localdate(),
        description="Förstudie om en ny simhall",
        files=[upload("forstudie.pdf", pdf_bytes(PUBLIC_FILE_TEXT))],
    )
    meeting = meetings.meeting_schedule(
        actor=None,
        organization=board,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        place="Sessionssalen",
    )
    item = meetings.item_add(actor=None, meeting=meeting, title=case.title, case=case)
    meetings.attachment_add(actor=None, item=item, document=document)
    meetings.notice_send(actor=None, meeting=meeting)
    return meeting, document.files.get()


def _approved_vote(board: Organization) -> AgendaItem:
    """An approved meeting whose item was decided by roll call, with a dissent."""
    meeting = crawl._held(board, timezone.now() - datetime.timedelta(hours=8))
    item = meetings.item_add(
        actor=None, meeting=meeting, title="Taxa för bygglov", proposal="att anta taxan"
    )
    meeting = crawl._open(meeting)
    voters = serving_members(meeting=meeting, item=item)
    prepared = meetings.proposal_add(actor=None, item=item, text="att anta taxan")
    other = meetings.proposal_add(actor=None, item=item, text="att avslå", proposer=voters[-1])
    half = len(voters) // 2 + 1
    ballots = {person: ("yes" if n < half else "no") for n, person in enumerate(voters)}
    meetings.vote_record(
        actor=None, item=item, yes_proposal=prepared, no_proposal=other, ballots=ballots
    )
    item.refresh_from_db()
    if item.status == AgendaItem.Status.PENDING:
        meetings.item_decide(actor=None, item=item, proposal=prepared)
    meetings.dissent_record(actor=None, item=item, person=voters[-1], reasons=DISSENT_REASONS)
    meeting = meetings.meeting_close(actor=None, meeting=meeting)
    meetings.minutes_send_for_approval(actor=None, meeting=meeting)
    for signer in meeting.attendance.filter(checks_minutes=True):
        meetings.minutes_approve(actor=None, meeting=meeting, person=signer.person)
    meetings.minutes_approve(actor=None, meeting=meeting, person=meeting.chair)
    return AgendaItem.objects.get(pk=item.pk)


@pytest.fixture
def world(demo: dict[str, Body]) -> OParlWorld:
    planted = crawl.plant(demo)
    board = _board(demo["vanersborg"])
    called, public_file = _called_meeting_with_file(board)
    return OParlWorld(
        planted=planted, public_file=public_file, called=called, voted=_approved_vote(board)
    )


@dataclass
class Walk:
    """Everything a client reads from the API: each list page's JSON text, and every object
    (embedded ones too) by type."""

    texts: list[str] = field(default_factory=list)
    # The objects as the lists (and the System as the entry point) give them, by type.
    objects: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, data: dict[str, Any]) -> None:
        for row in data.get("data", [data]):
            self.objects.setdefault(row["type"].rsplit("/", 1)[-1], []).append(row)


LIST_KEYS = (
    "organization",
    "person",
    "membership",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
)


def walk(get: Callable[[str], tuple[int, str, Any]], start: str) -> Iterator[tuple[str, Any]]:
    """Read the whole API from its System object, following every list page by `links.next`:
    yields (url, json) for every response. `get(url)` answers (status, text, json)."""
    status, _text, system = get(start)
    assert status == 200
    yield start, system
    queue = [system["body"]]
    while queue:
        url = queue.pop(0)
        pages = 0
        while url:
            status, _text, page = get(url)
            assert status == 200, url
            yield url, page
            for row in page["data"]:
                if row.get("type", "").endswith("/Body"):
                    queue.extend(row[key] for key in LIST_KEYS)
            url = page["links"].get("next")
            pages += 1
            assert pages < 1000
