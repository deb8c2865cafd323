"""Writing meetings: the plan, the agenda, attendance, decisions item by item, the approval of
the minutes and the posting on the notice board.

Each service first asks the meetings' policy whether the actor may (the body's secretaries),
then locks its meeting, writes and audits in one transaction, and refuses in Swedish what the
law or the instruction forbids: a decision without a quorum (KL 5 kap. 43 §, 6 kap. 27 §), a
vote by someone not serving or disqualified (KL 6 kap. 28-32 §§), a dissent by someone who took
no part (KL 4 kap. 27 §), the director in another committee without the consultation of seed
002 5.2.1. A refusal because of how the meeting or item stands (its status, an item already
dealt with, no quorum, an approval already given) has the code "conflict": the API's 409.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli import legal_time
from kansli.audit import services as audit
from kansli.audit.selectors import chain_head
from kansli.audit.services import Actor
from kansli.bounds import require_year_in_bounds
from kansli.decisions.models import Assignment, AssignmentReport
from kansli.decisions.policy import require_put_on_agenda
from kansli.decisions.services import decision_report, meeting_decision_record
from kansli.meetings import calendar, packets, rules
from kansli.meetings.models import (
    AgendaItem,
    Approval,
    Attendance,
    Ballot,
    Delivery,
    Disqualification,
    Dissent,
    ItemAttachment,
    Meeting,
    MinuteNote,
    MinuteSeries,
    Posting,
    Proposal,
    Vote,
)
from kansli.meetings.policy import require_manage, require_record_approval
from kansli.meetings.selectors import (
    delegated_decisions_due,
    in_board_group,
    meeting_day,
    minutes_name,
    quorum_of,
    ready_cases,
    serving_members,
)
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.organisation.selectors import director_of, members_on, presidium, substitutes_on
from kansli.preparation import services as preparation_services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case, Document

S = Meeting.Status
BEFORE = (S.PLANNED, S.CALLED)
UNTIL_HELD = (S.PLANNED, S.CALLED, S.OPENED)
HELD = (S.OPENED, S.CLOSED)

# The standard items, in the order they open and close the agenda; the cases come between.
OPENING_ITEMS = (
    AgendaItem.Kind.OPENING,
    AgendaItem.Kind.MINUTES_CHECKER,
    AgendaItem.Kind.AGENDA_APPROVAL,
)
CLOSING_ITEMS = (
    AgendaItem.Kind.DELEGATED_DECISIONS,
    AgendaItem.Kind.COMMUNICATIONS,
    AgendaItem.Kind.ASSIGNMENT_REPORTS,
)
# Items the director presents in the board and its committees (seed 002 4.1.2).
PRESENTED_ITEMS = (
    AgendaItem.Kind.CASE,
    AgendaItem.Kind.DELEGATED_DECISIONS,
    AgendaItem.Kind.ASSIGNMENT_REPORTS,
    AgendaItem.Kind.INFORMATION,
)


# State --------------------------------------------------------------------------------


def _locked(meeting: Meeting, states: Iterable[str]) -> Meeting:
    """The meeting, locked, in one of `states`."""
    meeting = (
        Meeting.objects.select_for_update().select_related("organization__body").get(pk=meeting.pk)
    )
    if meeting.status not in states:
        raise ValidationError(
            _("Det går inte när sammanträdet har status ”%(status)s”.")
            % {"status": meeting.get_status_display()},
            code="conflict",
        )
    return meeting


def _locked_item(item: AgendaItem, states: Iterable[str]) -> AgendaItem:
    meeting = _locked(item.meeting, states)
    item = AgendaItem.objects.select_related("case").get(pk=item.pk)
    item.meeting = meeting
    return item


def _refuse_dealt_with(item: AgendaItem) -> None:
    if item.status != AgendaItem.Status.PENDING:
        raise ValidationError(
            _("Punkten ”%(item)s” är redan behandlad.") % {"item": item.title}, code="conflict"
        )


def _refuse_other_body(body: Body, *persons: Person | None) -> None:
    if any(person is not None and person.body_id != body.pk for person in persons):
        raise ValidationError(_("Personen hör till en annan kommun eller region."))


def _refuse_no_quorum(meeting: Meeting, item: AgendaItem) -> None:
    """More than half of the members must take part: KL 5 kap. 43 § for the council, 6 kap.
    27 § for the board and the committees."""
    quorum = quorum_of(meeting=meeting, item=item)
    if quorum.met:
        return
    law = (
        _("KL 5 kap. 43 §")
        if meeting.organization.kind == Organization.Kind.COUNCIL
        else _("KL 6 kap. 27 §")
    )
    raise ValidationError(
        _(
            "%(organization)s är inte beslutför: %(present)s av %(seats)s ledamöter "
            "tjänstgör, minst %(needed)s behövs (mer än hälften, %(law)s)."
        )
        % {
            "organization": meeting.organization,
            "present": quorum.present,
            "seats": quorum.seats,
            "needed": quorum.needed,
            "law": law,
        },
        code="conflict",
    )


# The plan --------------------------------------------------------------------------------


@transaction.atomic
def meeting_schedule(
    *,
    actor: Actor,
    organization: Organization,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str = "",
    open_to_public: bool = False,
) -> Meeting:
    """Put a meeting of a political organization in the plan."""
    require_manage(actor, organization.body_id)
    if not organization.is_political:
        raise ValidationError(
            _("Bara politiska organ håller sammanträden; %(organization)s är inte ett.")
            % {"organization": organization}
        )
    require_year_in_bounds(starts_at, field="starts_at")
    require_year_in_bounds(ends_at, field="ends_at")
    meeting = Meeting(
        organization=organization,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        open_to_public=open_to_public,
        secretary=getattr(actor, "person", None),
    )
    return audit.create(actor=actor, instance=meeting)


@transaction.atomic
def meeting_cancel(*, actor: Actor, meeting: Meeting) -> Meeting:
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    return audit.update(actor=actor, instance=meeting, status=S.CANCELLED)


# The agenda ------------------------------------------------------------------------------


def _default_rapporteur(meeting: Meeting, kind: str, case: Case | None) -> Person | None:
    """The director in the board and its committees (seed 002 4.1.2, seed 000); elsewhere the
    rapporteur of the case's preparation."""
    if kind not in PRESENTED_ITEMS:
        return None
    if in_board_group(meeting.organization):
        return director_of(body=meeting.organization.body, on=meeting_day(meeting))
    if case is not None:
        found = Preparation.objects.filter(case=case).select_related("rapporteur").first()
        return found.rapporteur if found is not None else None
    return None


