"""Reading meetings: the plan, who serves and whether there is a quorum, what may go on an
agenda, and what hangs on the notice board."""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli import legal_time
from kansli.accounts.models import ApiToken
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decisions_unreported
from kansli.delegation.engine import Verdict
from kansli.delegation.selectors import authority_check, decision_types_of
from kansli.language import in_records_language
from kansli.meetings import rules, signing
from kansli.meetings.models import (
    AgendaItem,
    Approval,
    Attendance,
    CalendarFeed,
    Delivery,
    Disqualification,
    Meeting,
    MinutesVersion,
    Notice,
    Posting,
    Proposal,
    Vote,
)
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.preparation.models import Preparation
from kansli.preparation.selectors import case_readiness
from kansli.registry.models import Case
from kansli.registry.visibility import case_view


def meeting_day(meeting: Meeting) -> datetime.date:
    """The day the meeting is held, in the local time zone."""
    return timezone.localdate(meeting.starts_at)


def minutes_name(meeting: Meeting) -> str:
    """How the minutes are cited: "KS 2026-12-01"."""
    organization = meeting.organization
    return f"{organization.short_name or organization.name} {meeting_day(meeting):%Y-%m-%d}"


def minutes_signers(*, meeting: Meeting) -> dict[int, str]:
    """Who approves the minutes, by person id, with the role they sign in: the chair and the
    minutes checkers."""
    signers: dict[int, str] = {
        row.person_id: Approval.Role.CHECKER
        for row in meeting.attendance.filter(checks_minutes=True)
    }
    if meeting.chair_id is not None:
        signers[meeting.chair_id] = Approval.Role.CHAIR
    return signers


def minutes_version(*, meeting: Meeting) -> MinutesVersion | None:
    """The newest stored version of the meeting's minutes: the one served."""
    return meeting.minutes_versions.order_by("-number").first()


@dataclass(frozen=True)
class Signed:
    """A stored version's justering as it stands: each electronic signature found in the file
    the public reads, validated from the file itself; each signature recorded as made on
    paper. `readable` is false when the stored file cannot be read as a PDF (damaged or
    replaced): then no signature in it can be checked."""

    signatures: list[signing.SignatureSeen]
    on_paper: list[Approval]
    readable: bool = True


# How long a file's checked signatures are kept: checking reads the whole file (pyHanko's
# analysis of what came after each signature), too slow to repeat on every page view; the key
# is the file's own hash, so a changed file is checked anew at once.
SIGNATURES_KEPT = 60 * 60


def minutes_signed(*, version: MinutesVersion) -> Signed:
    with version.public_file.open("rb") as stored:
        content = stored.read()
    on_paper = list(version.approvals.filter(method=Approval.Method.PAPER).select_related("person"))
    key = f"minutes-signatures:{hashlib.sha256(content).hexdigest()}"
    seen: list[signing.SignatureSeen] | None = cache.get(key)
    if seen is None:
        try:
            seen = signing.signatures(content)
        except signing.UnreadablePdfError:
            return Signed(signatures=[], on_paper=on_paper, readable=False)
        cache.set(key, seen, SIGNATURES_KEPT)
    return Signed(signatures=seen, on_paper=on_paper)


def in_board_group(organization: Organization) -> bool:
    """The executive board and its subcommittees and drafting committees: where the director
    presents the cases and may attend and speak (seed 002 4.1.2-4.1.3, seed 000)."""
    if organization.kind == Organization.Kind.EXECUTIVE_BOARD:
        return True
    parent = organization.parent
    return (
        organization.kind
        in (Organization.Kind.SUBCOMMITTEE, Organization.Kind.PREPARATORY_COMMITTEE)
        and parent is not None
        and parent.kind == Organization.Kind.EXECUTIVE_BOARD
    )


