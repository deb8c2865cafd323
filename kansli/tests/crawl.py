"""The secrecy crawl's planted world, its personas, and the crawler itself.

`plant` builds, through the services, on top of the demo: in Vänersborg a notice posted on the
notice board, a secret case with a tjänsteskrivelse and three secret documents (a hidden
description, a hidden sender, a secret file, asked for in a public records request), decided
at a board meeting whose minutes are approved, a meeting held and not yet approved, a meeting
in session with the secret case again, and a delegation decision that names the secret case;
in Blekinge a secret case on the agenda of a called meeting. Every secret field holds its own
marker (`Marker`), so a failure names the field that leaked.

`crawl` fetches, as one persona, every page of the URL conf and every GET operation of the
OpenAPI description, with the ids of the planted world, and returns the text of each response:
HTML, JSON, CSV, iCalendar, and the text and outline of each PDF.
"""

import datetime
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pypdf
import time_machine
from django.contrib import admin
from django.core import mail
from django.http import HttpResponse
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.decisions import services as decisions
from kansli.decisions.models import Assignment, Decision, ExecutionTask
from kansli.delegation import services as delegation
from kansli.delegation.selectors import draft_order
from kansli.demo.followup import load_followup_demo
from kansli.demo.registry import load_registry_demo
from kansli.followup.models import CrisisEvent
from kansli.governance.models import GoverningDocument
from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.views import DOWNLOADS
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person, Position
from kansli.organisation.selectors import members_on
from kansli.preparation import services as preparation
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.web.models import TaskRun


class Marker(StrEnum):
    """One unique word per secret field of the planted world."""

    CASE_TITLE = "ARENDETITEL7301"
    REPORT = "RAPPORTTEXT7302"
    CLAUSE = "BESLUTSSATS7303"
    ECONOMY = "EKONOMI7304"
    FINANCING = "FINANSIERING7305"
    STATEMENT = "YTTRANDE7306"
    DESCRIPTION = "BESKRIVNING7307"
    SENDER = "AVSANDARE7308"
    FILE = "FILTEXT7309"
    SECRET_ITEM_JAV = "JAVGRUND7310"
    PENDING_JAV = "OJUSTERATJAV7311"
    PENDING_DISSENT = "OJUSTERADRESERVATION7312"
    DELEGATION = "DELEGATIONSBESLUT7313"
    BLEKINGE_TITLE = "BLEKINGETITEL7314"
    BLEKINGE_REPORT = "BLEKINGERAPPORT7315"


class Persona(StrEnum):
    ANONYMOUS = "anonymous"
    OTHER_ORGAN = "ledamot-annat-organ"
    LEDAMOT = "ledamot"
    HANDLAGGARE = "handlaggare"
    OFFICER = "arendets-handlaggare"
    SECRETARY = "sekreterare"
    REGISTRAR = "registrator"
    ADMINISTRATOR = "admin"
    OTHER_BODY = "blekinge-registrator"


SECRECY = "OSL 26 kap. 1 §"
HEALTH = "OSL 25 kap. 1 §"


@dataclass
class World:
    """The planted rows the crawl fills URL parameters with."""

    secret_case: Case
    public_case: Case
    documents: list[Document]
    meetings: list[Meeting]
    decisions: list[Decision]
    blekinge_case: Case
    persons: list[Person] = field(default_factory=list)
    # The secret links to persons' calendars (meetings:calendar_feed).
    calendar_tokens: list[str] = field(default_factory=list)


def _person(body: Body, given: str, family: str) -> Person:
    return organisation.person_create(
        actor=None,
        body=body,
        given_name=given,
        family_name=family,
        email=f"{given.lower()}.{family.lower()}@example.se",
    )


def _board(body: Body, slug: str) -> Organization:
    return Organization.objects.get(body=body, slug=slug)


def _other_organ_member(vanersborg: Body, board: Organization, today: datetime.date) -> User:
    """An account for a member of the social committee who has no seat on the board, neither
    as a member nor as a substitute."""
    committee = _board(vanersborg, "socialnamnden")
    on_board = Membership.objects.on(today).filter(organization=board).values("person_id")
    seat = members_on(organization=committee, on=today).exclude(person_id__in=on_board).first()
    return user_create(
        actor=None,
        username=Persona.OTHER_ORGAN,
        password=None,
        roles=[Role.ELECTED_MEMBER],
        person=seat.person,
    )