def _proposal_of(case: Case) -> str:
    """The prepared proposal: the resolution clauses of the officer's report, one a line."""
    found = Preparation.objects.filter(case=case).first()
    if found is None:
        return ""
    return "\n".join(clause.text for clause in found.clauses.order_by("position"))


def _renumber(actor: Actor, items: list[AgendaItem]) -> None:
    """Give the items positions 1, 2, 3 … in the order given; in two steps, so that no two
    items ever share a position."""
    moving = [(item, n) for n, item in enumerate(items, 1) if item.position != n]
    if not moving:
        return
    top = max(item.position for item in items) + len(items)
    for step, (item, _n) in enumerate(moving, 1):
        audit.update(actor=actor, instance=item, position=top + step)
    for item, n in moving:
        audit.update(actor=actor, instance=item, position=n)


def _new_item(
    actor: Actor,
    meeting: Meeting,
    *,
    position: int,
    kind: str,
    title: str,
    case: Case | None = None,
    proposal: str = "",
) -> AgendaItem:
    item = AgendaItem(
        meeting=meeting,
        position=position,
        kind=kind,
        title=title.strip(),
        case=case,
        proposal=proposal.strip(),
        rapporteur=_default_rapporteur(meeting, kind, case),
    )
    return audit.create(actor=actor, instance=item)


@transaction.atomic
def agenda_build(*, actor: Actor, meeting: Meeting) -> list[AgendaItem]:
    """Build the agenda: the standard items, the cases ready for this organization, and the
    report of the delegated decisions owed to it. Adds only what is missing, so it may be run
    again as cases become ready; returns the whole agenda in order."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    items = list(meeting.items.order_by("position"))
    kinds = {item.kind for item in items}
    top = max((item.position for item in items), default=0)
    added = []
    for kind in (*OPENING_ITEMS, *CLOSING_ITEMS):
        if kind not in kinds:
            top += 1
            label = AgendaItem.Kind(kind).label
            added.append(_new_item(actor, meeting, position=top, kind=kind, title=str(label)))
    for case in ready_cases(organization=meeting.organization):
        top += 1
        added.append(
            _new_item(
                actor,
                meeting,
                position=top,
                kind=AgendaItem.Kind.CASE,
                title=case.title,
                case=case,
                proposal=_proposal_of(case),
            )
        )
    items += added
    _renumber(actor, sorted(items, key=_agenda_order))
    _delegated_decisions_list(actor, meeting)
    return list(meeting.items.order_by("position"))


def _agenda_order(item: AgendaItem) -> tuple[int, int]:
    """The opening items first, the closing items last, everything else between as it was."""
    if item.kind in OPENING_ITEMS:
        return (0, OPENING_ITEMS.index(item.kind))
    if item.kind in CLOSING_ITEMS:
        return (2, CLOSING_ITEMS.index(item.kind))
    return (1, item.position)


def _delegated_decisions_list(actor: Actor, meeting: Meeting) -> None:
    """The item reporting delegated decisions lists those due and not yet on it."""
    item = meeting.items.filter(
        kind=AgendaItem.Kind.DELEGATED_DECISIONS, status=AgendaItem.Status.PENDING
    ).first()
    if item is None:
        return
    due = list(delegated_decisions_due(meeting=meeting))
    listed = list(item.reported_decisions.all())
    if set(due) - set(listed):
        audit.set_relations(
            actor=actor, instance=item, reported_decisions=[*listed, *set(due) - set(listed)]
        )


@transaction.atomic
def item_add(
    *,
    actor: Actor,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.CASE,
    case: Case | None = None,
    proposal: str = "",
) -> AgendaItem:
    """Add an item at the end of the agenda (during the meeting too: an extra item)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    if case is not None and case.organization.body_id != meeting.organization.body_id:
        raise ValidationError(_("Ärendet hör till en annan kommun eller region."))
    if not title.strip():
        raise ValidationError(_("Punkten behöver en rubrik."))
    top = meeting.items.aggregate(top=Max("position"))["top"] or 0
    return _new_item(
        actor,
        meeting,
        position=top + 1,
        kind=kind,
        title=title,
        case=case,
        proposal=proposal or (_proposal_of(case) if case is not None else ""),
    )