# KL 5 kap. 11-12 §§: the council's meeting is announced on the notice board, and the notice
# sent to every member and substitute, at least a week before the meeting day.
COUNCIL_NOTICE_DAYS = 7
# The board and the committees: their reglemente says (KL 6 kap. 44 §). This default is the
# common text of a reglemente (SKR's model, "Reglemente med gemensamma bestämmelser för
# nämnderna": the notice reaches each member and substitute at least five days before the
# meeting day); an organ whose reglemente says otherwise sets `Organization.notice_days`.
COMMITTEE_NOTICE_DAYS = 5


@dataclass(frozen=True)
class NoticePeriod:
    """How long before the meeting day the notice must go out, the last day it may, and why."""

    days: int
    latest: datetime.date
    source: str


def notice_period(*, meeting: Meeting) -> NoticePeriod:
    """The notice period of the meeting's organ: its own setting from its reglemente, or the
    default of its kind."""
    organization = meeting.organization
    if organization.notice_days is not None:
        days, source = organization.notice_days, _("organets reglemente")
    elif organization.kind == Organization.Kind.COUNCIL:
        days, source = COUNCIL_NOTICE_DAYS, _("KL 5 kap. 11–12 §§")
    else:
        days, source = COMMITTEE_NOTICE_DAYS, _("reglementet, standard för nämnder")
    return NoticePeriod(days, legal_time.notice_latest(meeting_day(meeting), days), source)


def notice_warning(*, meeting: Meeting, on: datetime.date) -> str:
    """Why a notice sent on `on` is too late for the organ's notice period; empty if it is not."""
    period = notice_period(meeting=meeting)
    if on <= period.latest:
        return ""
    return _(
        "Kallelsen är sen: den ska skickas senast %(latest)s, %(days)s dagar före "
        "sammanträdesdagen (%(source)s)."
    ) % {"latest": f"{period.latest:%Y-%m-%d}", "days": period.days, "source": period.source}


def meeting_plan(*, organization: Organization, year: int) -> QuerySet[Meeting]:
    """The organization's meetings of the year, cancelled ones included, in order."""
    return Meeting.objects.filter(organization=organization, starts_at__year=year).select_related(
        "organization"
    )