def _secret_case(board: Organization, officer: Person, today: datetime.date) -> Case:
    case = registry.case_open(
        actor=None,
        organization=board,
        title=f"Placering av barnet {Marker.CASE_TITLE}",
        case_officer=officer,
        secrecy_reference=SECRECY,
    )
    preparation.report_save(
        actor=None,
        case=case,
        text=f"Tjänsteskrivelse om {Marker.REPORT}.",
        clauses=[f"att placera {Marker.CLAUSE}"],
        economic_consequences=f"Kostnaden {Marker.ECONOMY}.",
        financing=f"Ur anslaget {Marker.FINANCING}.",
    )
    # A route, so that the routes' pages have one to show.
    route = preparation.route_create(
        actor=None, body=board.body, name="Ärende till styrelsen", organizations=[board]
    )
    preparation.preparation_plan(actor=None, case=case, route=route)
    preparation.statement_add(
        actor=None,
        case=case,
        received_on=today,
        author="Socialtjänsten",
        summary=f"Yttrande om {Marker.STATEMENT}.",
    )
    return case


def _documents(secret: Case, public: Case, today: datetime.date) -> list[Document]:
    """A secret document with its description hidden and one with its sender hidden, in a
    public case; a secret file in the secret case."""
    incoming = Document.Direction.INCOMING
    return [
        registry.document_register(
            actor=None,
            case=public,
            direction=incoming,
            date=today,
            description=f"Läkarintyg {Marker.DESCRIPTION}",
            counterpart="Vårdcentralen Norr",
            secrecy_reference=HEALTH,
            description_masked=True,
        ),
        registry.document_register(
            actor=None,
            case=public,
            direction=incoming,
            date=today,
            description="Anmälan om missförhållanden",
            counterpart=f"Anmälaren {Marker.SENDER}",
            secrecy_reference=HEALTH,
            counterpart_masked=True,
        ),
        registry.document_register(
            actor=None,
            case=secret,
            direction=Document.Direction.DRAWN_UP,
            date=today,
            description="Utredning",
            files=[upload("utredning.pdf", pdf_bytes(f"Utredningen {Marker.FILE}"))],
            secrecy_reference=SECRECY,
            secrecy_reason="Uppgifter om ett barns personliga förhållanden",
        ),
    ]


def _held(board: Organization, starts_at: datetime.datetime) -> Meeting:
    """A board meeting in session, everyone present, a member other than the chair its
    minutes checker; its agenda has the standard items."""
    meeting = meetings.meeting_schedule(
        actor=None, organization=board, starts_at=starts_at, place="Sessionssalen"
    )
    meetings.agenda_build(actor=None, meeting=meeting)
    return meeting


def _open(meeting: Meeting) -> Meeting:
    meetings.attendance_prefill(actor=None, meeting=meeting)
    meeting = meetings.meeting_open(actor=None, meeting=meeting)
    checker = next(
        seat.person
        for seat in members_on(organization=meeting.organization, on=timezone.localdate())
        if seat.person != meeting.chair
    )
    meetings.minutes_checkers_set(actor=None, meeting=meeting, persons=[checker])
    return meeting


def _jav(item: AgendaItem, ground: str) -> Person:
    """A serving member, not the chair nor the demo's ledamot, disqualified in the item."""
    ledamot = User.objects.get(username=Persona.LEDAMOT).person
    member = next(
        seat.person
        for seat in members_on(organization=item.meeting.organization, on=timezone.localdate())
        if seat.person not in (item.meeting.chair, ledamot)
    )
    meetings.disqualification_record(actor=None, item=item, person=member, ground=ground)
    return member