@transaction.atomic
def assignment_report_to_agenda(
    *,
    actor: Actor,
    report: AssignmentReport,
    meeting: Meeting,
    kind: str = AgendaItem.Kind.INFORMATION,
) -> AssignmentReport:
    """Put a report on an assignment on the agenda of a planned or called meeting of the organ
    that gave the assignment, as an information item or under the reports on assignments: the
    decisions app's policy says who may hand it over (a secretary), `item_add` asks the
    meetings' policy too, and the decisions app links the report to its item."""
    require_put_on_agenda(actor, report)
    assignment = Assignment.objects.select_related("decision__organization").get(
        pk=report.assignment_id
    )
    if kind not in (AgendaItem.Kind.INFORMATION, AgendaItem.Kind.ASSIGNMENT_REPORTS):
        raise ValidationError(_("En rapport tas upp som information eller som rapport om uppdrag."))
    if meeting.organization_id != assignment.decision.organization_id:
        raise ValidationError(
            _("Rapporten tas upp av %(organization)s, som gav uppdraget.")
            % {"organization": assignment.decision.organization}
        )
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.CALLED):
        raise ValidationError(
            _("Rapporten kan bara sättas på ett planerat eller kallat sammanträde.")
        )
    if AgendaItem.objects.filter(assignment_report=report).exists():
        raise ValidationError(_("Rapporten står redan på en dagordning."))
    title = _("Rapport om uppdrag: %(title)s (%(date)s)") % {
        "title": assignment.title,
        "date": f"{report.reported_on:%Y-%m-%d}",
    }
    item = item_add(actor=actor, meeting=meeting, title=title[:500], kind=kind)
    audit.update(actor=actor, instance=item, assignment_report=report)
    return report


@transaction.atomic
def item_move(*, actor: Actor, item: AgendaItem, position: int) -> AgendaItem:
    """Move an item to `position` (1 is first); the others close up."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    items = [other for other in item.meeting.items.order_by("position") if other.pk != item.pk]
    if not 1 <= position <= len(items) + 1:
        raise ValidationError(_("Platsen finns inte på dagordningen."))
    items.insert(position - 1, item)
    _renumber(actor, items)
    item.refresh_from_db()
    return item


@transaction.atomic
def rapporteur_set(
    *, actor: Actor, item: AgendaItem, rapporteur: Person | None, named_by: Person | None = None
) -> AgendaItem:
    """Name who presents the item. In the board and its committees the director presents and
    may hand the presentation to a department head, chief of staff or case officer (seed 002
    4.1.2): anyone else than the director is named by the director."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    body = item.meeting.organization.body
    _refuse_other_body(body, rapporteur, named_by)
    if in_board_group(item.meeting.organization) and rapporteur is not None:
        director = director_of(body=body, on=meeting_day(item.meeting))
        if rapporteur != director and (named_by is None or named_by != director):
            raise ValidationError(
                _(
                    "I styrelsen och dess utskott föredrar direktören; en annan föredragande "
                    "utses av direktören (kommundirektörsinstruktionen 4.1.2)."
                )
            )
        if rapporteur == director:
            named_by = None
    return audit.update(
        actor=actor, instance=item, rapporteur=rapporteur, rapporteur_named_by=named_by
    )


@transaction.atomic
def attachment_add(*, actor: Actor, item: AgendaItem, document: Document) -> ItemAttachment:
    """Attach a registered document to the item, last among its attachments."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    if document.case.organization.body_id != item.meeting.organization.body_id:
        raise ValidationError(_("Handlingen hör till en annan kommun eller region."))
    if item.attachments.filter(document=document).exists():
        raise ValidationError(_("Handlingen är redan bilaga till punkten."), code="conflict")
    top = item.attachments.aggregate(top=Max("position"))["top"] or 0
    attachment = ItemAttachment(item=item, document=document, position=top + 1)
    return audit.create(actor=actor, instance=attachment)


def _notice(meeting: Meeting, person: Person, pdf: bytes) -> EmailMessage:
    """The notice to one member or substitute: the PDF and a calendar invitation."""
    day = meeting_day(meeting)
    words = {
        "organization": meeting.organization,
        "date": f"{day:%Y-%m-%d}",
        "time": f"{timezone.localtime(meeting.starts_at):%H:%M}",
        "place": meeting.place or _("plats meddelas senare"),
    }
    message = EmailMessage(
        subject=_("Kallelse till %(organization)s %(date)s") % words,
        body=_(
            "Du kallas till sammanträde med %(organization)s den %(date)s klockan %(time)s, "
            "%(place)s.\n\nKallelsen med föredragningslistan är bifogad, och en inbjudan "
            "till din kalender. Kallelsen visar handlingarna som allmänheten ser dem; "
            "handlingarna för ledamöter, med sekretessbelagda bilagor, hämtar du inloggad "
            "på sammanträdets sida."
        )
        % words,
        to=[person.email],
    )
    slug = meeting.organization.slug
    message.attach(f"kallelse-{slug}-{day:%Y-%m-%d}.pdf", pdf, "application/pdf")
    invitation = calendar.invitation(meeting, person).decode()
    message.attach(f"sammantrade-{slug}-{day:%Y-%m-%d}.ics", invitation, "text/calendar")
    return message


@transaction.atomic
def notice_send(*, actor: Actor, meeting: Meeting) -> list[Delivery]:
    """Send the notice by e-mail to the members and substitutes of the meeting's day who have
    an address, with the notice PDF and an iCalendar invitation, and record each delivery.
    Sent again, it goes out again (after a change to the agenda)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    if not meeting.items.exists():
        raise ValidationError(
            _("Dagordningen är tom: bygg den innan kallelsen skickas."), code="conflict"
        )
    day = meeting_day(meeting)
    seats = [
        *members_on(organization=meeting.organization, on=day),
        *substitutes_on(organization=meeting.organization, on=day),
    ]
    recipients = list({seat.person.pk: seat.person for seat in seats if seat.person.email}.values())
    if not recipients:
        raise ValidationError(_("Ingen ledamot eller ersättare har en e-postadress."))
    pdf = packets.notice_pdf(meeting)
    try:
        get_connection().send_messages([_notice(meeting, person, pdf) for person in recipients])
    except OSError as error:  # smtplib's errors are OSErrors too
        raise ValidationError(
            _(
                "Kallelsen kunde inte skickas: e-postservern svarade inte (%(error)s). "
                "Inget är sparat."
            )
            % {"error": error}
        ) from error
    now = timezone.now()
    deliveries = audit.create_many(
        actor=actor,
        instances=[
            Delivery(meeting=meeting, person=person, address=person.email, sent_at=now)
            for person in recipients
        ],
    )
    audit.update(actor=actor, instance=meeting, status=S.CALLED, notice_sent_at=now)
    return deliveries