def meetings_for_person(
    *, person: Person, start: datetime.date, end: datetime.date | None = None
) -> list[Meeting]:
    """The meetings from `start` to `end` (inclusive; no end: all coming) of the organizations
    where the person is a member or substitute on the day of the meeting, cancelled ones left
    out."""
    seats = list(Membership.objects.filter(person=person).overlapping(start, end))
    meetings = (
        Meeting.objects.filter(
            organization_id__in={seat.organization_id for seat in seats},
            starts_at__date__gte=start,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("organization")
    )
    found = []
    for meeting in meetings:
        day = meeting_day(meeting)
        seated = any(
            seat.organization_id == meeting.organization_id
            and seat.start <= day
            and (seat.end is None or seat.end >= day)
            for seat in seats
        )
        if start <= day and (end is None or day <= end) and seated:
            found.append(meeting)
    return found


@dataclass(frozen=True)
class OwnMeeting:
    """A coming meeting as one member or substitute sees it: their seat in the organ on the
    day, and their row of the attendance if there is one yet."""

    meeting: Meeting
    seat: Membership
    attendance: Attendance | None

    @property
    def absence_reported(self) -> bool:
        row = self.attendance
        return row is not None and row.absence_reported_at is not None and not row.present

    @property
    def serves_for(self) -> Person | None:
        return self.attendance.serves_for if self.attendance is not None else None

    @property
    def substitute(self) -> bool:
        return self.seat.role == Membership.Role.SUBSTITUTE


def own_meetings(*, person: Person, on: datetime.date) -> list[OwnMeeting]:
    """The person's meetings from `on` on, in the organs of their own body where they hold a
    seat on the meeting's day (cancelled ones left out), each with that seat and their
    attendance."""
    meetings = [
        meeting
        for meeting in meetings_for_person(person=person, start=on)
        if meeting.organization.body_id == person.body_id
    ]
    seats = list(
        Membership.objects.filter(
            person=person, organization_id__in={meeting.organization_id for meeting in meetings}
        )
    )
    rows = {
        row.meeting_id: row
        for row in Attendance.objects.filter(person=person, meeting__in=meetings).select_related(
            "serves_for"
        )
    }
    found = []
    for meeting in meetings:
        day = meeting_day(meeting)
        seat = next(
            seat
            for seat in seats
            if seat.organization_id == meeting.organization_id
            and seat.start <= day
            and (seat.end is None or seat.end >= day)
        )
        found.append(OwnMeeting(meeting, seat, rows.get(meeting.pk)))
    return sorted(found, key=lambda own: (own.meeting.starts_at, own.meeting.pk))


def seat_count(*, meeting: Meeting) -> int:
    """The number of members (ledamöter) the quorum is counted on: the organization's decided
    number of seats, vacant seats included, or, for an organ without one entered, its members
    on the day of the meeting.

    KL 5 kap. 43 § and 6 kap. 27 § ask for "mer än hälften av ledamöterna". The ledamöter the
    law counts are the seats the organ has by decision (the council's decision on its own
    size, the reglemente's on a committee's), not those filled on the day: a vacant seat does
    not lower the quorum. Source relied on: SKR's commentary on the rule (Kommunallagen med
    kommentarer, 5 kap. 43 §), which counts the fixed number of seats; the wording is the one
    of 1991 års kommunallag that prop. 2016/17:171 carried over unchanged."""
    seats = meeting.organization.seats
    if seats is not None:
        return seats
    return members_on(organization=meeting.organization, on=meeting_day(meeting)).count()


# The decision type of the rules in a body's instruction that give an official the right to
# attend and speak at an organ's meetings (the orders' YAML files: seed 002 4.1.3 and 5.2.1,
# seed 000's roles in the council and the board).
ATTENDANCE = "narvaro-och-yttranderatt"


def attendance_verdict(*, meeting: Meeting, person: Person) -> Verdict | None:
    """What the body's instruction says of the person attending and speaking at the meeting's
    organ: the verdict of a rule of decision type ATTENDANCE whose scope covers the organ,
    with what must happen first (seed 002 5.2.1: the director in the other committees after
    consulting the board's chair, their chair and department head notified in advance). None
    when no rule of the instruction covers the person there: then the right rests on the basis
    the secretary enters, as for any official."""
    body = meeting.organization.body
    if ATTENDANCE not in {kind.code for kind in decision_types_of(body=body)}:
        return None
    verdict = authority_check(
        body=body,
        decision_type=ATTENDANCE,
        on=meeting_day(meeting),
        person=person,
        concerning=meeting.organization,
    )
    return None if verdict.outcome == "denied" else verdict


def council_flags(*, meeting: Meeting, on: datetime.date) -> list[str]:
    """What the law asks of a council meeting that was not done in time, as of `on`: the
    announcement on the notice board at least a week before the meeting day (KL 5 kap. 11 §),
    missing or late; the minutes approved within 14 days (KL 5 kap. 69 §), late or overdue.
    Empty for other organs and for a cancelled meeting."""
    if (
        meeting.organization.kind != Organization.Kind.COUNCIL
        or meeting.status == Meeting.Status.CANCELLED
    ):
        return []
    flags = []
    day = meeting_day(meeting)
    latest = legal_time.announcement_latest(day)
    words = {"latest": f"{latest:%Y-%m-%d}", "law": "KL 5 kap. 11 §"}
    if meeting.announced_on is None:
        flags.append(
            _(
                "Sammanträdet är inte tillkännagivet på anslagstavlan: det ska ske senast "
                "%(latest)s, en vecka före sammanträdesdagen (%(law)s)."
            )
            % words
        )
    elif meeting.announced_on > latest:
        flags.append(
            _(
                "Tillkännagivandet anslogs %(on)s, senare än en vecka före sammanträdesdagen "
                "(senast %(latest)s, %(law)s)."
            )
            % {**words, "on": f"{meeting.announced_on:%Y-%m-%d}"}
        )
    due = legal_time.council_minutes_due(day)
    approved = timezone.localdate(meeting.approved_at) if meeting.approved_at else None
    if (approved or on) > due:
        flags.append(
            _("Protokollet ska justeras senast %(due)s (KL 5 kap. 69 §); %(state)s.")
            % {
                "due": f"{due:%Y-%m-%d}",
                "state": _("det justerades %(on)s") % {"on": f"{approved:%Y-%m-%d}"}
                if approved is not None
                else _("det är inte justerat"),
            }
        )
    return flags


def law_of(organization: Organization, paragraphs: tuple[str, str]) -> str:
    """The paragraph of a meeting rule (rules.QUORUM_LAW, …) that applies in the organization:
    chapter 5 of KL in the council, chapter 6 in the board and the committees."""
    return rules.law(paragraphs, council=organization.kind == Organization.Kind.COUNCIL)


def _there_at(row: Attendance, item: AgendaItem) -> bool:
    """Whether someone on the attendance list was there at the item: not come later, not left
    before it."""
    came = row.came_at
    left = row.left_after
    return (came is None or came.position <= item.position) and (
        left is None or item.position <= left.position
    )


def serving_members(*, meeting: Meeting, item: AgendaItem | None = None) -> list[Person]:
    """Who takes part in decisions: the members present and the substitutes serving for absent
    members; in an item, only those there at it (who came at a later item or left after an
    earlier one are not: `Attendance.came_at`, `left_after`), without those disqualified in it
    and with the substitutes serving in their place there. The quorum of each item is counted
    on these (KL 5 kap. 43 §, 6 kap. 27 §: "närvarande" when the matter is dealt with)."""
    rows = meeting.attendance.filter(present=True).select_related("person", "came_at", "left_after")
    serving = [
        row
        for row in rows
        if row.capacity == Attendance.Capacity.MEMBER
        or (row.capacity == Attendance.Capacity.SUBSTITUTE and row.serves_for_id is not None)
    ]
    if item is None:
        return [row.person for row in serving]
    serving = [row for row in serving if _there_at(row, item)]
    disqualified = list(item.disqualifications.select_related("substitute"))
    out = {row.person_id for row in disqualified}
    return [row.person for row in serving if row.person_id not in out] + [
        row.substitute for row in disqualified if row.substitute is not None
    ]


def approved_without_minutes() -> QuerySet[Meeting]:
    """The meetings approved before Kansli stored minutes: no `MinutesVersion`, by day."""
    return (
        Meeting.objects.filter(status=Meeting.Status.APPROVED, minutes_versions__isnull=True)
        .select_related("organization__body")
        .order_by("starts_at", "pk")
    )


def extracts_waiting(*, meeting: Meeting) -> list[AgendaItem]:
    """The paragraphs of the approved meeting whose protokollsutdrag `extracts_register` could
    not register: a case with recipients that is closed. The justering page names them until
    the registrar reopens the case and the secretary registers them."""
    if meeting.status != Meeting.Status.APPROVED:
        return []
    return list(
        meeting.items.filter(
            minute_number__isnull=False,
            extract__isnull=True,
            case__status=Case.Status.CLOSED,
        )
        .exclude(recipients="")
        .select_related("case__organization")
        .order_by("minute_number")
    )


def notice_recipients(*, meeting: Meeting) -> list[Person]:
    """Who the notice goes to: the members and substitutes of the meeting's day who have an
    e-mail address, each once."""
    day = meeting_day(meeting)
    seats = [
        *members_on(organization=meeting.organization, on=day),
        *substitutes_on(organization=meeting.organization, on=day),
    ]
    return list({seat.person.pk: seat.person for seat in seats if seat.person.email}.values())


def notice_deliveries(*, meeting: Meeting) -> list[Delivery]:
    """The last delivery of the notice to each person it went to, in the order first sent."""
    latest: dict[int, Delivery] = {}
    notices = meeting.deliveries.filter(kind__in=[Delivery.Kind.NOTICE, Delivery.Kind.RESEND])
    for delivery in notices.select_related("person").order_by("pk"):
        latest[delivery.person_id] = delivery
    return list(latest.values())


def notices_reached(*, meeting: Meeting) -> list[Delivery]:
    """The last notice to each person that went out, or may have (sent, or still sending when
    its answer was lost): those whose calendars hold the invitation. A notice withdrawn or
    refused reached no calendar."""
    reached: dict[int, Delivery] = {}
    notices = meeting.deliveries.filter(
        kind__in=[Delivery.Kind.NOTICE, Delivery.Kind.RESEND],
        state__in=[Delivery.State.SENT, Delivery.State.SENDING],
    )
    for delivery in notices.select_related("person").order_by("pk"):
        reached[delivery.person_id] = delivery
    return list(reached.values())


def quorum_of(*, meeting: Meeting, item: AgendaItem | None = None) -> rules.Quorum:
    """Whether the meeting (in the item, when one is given) has a quorum."""
    return rules.quorum(
        seat_count(meeting=meeting), len(serving_members(meeting=meeting, item=item))
    )


def _pending_items(organization: Organization) -> QuerySet[AgendaItem]:
    """The case items still to be dealt with on the organization's meetings not cancelled."""
    return AgendaItem.objects.filter(
        meeting__organization=organization, status=AgendaItem.Status.PENDING, case__isnull=False
    ).exclude(meeting__status=Meeting.Status.CANCELLED)


def ready_cases(*, organization: Organization) -> list[Case]:
    """Open cases whose preparation is ready for this organization (the organ it names: the
    current step of its route, or the organ named for a case without a route) and that pass
    the readiness check, not already on a pending item of one of its meetings; by case
    number."""
    cases = (
        Case.objects.filter(
            status=Case.Status.OPEN,
            preparation__status=Preparation.Status.READY,
            preparation__organization=organization,
        )
        .exclude(pk__in=_pending_items(organization).values("case_id"))
        .select_related("organization")
        .order_by("opened_on", "sequence", "pk")
    )
    return [case for case in cases if case_readiness(case=case).ready]


@dataclass(frozen=True)
class LeftOut:
    """A case in preparation for the organ, or of its own, that is not on the agenda, and why."""

    case: Case
    reason: str


def cases_left_out(*, meeting: Meeting) -> list[LeftOut]:
    """The open cases under preparation that `agenda_build` did not put on the meeting's agenda:
    those the preparation sends to the meeting's organ and those of the organ's own that are
    prepared for another, each with the reason; by case number."""
    organization = meeting.organization
    on_this = meeting.items.filter(case__isnull=False).values("case_id")
    elsewhere = {
        item.case_id: item.meeting
        for item in _pending_items(organization)
        .exclude(meeting=meeting)
        .select_related("meeting__organization")
    }
    preparations = (
        Preparation.objects.filter(
            Q(organization=organization) | Q(case__organization=organization),
            case__status=Case.Status.OPEN,
        )
        .exclude(status=Preparation.Status.DECIDED)
        .exclude(case__in=on_this)
        .select_related("case__organization__body", "organization")
        .order_by("case__opened_on", "case__sequence", "case__pk")
    )
    return [
        LeftOut(p.case, _left_out_reason(p, organization, elsewhere.get(p.case_id)))
        for p in preparations
    ]


def _left_out_reason(
    preparation: Preparation, organization: Organization, on_agenda: Meeting | None
) -> str:
    if preparation.organization_id != organization.pk:
        if preparation.organization is None:
            return _("Beredningen anger inget organ som ska behandla ärendet.")
        return _("Ärendet bereds för %(organization)s, inte för %(here)s.") % {
            "organization": preparation.organization,
            "here": organization,
        }
    if on_agenda is not None:
        return _("Ärendet står redan på dagordningen för sammanträdet %(date)s.") % {
            "date": f"{meeting_day(on_agenda):%Y-%m-%d}"
        }
    readiness = case_readiness(case=preparation.case)
    if not readiness.ready:
        return _("Beredningen är inte klar: %(missing)s saknas.") % {
            "missing": ", ".join(m.label for m in readiness.missing)
        }
    if preparation.status == Preparation.Status.READY:
        return _("Klart för dagordning: kommer med när dagordningen byggs igen.")
    return _(
        "Komplett – inget saknas, men ärendet är inte markerat klart för dagordning "
        "(status: %(status)s)."
    ) % {"status": preparation.get_status_display()}


def delegated_decisions_due(*, meeting: Meeting) -> QuerySet[Decision]:
    """The recorded delegated decisions owed to the meeting's organization, unreported on the
    day of the meeting and not waiting on another meeting's agenda (a pending item of a
    meeting not yet held)."""
    waiting = (
        AgendaItem.reported_decisions.through.objects.filter(
            agendaitem__status=AgendaItem.Status.PENDING,
            agendaitem__meeting__status__in=[
                Meeting.Status.PLANNED,
                Meeting.Status.CALLED,
                Meeting.Status.OPENED,
            ],
        )
        .exclude(agendaitem__meeting=meeting)
        .values("decision_id")
    )
    return decisions_unreported(organization=meeting.organization, on=meeting_day(meeting)).exclude(
        pk__in=waiting
    )


def current_postings(*, body: Body, on: datetime.date) -> QuerySet[Posting]:
    """What hangs on the body's notice board on the date: posted, not yet taken down."""
    return (
        Posting.objects.filter(
            meeting__organization__body=body, posted_on__lte=on, taken_down_on__gt=on
        )
        .select_related("meeting__organization", "item__case", "item__frozen_extract")
        .order_by("-posted_on", "-pk")
    )


def meeting_detail(*, meeting: Meeting) -> Meeting:
    """The meeting with everything its pages and documents show, in a fixed number of
    queries: items (with case, rapporteur, attachments, proposals, votes and ballots,
    disqualifications, dissents, notes, approvals, reported decisions), attendance,
    approvals and postings."""
    items = AgendaItem.objects.select_related(
        "case", "rapporteur", "rapporteur_named_by", "decision"
    ).prefetch_related(
        "attachments__document",
        Prefetch("proposals", Proposal.objects.select_related("proposer")),
        Prefetch(
            "votes",
            Vote.objects.select_related("yes_proposal", "no_proposal", "winner").prefetch_related(
                "ballots__person"
            ),
        ),
        Prefetch(
            "disqualifications", Disqualification.objects.select_related("person", "substitute")
        ),
        "dissents__person",
        "notes__person",
        "approvals__person",
        "reported_decisions",
    )
    return (
        Meeting.objects.select_related("organization__body", "chair", "secretary")
        .prefetch_related(
            Prefetch("items", items),
            Prefetch(
                "attendance",
                Attendance.objects.select_related("person", "serves_for", "membership"),
            ),
            "approvals__person",
            "postings",
        )
        .get(pk=meeting.pk)
    )


def open_calendar_feed(*, person: Person) -> CalendarFeed | None:
    """The person's calendar link not revoked, if they have one."""
    return CalendarFeed.objects.filter(person=person, revoked_at__isnull=True).first()


def calendar_feed_of(*, token: str) -> CalendarFeed | None:
    """The calendar link a token opens: not revoked. Only the token's digest is looked up."""
    return (
        CalendarFeed.objects.select_related("person__body")
        .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True)
        .first()
    )