def _decided_meeting(board: Organization, secret: Case, public: Case, documents: list) -> Meeting:
    """Called (the notice e-mailed), held and approved: the secret case decided with a
    disqualification, the public case decided; the secret documents attached."""
    meeting = _held(board, timezone.now() - datetime.timedelta(hours=3))
    secret_item = meetings.item_add(actor=None, meeting=meeting, title=secret.title, case=secret)
    public_item = meetings.item_add(actor=None, meeting=meeting, title=public.title, case=public)
    meetings.attachment_add(actor=None, item=public_item, document=documents[0])
    meetings.attachment_add(actor=None, item=secret_item, document=documents[2])
    # The notice went out before the meeting began, as it must.
    # Each e-mail goes by its own task after the commit: run them, as the worker would.
    with (
        time_machine.travel(meeting.starts_at - datetime.timedelta(days=7), tick=False),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        meetings.notice_send(actor=None, meeting=meeting)
    meeting = _open(meeting)
    _jav(secret_item, f"Släkt med barnet {Marker.SECRET_ITEM_JAV}")
    meetings.item_decide(actor=None, item=secret_item)
    meetings.item_decide(actor=None, item=public_item, resolution="att bifalla budgeten")
    meeting = meetings.meeting_close(actor=None, meeting=meeting)
    meetings.minutes_send_for_approval(actor=None, meeting=meeting)
    for signer in meeting.attendance.filter(checks_minutes=True):
        meetings.minutes_approve(actor=None, meeting=meeting, person=signer.person)
    meetings.minutes_approve(actor=None, meeting=meeting, person=meeting.chair)
    return meeting


def _unapproved_meeting(board: Organization) -> Meeting:
    """Held and closed, its minutes not yet approved: a disqualification and a dissent in a
    public item."""
    meeting = _held(board, timezone.now() - datetime.timedelta(hours=5))
    item = meetings.item_add(
        actor=None, meeting=meeting, title="Taxor 2027", proposal="att anta taxorna"
    )
    meeting = _open(meeting)
    disqualified = _jav(item, f"Delägare {Marker.PENDING_JAV}")
    meetings.item_decide(actor=None, item=item)
    dissenter = next(
        row.person
        for row in meeting.attendance.filter(present=True, membership__isnull=False)
        if row.person not in (disqualified, meeting.chair)
    )
    meetings.dissent_record(
        actor=None, item=item, person=dissenter, reasons=f"Taxan är fel {Marker.PENDING_DISSENT}"
    )
    return meetings.meeting_close(actor=None, meeting=meeting)


def _meeting_in_session(board: Organization, secret: Case, documents: list[Document]) -> Meeting:
    """The board in session: the secret case again, pending, with its prepared proposal and
    the secret file attached, so that the forms that change the agenda and deal with an item
    are offered; the delegated decisions reported to it listed."""
    meeting = _held(board, timezone.now() - datetime.timedelta(hours=1))
    item = meetings.item_add(actor=None, meeting=meeting, title=secret.title, case=secret)
    meetings.attachment_add(actor=None, item=item, document=documents[2])
    meeting = _open(meeting)
    meetings.proposal_add(actor=None, item=item, text=item.proposal)
    return meeting


def _delegation_decision(body: Body, secret: Case, today: datetime.date) -> Decision:
    """The director's delegated decision in the secret case, naming it by its number, to be
    reported to the board."""
    director = User.objects.get(username="direktor")
    return decisions.decision_record(
        actor=director,
        body=body,
        decision_type="organisationsforandring",
        decided_by=director.person,
        capacity=Position.objects.get(body=body, slug="kommundirektor"),
        concerning=_board(body, "barn-och-utbildningsforvaltningen"),
        amount=None,
        decided_on=today,
        title=f"Beslut i ärende {secret.number} om {Marker.DELEGATION}",
        text=f"Stödet ordnas genom {Marker.DELEGATION}.",
        case_reference=secret.number,
        evidence=[("approval", "pfu", today, "")],
    )


def _blekinge(body: Body) -> tuple[Case, Meeting]:
    """A secret case of Region Blekinge's board on the agenda of its called meeting."""
    board = _board(body, "regionstyrelsen")
    case = registry.case_open(
        actor=None,
        organization=board,
        title=f"Skyddat boende {Marker.BLEKINGE_TITLE}",
        secrecy_reference=SECRECY,
    )
    preparation.report_save(
        actor=None, case=case, text=f"Utredning {Marker.BLEKINGE_REPORT}.", clauses=["att bevilja"]
    )
    meeting = meetings.meeting_schedule(
        actor=None,
        organization=board,
        starts_at=timezone.now() + datetime.timedelta(days=1),
        place="Regionhuset",
    )
    meetings.item_add(actor=None, meeting=meeting, title=case.title, case=case)
    with TestCase.captureOnCommitCallbacks(execute=True):
        meetings.notice_send(actor=None, meeting=meeting)
    return case, meeting


def plant(demo: dict[str, Body]) -> World:
    """The planted world on top of the demo's registry and follow-up, the outbox holding the
    notices of the meetings called."""
    load_registry_demo()
    load_followup_demo()
    vanersborg, today = demo["vanersborg"], timezone.localdate()
    board = _board(vanersborg, "ks")
    officer = _person(vanersborg, "Alva", "Arendesson")
    user_create(
        actor=None,
        username=Persona.OFFICER,
        password=None,
        roles=[Role.CASE_OFFICER],
        person=officer,
    )
    _other_organ_member(vanersborg, board, today)
    secret = _secret_case(board, officer, today)
    public = registry.case_open(
        actor=None, organization=board, title="Kulturbudget 2027", case_officer=officer
    )
    documents = _documents(secret, public, today)
    registry.records_request_register(
        actor=None, body=vanersborg, subject="Handlingarna om kulturbudgeten", documents=documents
    )
    mail.outbox.clear()
    decided = _decided_meeting(board, secret, public, documents)
    unapproved = _unapproved_meeting(board)
    delegated = _delegation_decision(vanersborg, secret, today)
    in_session = _meeting_in_session(board, secret, documents)
    blekinge_case, blekinge_meeting = _blekinge(demo["blekinge"])
    ledamot = User.objects.get(username=Persona.LEDAMOT).person
    _feed, token = meetings.calendar_feed_create(actor=None, person=ledamot)
    meetings.notice_post(
        actor=None,
        body=vanersborg,
        title="Tillkännagivande om granskning av detaljplan",
        text="Planförslaget finns att läsa i stadshuset.",
        taken_down_on=today + datetime.timedelta(days=21),
    )
    # A draft of the next version of the delegation order: its pages are the drafters'.
    delegation.order_draft_create(
        actor=None,
        order=vanersborg.delegation_orders.get(),
        version="2.0",
        valid_from=today + datetime.timedelta(days=400),
    )
    # The registrar's removal of the secret case's files, running: its page is the registrar's.
    TaskRun.objects.create(
        user=User.objects.get(username=Persona.REGISTRAR),
        title=f"Gallring i {Marker.CASE_TITLE}",
        backend="default",
        summary=f"{Marker.CASE_TITLE}: 1 av 2 filer borttagna",
    )
    return World(
        secret_case=secret,
        public_case=public,
        documents=documents,
        meetings=[decided, unapproved, in_session, blekinge_meeting],
        decisions=[decided.items.get(case=secret).decision, delegated],
        blekinge_case=blekinge_case,
        persons=[officer, ledamot],
        calendar_tokens=[token],
    )


# The crawl ---------------------------------------------------------------------------------

# Pages the crawl cannot fill with the planted world, with the reason.
NOT_FETCHED = {
    "admin:view_on_site": "a redirect to the object's own page, which is fetched",
    "admin:auth_user_password_change": "a form with no content of the world",
    "admin:accounts_user_second_factor_reset": (
        "a confirmation naming the user, no content of the world; refused to all but the user's "
        "administrator (kansli/accounts/tests/test_second_factor_reset.py)"
    ),
    "meetings:assignment_report_agenda": "a write (POST only)",
    "meetings:absence_report": "a write (POST only)",
    "meetings:absence_withdraw": "a write (POST only)",
    "meetings:calendar_feed_create": "a write (POST only)",
    "meetings:calendar_feed_revoke": "a write (POST only)",
    "followup:duty_report_register": "a write (POST only)",
    **{
        f"scim:{route}": (
            "SCIM answers only the directory's key, of an administrator of its body, and shows "
            "users and roles, no record: kansli/provisioning/tests/test_refusals.py refuses "
            "every other caller"
        )
        for route in ("groups", "resource-types", "schemas", "users")
    },
    "registry:records_request_file": (
        "reached only by the secret key of the requester's link, of which only the hash is kept; "
        "it serves only what was released to the request"
    ),
    "registry:disposal_record": (
        "the world holds no disposal: test_disposal reads a record as the public, the secret "
        "title masked"
    ),
    "GET /api/v1/bodies/{slug}/webhooks/{subscription_id}/deliveries": (
        "the world holds no webhook subscription; a delivery holds only what the public may see "
        "(kansli/integrations/tests)"
    ),
}

# Pages fetched as one persona only, with the reason: each takes seconds to render, and what
# it shows cannot differ from one persona to another.
FETCHED_ONCE = {
    "delegation:delegation_order_pdf": (
        Persona.REGISTRAR,
        "the delegation order's rules as adopted: nothing of the registry, meetings or decisions",
    ),
    "followup:duty_report_pdf": (
        Persona.SECRETARY,
        "the duty dashboard of the year, made with no user: the same for everyone who may read it",
    ),
    "meetings:public_packet": (
        Persona.ANONYMOUS,
        "made with no user (packets.public_packet): the same for everyone who may fetch it",
    ),
    "meetings:public_minutes": (
        Persona.ANONYMOUS,
        "the stored public version (packets.minutes_served, public): the same for everyone",
    ),
}
# Namespaces fetched as one persona only, with the reason.
NAMESPACES_FETCHED_ONCE = {
    "oparl": (
        Persona.ANONYMOUS,
        "reads every record as the public (kansli/oparl/objects.py PUBLIC), never the visitor",
    ),
}


def fetched_by(route: str) -> Persona | None:
    """The one persona that fetches the route, or None where every persona does."""
    once = FETCHED_ONCE.get(route) or NAMESPACES_FETCHED_ONCE.get(route.partition(":")[0])
    return once[0] if once else None


@dataclass(frozen=True)
class Fetched:
    """A response as text: where it came from (`route`: a URL name, an API operation or an
    e-mail's recipient) and everything in it a reader could see."""

    route: str
    url: str
    status: int
    text: str


def pdf_text(data: bytes) -> str:
    """The text of every page and every bookmark of the PDF, white space made one space."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]

    def titles(outline: list[Any]) -> Iterator[str]:
        for entry in outline:
            if isinstance(entry, list):
                yield from titles(entry)
            else:
                yield entry.title

    metadata = [str(value) for value in (reader.metadata or {}).values()]
    return " ".join(" ".join(pages + list(titles(reader.outline)) + metadata).split())


def unfold(calendar: str) -> str:
    """An iCalendar text with its folded lines joined (RFC 5545 3.1)."""
    return calendar.replace("\r\n ", "").replace("\r\n\t", "")


def readable(content: bytes, content_type: str) -> str:
    if content_type.startswith("application/pdf"):
        return pdf_text(content)
    text = content.decode("utf-8", errors="replace")
    if content_type.startswith("text/calendar"):
        return unfold(text)
    if content_type.startswith("application/json"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


def _text(response: HttpResponse) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return readable(content, response.get("Content-Type", "")) if content else ""


def contexts(world: World) -> list[dict[str, Any]]:
    """Sets of URL parameters that belong together, under the names of the pages (body, case,
    …) and of the API (slug, case_id, …). A route is fetched with every set that fills all
    its parameters."""
    sets: list[dict[str, Any]] = []
    for body in Body.objects.all():
        base = {"body": body.slug, "slug": body.slug, "year": timezone.localdate().year}
        sets.append(base)
        for organization in body.organizations.filter(slug__in=("ks", "regionstyrelsen")):
            sets.append(base | {"organization": organization.slug, "org_slug": organization.slug})
        for document in GoverningDocument.objects.filter(body=body)[:1]:
            section = document.versions.first().sections.first()
            sets.append(
                base | {"document": document.slug, "doc_slug": document.slug, "key": section.key}
            )
        for order in body.delegation_orders.all()[:1]:
            sets.append(base | {"order": order.pk, "order_id": order.pk})
        for draft in body.order_drafts.all()[:1]:
            rule = draft_order(draft=draft).rules[0].id
            sets.append(base | {"draft": draft.pk, "rule": rule})
        for position in body.positions.all()[:1]:
            sets.append(base | {"position_slug": position.slug})
        for request in body.public_records_requests.order_by("-pk")[:1]:
            sets.append(base | {"request_id": request.pk})
        for route in body.routes.all()[:1]:
            sets.append(base | {"route": route.pk})
        for notice in body.notices.all()[:1]:
            sets.append(base | {"notice": notice.pk})
    for case in (world.secret_case, world.public_case, world.blekinge_case):
        sets.append(_in(case.organization.body) | {"case": case.pk, "case_id": case.pk})
    for document in world.documents:
        for file in document.files.all() or [None]:
            ids = {"document_id": document.pk, "case_id": document.case_id}
            if file is not None:
                ids |= {"file": file.pk, "file_id": file.pk}
            sets.append(_in(document.case.organization.body) | ids)
    for meeting in world.meetings:
        base = _in(meeting.organization.body) | {"meeting": meeting.pk, "meeting_id": meeting.pk}
        sets.append(base | {"action": "x"})
        sets.extend(base | {"document": name} for name in DOWNLOADS)
        sets.extend(base | {"number": v.number} for v in meeting.minutes_versions.all())
        for item in meeting.items.filter(kind=AgendaItem.Kind.CASE):
            sets.append(base | {"item": item.pk, "item_id": item.pk, "action": "x"})
        for delivery in meeting.deliveries.all()[:1]:
            sets.append(base | {"delivery": delivery.pk})
    for decision in world.decisions:
        base = _in(decision.body) | {"decision": decision.pk, "decision_id": decision.pk}
        sets.append(base)
        for task in decision.execution_tasks.all():
            sets.append(base | {"task": task.pk, "task_id": task.pk})
    for person in world.persons:
        sets.append(_in(person.body) | {"person": person.pk, "person_id": person.pk})
    for token in world.calendar_tokens:
        sets.append(_in(world.secret_case.organization.body) | {"token": token})
    sets.extend({"run": run.pk} for run in TaskRun.objects.all())
    return sets + _followup(world) + _oparl(world)


def _in(body: Body) -> dict[str, Any]:
    return {"body": body.slug, "slug": body.slug}


def _followup(world: World) -> list[dict[str, Any]]:
    """The demo's follow-up rows in Vänersborg: an assignment with its reports, an execution
    task of a demo decision, a crisis event, a duty attested outside Kansli."""
    base = _in(world.secret_case.organization.body)
    assignment = Assignment.objects.filter(decision__body__slug=base["body"]).first()
    report = assignment.reports.first()
    task = ExecutionTask.objects.filter(decision__body__slug=base["body"]).first()
    event = CrisisEvent.objects.filter(body__slug=base["body"]).first()
    return [
        base | {"assignment": assignment.pk, "assignment_id": assignment.pk},
        base | {"report": report.pk},
        base | {"task": task.pk, "task_id": task.pk},
        base | {"event": event.pk, "event_id": event.pk},
        base | {"duty": "kdi-d-3.5-f"},
    ]


def _oparl(world: World) -> list[dict[str, Any]]:
    """OParl's objects by id (`pk`, whatever their type): the planted cases and their files, the
    meetings with their organs and items, the persons; and a body's legislative term."""
    pks = {case.pk for case in (world.secret_case, world.public_case, world.blekinge_case)}
    pks |= {file.pk for document in world.documents for file in document.files.all()}
    for meeting in world.meetings:
        pks |= {meeting.pk, meeting.organization_id}
        pks |= set(meeting.items.values_list("pk", flat=True))
    pks |= {person.pk for person in world.persons}
    pks |= set(Membership.objects.filter(person__in=world.persons).values_list("pk", flat=True))
    terms = [_in(body) | {"election": 2022} for body in Body.objects.all()]
    return [{"pk": pk} for pk in sorted(pks)] + terms


@dataclass(frozen=True)
class Route:
    """A page by its URL name and parameters, or an API operation by its path."""

    name: str
    parameters: frozenset[str]
    pattern: str = ""  # an API path with {parameters}

    def urls(self, sets: list[dict[str, Any]]) -> list[str]:
        filled = {
            tuple(sorted((name, values[name]) for name in self.parameters))
            for values in sets
            if self.parameters <= values.keys()
        }
        return sorted({self._url(dict(values)) for values in filled})

    def _url(self, values: dict[str, Any]) -> str:
        if not self.pattern:
            return reverse(self.name, kwargs=values)
        url = self.pattern
        for name, value in values.items():
            url = url.replace(f"{{{name}}}", str(value))
        return url


def pages() -> list[Route]:
    """Every named page of the URL conf but the API's (which the OpenAPI description lists)."""

    def walk(resolver: URLResolver, namespace: str, outer: frozenset[str]) -> Iterator[Route]:
        for entry in resolver.url_patterns:
            groups = outer | frozenset(entry.pattern.regex.groupindex)
            if isinstance(entry, URLResolver):
                inner = ":".join(filter(None, (namespace, entry.namespace)))
                yield from walk(entry, inner, groups)
            elif isinstance(entry, URLPattern) and entry.name:
                yield Route(":".join(filter(None, (namespace, entry.name))), groups)

    routes = {route.name: route for route in walk(get_resolver(), "", frozenset())}
    return [route for name, route in routes.items() if not name.startswith("api:")]


def api_operations(client: Client) -> tuple[list[Route], list[str]]:
    """The API's GET operations, and the writes (by method and path), from its OpenAPI
    description."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    reads, writes = [], []
    for path, operations in paths.items():
        parameters = frozenset(part[1:-1] for part in path.split("/") if part.startswith("{"))
        for method in operations:
            if method == "get":
                reads.append(Route(f"GET {path}", parameters, pattern=path))
            else:
                writes.append(f"{method.upper()} {path}")
    return reads, writes


def client_of(persona: Persona) -> tuple[Client, Client]:
    """The persona's browser, signed in, and its API client, bearing a key of its own."""
    if persona == Persona.ANONYMOUS:
        return Client(), Client()
    user = User.objects.get(username=persona)
    browser = Client()
    browser.force_login(user)
    _token, key = token_create(actor=None, user=user, name="crawl")
    return browser, Client(headers={"authorization": f"Bearer {key}"})


def crawl(
    persona: Persona, world: World, reads: list[Route], method: str = "get"
) -> tuple[list[Fetched], set[str]]:
    """Every page and API read (`reads`, from `api_operations`) as the persona sees it, and
    the routes covered: those fetched, and the admin's pages of a model the world holds no
    row of (there is nothing on them to leak). Fetched with GET, or with `method`."""
    browser, api = client_of(persona)
    sets = contexts(world)
    fetched: list[Fetched] = []
    covered = set()
    for route in pages():
        if route.name in NOT_FETCHED or fetched_by(route.name) not in (None, persona):
            continue
        admin_page = route.name.startswith("admin:")
        urls = route.urls(_admin_sets(route) if admin_page else sets)
        if admin_page and not urls:
            covered.add(route.name)
        for url in urls:
            response = getattr(browser, method)(url)
            fetched.append(Fetched(route.name, url, response.status_code, _text(response)))
    for route in reads:
        for url in route.urls(sets):
            response = getattr(api, method)(url)
            fetched.append(Fetched(route.name, url, response.status_code, _text(response)))
    return fetched, covered | {entry.route for entry in fetched}


def _admin_sets(route: Route) -> list[dict[str, Any]]:
    """The admin's pages: each app's index, and the latest row of each model (the planted
    one, for the models the world plants)."""
    models = list(admin.site._registry)
    if "app_label" in route.parameters:
        return [{"app_label": label} for label in {model._meta.app_label for model in models}]
    if "object_id" not in route.parameters:
        return [{}]
    label = route.name.split(":")[1].rsplit("_", 1)[0]
    return [
        {"object_id": pk}
        for model in models
        if f"{model._meta.app_label}_{model._meta.model_name}" == label
        for pk in model._base_manager.order_by("-pk").values_list("pk", flat=True)[:1]
    ]


def outbox() -> list[Fetched]:
    """Every e-mail sent, its body and each attachment, by recipient."""
    fetched = []
    for message in mail.outbox:
        route = f"e-post till {', '.join(message.to)}"
        parts = [message.subject, message.body]
        for _name, content, kind in message.attachments:
            data = content.encode() if isinstance(content, str) else content
            parts.append(readable(data, kind))
        fetched.append(Fetched(route, message.subject, 0, "\n".join(parts)))
    return fetched