# Attendance ------------------------------------------------------------------------------


def _seat(meeting: Meeting, person: Person) -> Membership | None:
    """The person's seat (member or substitute) in the organization on the meeting's day."""
    return (
        Membership.objects.on(meeting_day(meeting))
        .filter(organization=meeting.organization, person=person)
        .first()
    )


def _capacity(seat: Membership) -> str:
    if seat.role == Membership.Role.SUBSTITUTE:
        return Attendance.Capacity.SUBSTITUTE
    return Attendance.Capacity.MEMBER


@transaction.atomic
def attendance_prefill(*, actor: Actor, meeting: Meeting) -> list[Attendance]:
    """Enter the members and substitutes of the meeting's day as present, the secretary then
    marking who is absent; people already entered are left as they are."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    day = meeting_day(meeting)
    entered = set(meeting.attendance.values_list("person_id", flat=True))
    seats = [
        *members_on(organization=meeting.organization, on=day),
        *substitutes_on(organization=meeting.organization, on=day),
    ]
    rows = [
        Attendance(meeting=meeting, person=seat.person, capacity=_capacity(seat), membership=seat)
        for seat in seats
        if seat.person_id not in entered
    ]
    audit.create_many(actor=actor, instances=rows)
    return list(meeting.attendance.select_related("person"))


@transaction.atomic
def attendance_set(*, actor: Actor, meeting: Meeting, person: Person, present: bool) -> Attendance:
    """Mark a member or substitute present or absent. A member who comes back takes the seat
    from the substitute serving for them; a substitute who leaves stops serving."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    row = meeting.attendance.filter(person=person).first()
    if row is None:
        seat = _seat(meeting, person)
        if seat is None:
            raise ValidationError(
                _("%(person)s sitter inte i %(organization)s.")
                % {"person": person, "organization": meeting.organization}
            )
        row = Attendance(meeting=meeting, person=person, capacity=_capacity(seat), membership=seat)
        row.present = present
        return audit.create(actor=actor, instance=row)
    if present and row.capacity == Attendance.Capacity.MEMBER:
        for serving in meeting.attendance.filter(serves_for=person):
            audit.update(actor=actor, instance=serving, serves_for=None)
    changes: dict[str, object] = {"present": present}
    if not present:
        changes["serves_for"] = None
    return audit.update(actor=actor, instance=row, **changes)


def _available_substitutes(meeting: Meeting, item: AgendaItem | None = None) -> list[Attendance]:
    """Substitutes present and not serving for anyone (nor, in an item, for a disqualified
    member of it)."""
    rows = meeting.attendance.filter(
        capacity=Attendance.Capacity.SUBSTITUTE, present=True, serves_for__isnull=True
    ).select_related("membership", "person")
    if item is not None:
        rows = rows.exclude(person_id__in=item.disqualifications.values("substitute_id"))
    return list(rows)


def _refuse_out_of_turn(
    meeting: Meeting, substitute: Person, party: str, item: AgendaItem | None = None
) -> None:
    """Substitutes are called in order: of the member's party first, then by rank."""
    available = _available_substitutes(meeting, item)
    candidates = [
        rules.Substitute(row.person, row.membership.party, row.membership.rank)
        for row in available
        if row.membership is not None
    ]
    if substitute not in [c.key for c in candidates]:
        raise ValidationError(
            _("%(person)s är inte en närvarande ersättare som kan tjänstgöra.")
            % {"person": substitute}
        )
    first = rules.substitute_order(candidates, party)[0].key
    if first != substitute:
        raise ValidationError(
            _(
                "%(first)s står före %(person)s i ersättarnas ordning (samma parti först, "
                "sedan i turordning)."
            )
            % {"first": first, "person": substitute}
        )