def coming_meetings(*, body: Body, on: datetime.date) -> QuerySet[Meeting]:
    """The body's meetings from `on` on, cancelled ones included (the public calendar shows
    them as cancelled), the earliest first."""
    return (
        Meeting.objects.filter(organization__body=body, starts_at__date__gte=on)
        .select_related("organization")
        .order_by("starts_at", "pk")
    )


def approved_meetings(*, body: Body, year: int | None = None) -> QuerySet[Meeting]:
    """The body's meetings whose minutes are approved (justerade), the newest first; of one
    year if given."""
    meetings = Meeting.objects.filter(
        organization__body=body, status=Meeting.Status.APPROVED
    ).select_related("organization")
    if year is not None:
        meetings = meetings.filter(starts_at__year=year)
    return meetings.order_by("-starts_at", "-pk")


def secretary_meetings(*, person: Person, on: datetime.date) -> QuerySet[Meeting]:
    """The coming meetings (from `on` on, cancelled ones left out) of the person's own body
    for which the person is the secretary, the earliest first."""
    return (
        Meeting.objects.filter(
            secretary=person,
            organization__body_id=person.body_id,
            starts_at__date__gte=on,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("organization")
        .order_by("starts_at", "pk")
    )


# The notice board's other notices and its archive ------------------------------------------


def current_notices(*, body: Body, on: datetime.date) -> QuerySet[Notice]:
    """The notices other than minutes postings (the council's announcements, the secretary's
    other notices) on the body's notice board on the date: posted, not yet taken down."""
    return (
        Notice.objects.filter(body=body, posted_on__lte=on, taken_down_on__gt=on)
        .select_related("meeting__organization")
        .order_by("-posted_on", "-pk")
    )


def archived_postings(*, body: Body, year: int, on: datetime.date) -> QuerySet[Posting]:
    """The minutes postings of the body taken down in `year`, by `on` at the latest: the notice
    board's archive, the last taken down first."""
    return (
        Posting.objects.filter(
            meeting__organization__body=body, taken_down_on__year=year, taken_down_on__lte=on
        )
        .select_related("meeting__organization", "item__case", "item__frozen_extract")
        .order_by("-taken_down_on", "-pk")
    )


def archived_notices(*, body: Body, year: int, on: datetime.date) -> QuerySet[Notice]:
    """The other notices of the body taken down in `year`, by `on` at the latest."""
    return (
        Notice.objects.filter(body=body, taken_down_on__year=year, taken_down_on__lte=on)
        .select_related("meeting__organization")
        .order_by("-taken_down_on", "-pk")
    )


def board_feed_entries(*, body: Body, on: datetime.date, limit: int = 50) -> list[Posting | Notice]:
    """What was posted on the body's notice board by `on`, the latest first, at most `limit`:
    minutes postings and other notices together, for the feeds."""
    postings = list(
        Posting.objects.filter(meeting__organization__body=body, posted_on__lte=on)
        .select_related("meeting__organization__body", "item")
        .order_by("-posted_on", "-pk")[:limit]
    )
    notices = list(
        Notice.objects.filter(body=body, posted_on__lte=on)
        .select_related("body")
        .order_by("-posted_on", "-pk")[:limit]
    )
    entries: list[Posting | Notice] = [*postings, *notices]
    entries.sort(key=lambda entry: (entry.posted_on, entry.pk), reverse=True)
    return entries[:limit]


@in_records_language
def announcement_context(*, meeting: Meeting, on: datetime.date) -> dict[str, object]:
    """What the council's announcement of the meeting says when posted on `on`
    (KL 5 kap. 11 §): its title, time and place, the matters to be dealt with (the agenda's
    titles as the public reads them, a secret case's masked) and the latest day to post it."""
    day = meeting_day(meeting)
    anonymous = AnonymousUser()
    items = []
    for item in meeting.items.select_related("case__organization"):
        view = case_view(anonymous, item.case) if item.case else None
        items.append(view.title if view and view.title_masked else item.title)
    title = _("Tillkännagivande: %(organization)s sammanträder %(date)s") % {
        "organization": meeting.organization.name,
        "date": f"{day:%Y-%m-%d}",
    }
    return {
        "title": title,
        "meeting": meeting,
        "starts_at": timezone.localtime(meeting.starts_at),
        "items": items,
        "posted_on": on,
        "latest": legal_time.announcement_latest(day),
    }