@transaction.atomic
def substitute_serve(
    *, actor: Actor, meeting: Meeting, substitute: Person, serves_for: Person
) -> Attendance:
    """Call a present substitute to serve for an absent member, in the order that applies."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    member = meeting.attendance.filter(
        person=serves_for, capacity=Attendance.Capacity.MEMBER
    ).first()
    if member is None or member.present:
        raise ValidationError(
            _("%(person)s är inte en frånvarande ledamot.") % {"person": serves_for}
        )
    if meeting.attendance.filter(serves_for=serves_for).exists():
        raise ValidationError(
            _("En ersättare tjänstgör redan för %(person)s.") % {"person": serves_for},
            code="conflict",
        )
    party = member.membership.party if member.membership is not None else ""
    _refuse_out_of_turn(meeting, substitute, party)
    row = meeting.attendance.get(person=substitute)
    return audit.update(actor=actor, instance=row, serves_for=serves_for)


@transaction.atomic
def official_attend(
    *,
    actor: Actor,
    meeting: Meeting,
    person: Person,
    may_speak: bool,
    basis: str,
    board_chair_consulted_on: datetime.date | None = None,
    committee_chair_told_on: datetime.date | None = None,
    department_head_told_on: datetime.date | None = None,
) -> Attendance:
    """Enter an official present, with the right to speak or not and what the right rests on.

    The director attends the board and its committees as of right (seed 002 4.1.3); another
    committee only after consulting the board's chair, with the committee's chair and the
    department head told in advance (seed 002 5.2.1): those dates are required and kept.
    """
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    _refuse_other_body(meeting.organization.body, person)
    day = meeting_day(meeting)
    if _seat(meeting, person) is not None:
        raise ValidationError(
            _("%(person)s sitter i %(organization)s och förs in som ledamot eller ersättare.")
            % {"person": person, "organization": meeting.organization}
        )
    dates = (board_chair_consulted_on, committee_chair_told_on, department_head_told_on)
    if (
        meeting.organization.kind == Organization.Kind.COMMITTEE
        and person == director_of(body=meeting.organization.body, on=day)
        and any(date is None for date in dates)
    ):
        raise ValidationError(
            _(
                "Direktören har närvaro- och yttranderätt i övriga nämnder efter samråd med "
                "styrelsens ordförande, och nämndens ordförande och förvaltningschefen ska "
                "informeras i förväg (kommundirektörsinstruktionen 5.2.1): ange när det "
                "skedde."
            )
        )
    if any(date is not None and date > day for date in dates):
        raise ValidationError(_("Samråd och information ska ske före sammanträdet."))
    fields = {
        "capacity": Attendance.Capacity.OFFICIAL,
        "present": True,
        "may_speak": may_speak,
        "basis": basis.strip(),
        "board_chair_consulted_on": board_chair_consulted_on,
        "committee_chair_told_on": committee_chair_told_on,
        "department_head_told_on": department_head_told_on,
    }
    row = meeting.attendance.filter(person=person).first()
    if row is not None:
        return audit.update(actor=actor, instance=row, **fields)
    return audit.create(actor=actor, instance=Attendance(meeting=meeting, person=person, **fields))


@transaction.atomic
def minutes_checkers_set(
    *, actor: Actor, meeting: Meeting, persons: Iterable[Person]
) -> list[Attendance]:
    """Choose who checks the minutes (justerare): present members or serving substitutes."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (*UNTIL_HELD, S.CLOSED))
    if meeting.approvals.exists():
        raise ValidationError(
            _("Justeringen har börjat; justerarna kan inte bytas."), code="conflict"
        )
    chosen = {person.pk for person in persons}
    if not chosen:
        raise ValidationError(_("Välj minst en justerare."))
    serving = {person.pk for person in serving_members(meeting=meeting)}
    if chosen - serving:
        raise ValidationError(_("Justerare väljs bland de tjänstgörande ledamöterna."))
    if meeting.chair_id in chosen:
        raise ValidationError(_("Ordföranden justerar redan protokollet."))
    rows = []
    for row in meeting.attendance.select_related("person"):
        if row.checks_minutes != (row.person_id in chosen):
            row = audit.update(actor=actor, instance=row, checks_minutes=row.person_id in chosen)
        if row.checks_minutes:
            rows.append(row)
    return rows


@transaction.atomic
def meeting_open(*, actor: Actor, meeting: Meeting) -> Meeting:
    """Open the meeting. The chair is the organization's chair, or the first vice chair
    present in their place; with none of the presidium present, the first member present."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    serving = serving_members(meeting=meeting)
    day = meeting_day(meeting)
    chair = meeting.chair or next(
        (
            seat.person
            for seat in [
                *presidium(organization=meeting.organization, on=day),
                *members_on(organization=meeting.organization, on=day),
            ]
            if seat.person in serving
        ),
        None,
    )
    if chair is None:
        raise ValidationError(_("Ingen ledamot är närvarande."), code="conflict")
    return audit.update(
        actor=actor, instance=meeting, status=S.OPENED, opened_at=timezone.now(), chair=chair
    )


@transaction.atomic
def meeting_close(*, actor: Actor, meeting: Meeting) -> Meeting:
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.OPENED,))
    return audit.update(actor=actor, instance=meeting, status=S.CLOSED, closed_at=timezone.now())


# Items at the meeting --------------------------------------------------------------------


@transaction.atomic
def disqualification_record(
    *,
    actor: Actor,
    item: AgendaItem,
    person: Person,
    ground: str,
    substitute: Person | None = None,
) -> Disqualification:
    """A serving member is disqualified in the item (jäv, KL 6 kap. 28-32 §§): they take no
    part in it, and a present substitute may serve in that item only, called in order."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    _refuse_dealt_with(item)
    meeting = item.meeting
    if person not in serving_members(meeting=meeting, item=item):
        raise ValidationError(_("%(person)s tjänstgör inte i punkten.") % {"person": person})
    if not ground.strip():
        raise ValidationError(_("Ange grunden för jävet."))
    if substitute is not None:
        row = meeting.attendance.filter(person=person).select_related("membership").first()
        party = row.membership.party if row is not None and row.membership is not None else ""
        _refuse_out_of_turn(meeting, substitute, party, item)
    disqualification = Disqualification(
        item=item, person=person, ground=ground.strip(), substitute=substitute
    )
    return audit.create(actor=actor, instance=disqualification)


@transaction.atomic
def proposal_add(
    *, actor: Actor, item: AgendaItem, text: str, proposer: Person | None = None
) -> Proposal:
    """Put a proposal in the item: the prepared one (no proposer), or a counter-proposal by a
    member serving in it."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    _refuse_dealt_with(item)
    if not text.strip():
        raise ValidationError(_("Yrkandet saknar text."))
    if proposer is not None and proposer not in serving_members(meeting=item.meeting, item=item):
        raise ValidationError(
            _("Bara den som tjänstgör i punkten kan yrka; %(person)s gör inte det.")
            % {"person": proposer}
        )
    top = item.proposals.aggregate(top=Max("position"))["top"] or 0
    proposal = Proposal(item=item, position=top + 1, proposer=proposer, text=text.strip())
    return audit.create(actor=actor, instance=proposal)


def _next_minute_number(actor: Actor, meeting: Meeting) -> tuple[MinuteSeries, int]:
    """The next paragraph (§) of the organization's year, under the series' row lock: the
    numbers run on across its meetings and start again each year."""
    organization, year = meeting.organization, meeting_day(meeting).year
    series = MinuteSeries.objects.select_for_update().filter(organization=organization, year=year)
    found = series.first()
    if found is None:
        try:
            with transaction.atomic():
                audit.create(
                    actor=actor, instance=MinuteSeries(organization=organization, year=year)
                )
        except (IntegrityError, ValidationError):
            pass  # another meeting made it first; lock that one
        found = series.get()
    number = found.next_number
    audit.update(actor=actor, instance=found, next_number=number + 1)
    return found, number


def _deal_with(
    actor: Actor, item: AgendaItem, status: str, *, resolution: str = "", method: str = ""
) -> AgendaItem:
    """Give the item its paragraph and status; a decided item becomes a Decision in the
    register, and its case goes on along its route or is marked decided."""
    meeting = item.meeting
    series, number = _next_minute_number(actor, meeting)
    changes: dict[str, object] = {
        "status": status,
        "minute_series": series,
        "minute_number": number,
        "resolution": resolution,
        "method": method,
    }
    if status == AgendaItem.Status.DECIDED:
        changes["decision"] = meeting_decision_record(
            actor=actor,
            organization=meeting.organization,
            decided_on=meeting_day(meeting),
            title=item.title,
            text=resolution,
            case_reference=item.case.number if item.case else "",
            minutes=minutes_name(meeting),
            minute_number=number,
        )
        if item.case is not None:
            _case_decided(item.case)
    return audit.update(actor=actor, instance=item, **changes)


def _case_decided(case: Case) -> None:
    """The organization has decided the case: it goes on to the next organ of its route, or,
    at the last one, its preparation is decided."""
    found = Preparation.objects.filter(case=case).select_related("route", "step").first()
    if found is None or found.status == Preparation.Status.DECIDED:
        return
    following = (
        found.route.steps.filter(position__gt=found.step.position).exists()
        if found.route is not None and found.step is not None
        else False
    )
    # The meeting's decision (audited with its actor) moves the case as the system: nobody sets
    # a case decided by hand, and whoever holds the meeting need not be one who prepares it.
    if following:
        preparation_services.route_advance(actor=None, case=case)
    else:
        preparation_services.status_change(actor=None, case=case, status=Preparation.Status.DECIDED)


def _adopt(actor: Actor, proposal: Proposal) -> None:
    audit.update(actor=actor, instance=proposal, adopted=True)


@transaction.atomic
def item_decide(
    *, actor: Actor, item: AgendaItem, proposal: Proposal | None = None, resolution: str = ""
) -> AgendaItem:
    """Decide the item by acclamation: the chair finds the proposal (the only one, or the one
    named) adopted. Refused without a quorum."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (S.OPENED,))
    _refuse_dealt_with(item)
    _refuse_no_quorum(item.meeting, item)
    proposals = list(item.proposals.all())
    if proposal is None and len(proposals) > 1:
        raise ValidationError(_("Det finns flera yrkanden: ange vilket som bifölls."))
    if proposal is None and proposals:
        proposal = proposals[0]
    if proposal is None and item.proposal:
        proposal = audit.create(
            actor=actor, instance=Proposal(item=item, position=1, text=item.proposal)
        )
    if proposal is not None:
        if proposal.item_id != item.pk:
            raise ValidationError(_("Yrkandet hör till en annan punkt."))
        _adopt(actor, proposal)
    text = resolution.strip() or (proposal.text if proposal is not None else "")
    if not text:
        raise ValidationError(_("Ange beslutet."))
    return _deal_with(
        actor,
        item,
        AgendaItem.Status.DECIDED,
        resolution=text,
        method=AgendaItem.Method.ACCLAMATION,
    )


def _roll_call(
    item: AgendaItem, ballots: Mapping[Person, str], casting_vote_for: str | None
) -> tuple[rules.Tally, str | None]:
    """The tally of an open vote; on a tie the chair's casting vote is the chair's own vote,
    or the one given when the chair did not vote yes or no (KL 6 kap. 33 §)."""
    serving = serving_members(meeting=item.meeting, item=item)
    for person in ballots:
        if person not in serving:
            raise ValidationError(
                _("%(person)s tjänstgör inte i punkten och kan inte rösta.") % {"person": person}
            )
    choices = [str(choice) for choice in ballots.values()]
    if any(choice not in Ballot.Choice.values for choice in choices):
        raise ValidationError(_("Okänd röst."))
    chair_vote = ballots.get(item.meeting.chair) if item.meeting.chair else None
    if chair_vote in (Ballot.Choice.YES, Ballot.Choice.NO):
        if casting_vote_for not in (None, chair_vote):
            raise ValidationError(_("Ordförandens utslagsröst är ordförandens egen röst."))
        casting_vote_for = str(chair_vote)
    return rules.tally_ballots(choices, casting_vote_for), casting_vote_for


def _secret_ballot(
    item: AgendaItem, counts: Mapping[str, int] | None, casting_vote_for: str | None
) -> rules.Tally:
    """The tally of an election by secret ballot, from the counts; a tie is settled by lot
    (KL 5 kap. 56 §), whose result is given as `casting_vote_for`."""
    counts = counts or {}
    yes, no = counts.get(Ballot.Choice.YES, 0), counts.get(Ballot.Choice.NO, 0)
    abstain = counts.get(Ballot.Choice.ABSTAIN, 0)
    if yes + no + abstain > len(serving_members(meeting=item.meeting, item=item)):
        raise ValidationError(_("Fler röster än tjänstgörande ledamöter."))
    return rules.tally(yes, no, abstain, casting_vote_for)


@transaction.atomic
def vote_record(
    *,
    actor: Actor,
    item: AgendaItem,
    yes_proposal: Proposal,
    no_proposal: Proposal,
    ballots: Mapping[Person, str] | None = None,
    counts: Mapping[str, int] | None = None,
    method: str = Vote.Method.ROLL_CALL,
    casting_vote_for: str | None = None,
) -> Vote:
    """Record a vote between two proposals and decide the item by it: by roll call, each
    serving member's vote once (`ballots`), or by secret ballot in an election, the counts
    only. A tie is settled by the chair's casting vote in a roll call, by lot in an election
    (`casting_vote_for`: "yes" or "no")."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (S.OPENED,))
    _refuse_dealt_with(item)
    _refuse_no_quorum(item.meeting, item)
    if {yes_proposal.item_id, no_proposal.item_id} != {item.pk} or yes_proposal == no_proposal:
        raise ValidationError(_("Omröstningen står mellan två olika yrkanden i punkten."))
    try:
        if method == Vote.Method.ROLL_CALL:
            tally, casting_vote_for = _roll_call(item, ballots or {}, casting_vote_for)
        elif method == Vote.Method.SECRET:
            tally = _secret_ballot(item, counts, casting_vote_for)
        else:
            raise ValidationError(_("Okänd omröstningsmetod."))
    except rules.TieError as error:
        raise ValidationError(
            _("Lika röstetal: ordförandens utslagsröst eller, vid val, lotten avgör.")
        ) from error
    winner = yes_proposal if tally.winner == rules.YES else no_proposal
    vote = audit.create(
        actor=actor,
        instance=Vote(
            item=item,
            method=method,
            yes_proposal=yes_proposal,
            no_proposal=no_proposal,
            yes_count=tally.yes,
            no_count=tally.no,
            abstain_count=tally.abstain,
            casting_vote=tally.casting and method == Vote.Method.ROLL_CALL,
            winner=winner,
        ),
    )
    if method == Vote.Method.ROLL_CALL:
        audit.create_many(
            actor=actor,
            instances=[
                Ballot(vote=vote, person=person, choice=str(choice))
                for person, choice in (ballots or {}).items()
            ],
        )
    _adopt(actor, winner)
    item_method = (
        AgendaItem.Method.VOTE
        if method == Vote.Method.ROLL_CALL
        else AgendaItem.Method.SECRET_BALLOT
    )
    _deal_with(actor, item, AgendaItem.Status.DECIDED, resolution=winner.text, method=item_method)
    return vote


NOTE_STATUSES = (AgendaItem.Status.NOTED, AgendaItem.Status.TABLED, AgendaItem.Status.WITHDRAWN)


@transaction.atomic
def item_note(*, actor: Actor, item: AgendaItem, status: str) -> AgendaItem:
    """An item noted (information, the report of delegated decisions) or tabled gets its
    paragraph, with a quorum; a withdrawn item (utgår) gets none, and may go before the
    meeting opens."""
    require_manage(actor, item.meeting.organization.body_id)
    if status not in NOTE_STATUSES:
        raise ValidationError(_("Punkten kan noteras, bordläggas eller utgå."))
    if status == AgendaItem.Status.WITHDRAWN:
        item = _locked_item(item, UNTIL_HELD)
        _refuse_dealt_with(item)
        return audit.update(actor=actor, instance=item, status=status)
    item = _locked_item(item, (S.OPENED,))
    _refuse_dealt_with(item)
    _refuse_no_quorum(item.meeting, item)
    return _deal_with(actor, item, status)


def _took_part(item: AgendaItem, person: Person) -> bool:
    """KL 4 kap. 27 §: who took part in the decision. In a roll call, who voted yes or no;
    by acclamation, who serves in the item."""
    vote = item.votes.last()
    if vote is not None and vote.method == Vote.Method.ROLL_CALL:
        return vote.ballots.filter(
            person=person, choice__in=[Ballot.Choice.YES, Ballot.Choice.NO]
        ).exists()
    return person in serving_members(meeting=item.meeting, item=item)


@transaction.atomic
def dissent_record(*, actor: Actor, item: AgendaItem, person: Person, reasons: str = "") -> Dissent:
    """Record a dissent (reservation) from the item's decision, with or without written
    reasons, by someone who took part in it (KL 4 kap. 27 §)."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, HELD)
    if item.status != AgendaItem.Status.DECIDED:
        raise ValidationError(
            _("Reservation kan bara anmälas mot ett fattat beslut."), code="conflict"
        )
    if not _took_part(item, person):
        raise ValidationError(
            _("Bara den som deltog i beslutet kan reservera sig; %(person)s gjorde inte det.")
            % {"person": person}
        )
    if item.dissents.filter(person=person).exists():
        raise ValidationError(
            _("%(person)s har redan reserverat sig.") % {"person": person}, code="conflict"
        )
    return audit.create(
        actor=actor, instance=Dissent(item=item, person=person, reasons=reasons.strip())
    )


@transaction.atomic
def minute_note_add(*, actor: Actor, item: AgendaItem, person: Person, text: str) -> MinuteNote:
    """A present member or substitute has a note entered in the item's minutes."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, HELD)
    present = item.meeting.attendance.filter(
        person=person,
        present=True,
        capacity__in=[Attendance.Capacity.MEMBER, Attendance.Capacity.SUBSTITUTE],
    )
    if not present.exists():
        raise ValidationError(
            _("Bara närvarande ledamöter och ersättare kan göra protokollsanteckningar.")
        )
    if not text.strip():
        raise ValidationError(_("Anteckningen saknar text."))
    return audit.create(
        actor=actor, instance=MinuteNote(item=item, person=person, text=text.strip())
    )


# Approval and posting --------------------------------------------------------------------


def _signers(meeting: Meeting) -> dict[int, Approval.Role]:
    """Who approves the minutes, by person id: the chair and the minutes checkers."""
    signers = {
        row.person_id: Approval.Role.CHECKER
        for row in meeting.attendance.filter(checks_minutes=True)
    }
    if meeting.chair_id is not None:
        signers[meeting.chair_id] = Approval.Role.CHAIR
    return signers


def _role_of(meeting: Meeting, person: Person) -> str:
    signers = _signers(meeting)
    if len(signers) < 2:
        raise ValidationError(_("Välj justerare innan protokollet justeras."), code="conflict")
    if person.pk not in signers:
        raise ValidationError(
            _("%(person)s är varken ordförande eller justerare.") % {"person": person}
        )
    return signers[person.pk]


def _approved_at(approved_at: datetime.datetime | None, meeting: Meeting) -> datetime.datetime:
    at = approved_at or timezone.now()
    if at > timezone.now() or at < meeting.starts_at:
        raise ValidationError(
            _("Justeringen sker efter sammanträdets början och inte i framtiden.")
        )
    return at


def _kept_at(meeting: Meeting) -> str:
    body = meeting.organization.body
    office = _("Regionkansliet") if body.kind == Body.Kind.REGION else _("Kommunkansliet")
    return f"{office}, {body.name}"


def _post(
    actor: Actor, meeting: Meeting, approved_on: datetime.date, item: AgendaItem | None = None
) -> Posting:
    """Post the approval on the notice board today, with the dates of legal_time: the day it
    was due (KL 8 kap. 12 §), the last day to appeal (KL 13 kap. 5 §) and the day it comes
    down. `Posting.late` tells when today is after the day it was due. The event log's head at
    this moment, after the approval's own events, is kept on the posting and printed on the
    minutes: an anchor of the log outside the database."""
    posted_on = timezone.localdate()
    period = legal_time.appeal_deadline(posted_on)
    chain_seq, chain_hash = chain_head()
    posting = Posting(
        meeting=meeting,
        item=item,
        approved_on=approved_on,
        posting_due=legal_time.posting_due(approved_on),
        posted_on=posted_on,
        last_appeal_day=period.last_day,
        taken_down_on=period.taken_down,
        minutes_kept_at=_kept_at(meeting),
        chain_seq=chain_seq,
        chain_hash=chain_hash,
    )
    return audit.create(actor=actor, instance=posting)


def _report_delegated(actor: Actor, meeting: Meeting) -> None:
    """The delegated decisions on the meeting's report item count as reported, at the
    meeting and in its paragraph."""
    for item in meeting.items.filter(
        kind=AgendaItem.Kind.DELEGATED_DECISIONS,
        status__in=[AgendaItem.Status.NOTED, AgendaItem.Status.DECIDED],
    ):
        decisions = [d for d in item.reported_decisions.all() if d.unreported]
        if decisions:
            decision_report(
                actor=actor,
                decisions=decisions,
                reported_on=meeting_day(meeting),
                reported_in=f"{minutes_name(meeting)} § {item.minute_number}",
            )


@transaction.atomic
def minutes_approve(
    *,
    actor: Actor,
    meeting: Meeting,
    person: Person,
    approved_at: datetime.datetime | None = None,
) -> Approval:
    """Record that the chair or a minutes checker approved (signed) the minutes, now or when
    they did (`approved_at`). With the last signature the minutes are approved: the delegated
    decisions reported in them count as reported, and the approval is posted on the notice
    board today."""
    require_record_approval(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.CLOSED,))
    role = _role_of(meeting, person)
    if meeting.approvals.filter(item__isnull=True, person=person).exists():
        raise ValidationError(
            _("%(person)s har redan justerat.") % {"person": person}, code="conflict"
        )
    approval = audit.create(
        actor=actor,
        instance=Approval(
            meeting=meeting,
            person=person,
            role=role,
            approved_at=_approved_at(approved_at, meeting),
        ),
    )
    signed = meeting.approvals.filter(item__isnull=True)
    if set(_signers(meeting)) <= set(signed.values_list("person_id", flat=True)):
        last = max(signed.values_list("approved_at", flat=True))
        audit.update(actor=actor, instance=meeting, status=S.APPROVED, approved_at=last)
        _report_delegated(actor, meeting)
        _post(actor, meeting, timezone.localdate(last))
    return approval


@transaction.atomic
def item_approve_immediately(*, actor: Actor, item: AgendaItem, person: Person) -> Approval:
    """Approve one dealt-with item at the meeting (omedelbar justering). With the chair's and
    every checker's signature the item is approved and posted on its own."""
    require_record_approval(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (S.OPENED,))
    if item.minute_number is None:
        raise ValidationError(
            _("Bara en behandlad punkt kan justeras omedelbart."), code="conflict"
        )
    meeting = item.meeting
    role = _role_of(meeting, person)
    if item.approvals.filter(person=person).exists():
        raise ValidationError(
            _("%(person)s har redan justerat punkten.") % {"person": person}, code="conflict"
        )
    now = timezone.now()
    approval = audit.create(
        actor=actor,
        instance=Approval(meeting=meeting, item=item, person=person, role=role, approved_at=now),
    )
    if set(_signers(meeting)) <= set(item.approvals.values_list("person_id", flat=True)):
        audit.update(actor=actor, instance=item, approved_immediately_at=now)
        _post(actor, meeting, timezone.localdate(now), item)
    return approval
