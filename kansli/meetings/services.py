"""Writing meetings: the plan, the agenda, attendance, decisions item by item, the approval of
the minutes and the posting on the notice board.

Each service first asks the meetings' policy whether the actor may (the body's secretaries),
then locks its meeting, writes and audits in one transaction, and refuses in Swedish what the
law or the instruction forbids: a decision without a quorum (KL 5 kap. 43 §, 6 kap. 27 §), a
vote by someone not serving or disqualified (jäv: KL 5 kap. 47 §, 6 kap. 28-32 §§), a secret
ballot outside an election (KL 5 kap. 54 §, 6 kap. 33 §), a substitute of another party in the
council (KL 5 kap. 17-19 §§), a dissent by someone who took no part or after the meeting closed
(KL 4 kap. 27 §), an official without what the body's instruction requires first (seed 002
5.2.1). A refusal because of how the meeting or item stands (its status, an item already
dealt with, no quorum, an approval already given) has the code "conflict": the API's 409.
"""

import datetime
import functools
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansli import legal_time
from kansli.accounts.models import ApiToken, Role
from kansli.audit import services as audit
from kansli.audit.selectors import chain_head
from kansli.audit.services import Actor
from kansli.bounds import require_year_in_bounds
from kansli.decisions.models import Assignment, AssignmentReport
from kansli.decisions.policy import require_put_on_agenda
from kansli.decisions.services import decision_report, meeting_decision_record
from kansli.delegation import labels
from kansli.delegation.models import OrderDraft
from kansli.delegation.policy import require_draft
from kansli.language import in_records_language
from kansli.meetings import adoption, deliveries, events, packets, rules, signing
from kansli.meetings.models import (
    Adjournment,
    AgendaItem,
    Approval,
    Attendance,
    Ballot,
    CalendarFeed,
    Delivery,
    Disqualification,
    Dissent,
    ItemAttachment,
    ItemExtract,
    Meeting,
    MinuteNote,
    MinuteSeries,
    MinutesVersion,
    Notice,
    Posting,
    Proposal,
    Vote,
)
from kansli.meetings.policy import (
    require_correct_minutes,
    require_manage,
    require_own_calendar,
    require_record_approval,
    require_report_absence,
    require_sign_minutes,
)
from kansli.meetings.selectors import (
    announcement_context,
    attendance_verdict,
    delegated_decisions_due,
    in_board_group,
    law_of,
    meeting_day,
    minutes_name,
    minutes_signers,
    minutes_version,
    notice_recipients,
    notices_reached,
    quorum_of,
    ready_cases,
    serving_members,
)
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.organisation.selectors import director_of, members_on, presidium, substitutes_on
from kansli.preparation import services as preparation_services
from kansli.preparation.models import Preparation
from kansli.registry import files
from kansli.registry import services as registry_services
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
    law = law_of(meeting.organization, rules.QUORUM_LAW)
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
def meeting_cancel(*, actor: Actor, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting not yet held, recording why, and withdraw the invitation from the
    calendar of everyone the notice went to (an iCalendar CANCEL of the same event, RFC 5546),
    by e-mail to the address it went to: each a delivery queued with the cancellation and sent
    after it commits (`deliveries.delivery_attempt`)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    if not reason.strip():
        raise ValidationError(_("Ange varför sammanträdet ställs in."))
    meeting = audit.update(
        actor=actor,
        instance=meeting,
        status=S.CANCELLED,
        cancelled_at=timezone.now(),
        cancel_reason=reason.strip(),
    )
    deliveries.notices_withdraw(actor, meeting)
    deliveries.queue(
        actor,
        meeting,
        Delivery.Kind.CANCELLATION,
        [(delivery.person, delivery.address) for delivery in notices_reached(meeting=meeting)],
    )
    return meeting


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
    position: int | None = None,
) -> AgendaItem:
    """Add an item at `position` (1 is first), or else before the closing items (an item of a
    closing kind after them), during the meeting too: an extra item. The others make room."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, UNTIL_HELD)
    if case is not None and case.organization.body_id != meeting.organization.body_id:
        raise ValidationError(_("Ärendet hör till en annan kommun eller region."))
    if not title.strip():
        raise ValidationError(_("Punkten behöver en rubrik."))
    items = list(meeting.items.order_by("position"))
    if position is None:
        closing = [n for n, item in enumerate(items) if item.kind in CLOSING_ITEMS]
        position = len(items) + 1 if kind in CLOSING_ITEMS or not closing else closing[0] + 1
    top = max((item.position for item in items), default=0)
    item = _new_item(
        actor,
        meeting,
        position=top + 1,
        kind=kind,
        title=title,
        case=case,
        proposal=proposal or (_proposal_of(case) if case is not None else ""),
    )
    return _place(actor, items, item, position)


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
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Rapport om uppdrag: %(title)s (%(date)s)") % {
            "title": assignment.title,
            "date": f"{report.reported_on:%Y-%m-%d}",
        }
    item = item_add(actor=actor, meeting=meeting, title=title[:500], kind=kind)
    audit.update(actor=actor, instance=item, assignment_report=report)
    return report


@transaction.atomic
def order_draft_to_agenda(*, actor: Actor, draft: OrderDraft, meeting: Meeting) -> AgendaItem:
    """Put a draft of a new version of a delegation order before the organization that adopts
    it, at a planned or called meeting held no later than the draft's first day: an item whose
    proposal is to adopt it (`adoption` brings it into force once the paragraph is approved).
    Those who draft (the delegation's policy) and manage the meeting (`item_add`) may."""
    require_draft(actor, draft.body_id)
    if not draft.is_draft:
        raise ValidationError(_("Utkastet är redan antaget."), code="conflict")
    if meeting.organization_id != draft.organization_id:
        raise ValidationError(
            _("Utkastet antas av %(organization)s.") % {"organization": draft.organization}
        )
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.CALLED):
        raise ValidationError(
            _("Utkastet kan bara sättas på ett planerat eller kallat sammanträde."), code="conflict"
        )
    if meeting_day(meeting) > draft.valid_from:
        raise ValidationError(
            _("Sammanträdet hålls efter den dag utkastet ska börja gälla (%(date)s).")
            % {"date": draft.valid_from}
        )
    if draft.agenda_items.filter(status=AgendaItem.Status.PENDING).exists():
        raise ValidationError(_("Utkastet står redan på en dagordning."), code="conflict")
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Antagande av %(draft)s") % {"draft": draft}
        proposal = _("Att anta %(draft)s att gälla från och med %(date)s.") % {
            "draft": draft,
            "date": f"{draft.valid_from:%Y-%m-%d}",
        }
    item = item_add(actor=actor, meeting=meeting, title=title[:500], proposal=proposal)
    return audit.update(actor=actor, instance=item, order_draft=draft)


@transaction.atomic
def item_move(*, actor: Actor, item: AgendaItem, position: int) -> AgendaItem:
    """Move an item to `position` (1 is first); the others close up."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    items = [other for other in item.meeting.items.order_by("position") if other.pk != item.pk]
    return _place(actor, items, item, position)


def _place(actor: Actor, others: list[AgendaItem], item: AgendaItem, position: int) -> AgendaItem:
    """Put the item at `position` among the others (1 is first); they close up around it."""
    if not 1 <= position <= len(others) + 1:
        raise ValidationError(_("Platsen finns inte på dagordningen."))
    others.insert(position - 1, item)
    _renumber(actor, others)
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


# E-mail to members and substitutes -------------------------------------------------------


@transaction.atomic
def delivery_resend(*, actor: Actor, delivery: Delivery) -> Delivery:
    """Send again, at the secretary's word, a delivery that failed or whose sending is
    uncertain (Delivery.uncertain: it may have gone): queued again, with its attempts counted
    afresh, and sent after the commit."""
    require_manage(actor, delivery.meeting.organization.body_id)
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.state != Delivery.State.FAILED and not delivery.uncertain:
        raise ValidationError(
            _("Bara ett utskick som misslyckades eller är osäkert kan skickas igen."),
            code="conflict",
        )
    now = timezone.now()
    delivery = audit.update(
        actor=actor,
        instance=delivery,
        state=Delivery.State.QUEUED,
        attempts=0,
        queued_at=now,
        next_attempt_at=now,
    )
    transaction.on_commit(functools.partial(deliveries.enqueue, delivery.pk))
    return delivery


@transaction.atomic
def notice_send(*, actor: Actor, meeting: Meeting) -> list[Delivery]:
    """Send the notice by e-mail to the members and substitutes of the meeting's day who have
    an address, with the notice PDF and an iCalendar invitation: a delivery each, queued with
    the meeting's change and sent after it commits (`deliveries.delivery_attempt`), the PDF
    rendered there, outside this transaction. Sent again, it goes out again (after a change to the
    agenda), recorded as a resend. Not once the meeting has begun; sent after the organ's
    notice period it still goes, and the pages warn (`selectors.notice_warning`)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    if not meeting.items.exists():
        raise ValidationError(
            _("Dagordningen är tom: bygg den innan kallelsen skickas."), code="conflict"
        )
    if timezone.now() >= meeting.starts_at:
        raise ValidationError(
            _("Sammanträdet har redan börjat; kallelsen kan inte skickas."), code="conflict"
        )
    recipients = notice_recipients(meeting=meeting)
    if not recipients:
        raise ValidationError(_("Ingen ledamot eller ersättare har en e-postadress."))
    before = meeting.notice_sent_at
    queued = deliveries.queue(
        actor,
        meeting,
        Delivery.Kind.NOTICE if before is None else Delivery.Kind.RESEND,
        [(person, person.email) for person in recipients],
    )
    now = timezone.now()
    if before is not None:
        audit.record(
            actor=actor,
            action=audit.action_name(meeting, "notice_resend"),
            instance=meeting,
            before={"notice_sent_at": before.isoformat()},
            after={"notice_sent_at": now.isoformat(), "recipients": len(queued)},
        )
    audit.update(actor=actor, instance=meeting, status=S.CALLED, notice_sent_at=now)
    return queued


# The council's announcement ------------------------------------------------------------


@transaction.atomic
def announcement_record(
    *, actor: Actor, meeting: Meeting, posted_on: datetime.date | None = None
) -> Meeting:
    """Record the day the council's meeting was announced (tillkännagivande) on the official
    notice board, today unless given: KL 5 kap. 11 § asks for it at least a week before the
    meeting day, and `selectors.council_flags` flags it missing or late."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    if meeting.organization.kind != Organization.Kind.COUNCIL:
        raise ValidationError(
            _("Bara fullmäktiges sammanträden tillkännages på anslagstavlan (KL 5 kap. 11 §).")
        )
    posted_on = posted_on or timezone.localdate()
    if posted_on > timezone.localdate() or posted_on > meeting_day(meeting):
        raise ValidationError(
            _("Tillkännagivandet anslås före sammanträdesdagen och inte i framtiden.")
        )
    return audit.update(actor=actor, instance=meeting, announced_on=posted_on)


def _fixed(template: str, context: dict[str, object]) -> tuple[str, str]:
    """A notice's text as it is posted, and its SHA-256: rendered once, in Swedish whatever
    the secretary's language, and stored so (DESIGN: a record the law fixes is stored once as
    it was fixed, with its hash in the audit chain)."""
    with translation.override("sv"):
        content = render_to_string(template, context).strip()
    return content, hashlib.sha256(content.encode()).hexdigest()


@transaction.atomic
def announcement_post(*, actor: Actor, meeting: Meeting) -> Notice:
    """Post the council's announcement of the meeting (tillkännagivande) on the notice board
    today, with its time, place and the matters to be dealt with (KL 5 kap. 11 §), fixed as
    posted. The law asks for it at least a week before the meeting day
    (`legal_time.announcement_latest`); posted later it still goes up, marked late on the
    notice board and flagged on the meeting (`selectors.council_flags`): a late announcement is
    better than none, and the council decides whether to deal with the matters anyway. Not on
    or after the meeting day, not twice, not with an empty agenda. It also records the day of
    the announcement on the meeting (`announcement_record`)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, BEFORE)
    if meeting.organization.kind != Organization.Kind.COUNCIL:
        raise ValidationError(
            _("Bara fullmäktiges sammanträden tillkännages på anslagstavlan (KL 5 kap. 11 §).")
        )
    today, day = timezone.localdate(), meeting_day(meeting)
    if today >= day:
        raise ValidationError(
            _("Tillkännagivandet anslås före sammanträdesdagen (KL 5 kap. 11 §)."),
            code="conflict",
        )
    if meeting.notices.filter(kind=Notice.Kind.ANNOUNCEMENT).exists():
        raise ValidationError(_("Sammanträdet är redan tillkännagivet."), code="conflict")
    if not meeting.place:
        raise ValidationError(
            _(
                "Ange sammanträdets plats: tillkännagivandet ska ange tid och plats "
                "(KL 5 kap. 11 §)."
            )
        )
    with translation.override("sv"):
        context = announcement_context(meeting=meeting, on=today)
    if not context["items"]:
        raise ValidationError(
            _(
                "Dagordningen är tom: tillkännagivandet ska ange de ärenden som ska behandlas "
                "(KL 5 kap. 11 §). Bygg dagordningen först."
            ),
            code="conflict",
        )
    content, digest = _fixed("meetings/notice_announcement.html", context)
    notice = audit.create(
        actor=actor,
        instance=Notice(
            body=meeting.organization.body,
            kind=Notice.Kind.ANNOUNCEMENT,
            meeting=meeting,
            title=str(context["title"]),
            posted_on=today,
            posting_due=legal_time.announcement_latest(day),
            # Up until the meeting has been held (the day after the meeting day).
            taken_down_on=day + legal_time.ONE_DAY,
            content=content,
            content_hash=digest,
        ),
    )
    if meeting.announced_on is None:
        audit.update(actor=actor, instance=meeting, announced_on=today)
    return notice


@transaction.atomic
def notice_post(
    *, actor: Actor, body: Body, title: str, text: str, taken_down_on: datetime.date
) -> Notice:
    """Post another notice on the body's notice board today (a tillkännagivande under another
    law, another authority's kungörelse), up until `taken_down_on`, fixed as posted."""
    require_manage(actor, body)
    today = timezone.localdate()
    if taken_down_on <= today:
        raise ValidationError(
            {"taken_down_on": _("Tillkännagivandet tas ned tidigast dagen efter att det anslås.")}
        )
    require_year_in_bounds(taken_down_on, field="taken_down_on")
    content, digest = _fixed(
        "meetings/notice_other.html",
        {"title": title, "text": text, "posted_on": today, "taken_down_on": taken_down_on},
    )
    return audit.create(
        actor=actor,
        instance=Notice(
            body=body,
            kind=Notice.Kind.OTHER,
            title=title,
            text=text,
            posted_on=today,
            taken_down_on=taken_down_on,
            content=content,
            content_hash=digest,
        ),
    )


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


def _next_substitute(
    available: list[Attendance], party: str, *, own_party_only: bool = False
) -> Attendance | None:
    """The first of the free substitutes `available` to be called for a member of `party`, in
    the order of `rules.substitute_order`: of the member's party first, then by rank; in the
    council only those of the member's party (`own_party_only`)."""
    candidates = [
        rules.Substitute(row, row.membership.party, row.membership.rank)
        for row in available
        if row.membership is not None
    ]
    in_order = rules.substitute_order(candidates, party, own_party_only=own_party_only)
    return cast(Attendance, in_order[0].key) if in_order else None


def _refuse_out_of_turn(
    meeting: Meeting, substitute: Person, party: str, item: AgendaItem | None = None
) -> None:
    """Substitutes are called in order: of the member's party first, then by rank. In the
    council only those of the member's party (KL 5 kap. 17-19 §§); in the board and the
    committees the reglemente sets the order, and the others follow."""
    available = _available_substitutes(meeting, item)
    row = next((free for free in available if free.person == substitute), None)
    if row is None or row.membership is None:
        raise ValidationError(
            _("%(person)s är inte en närvarande ersättare som kan tjänstgöra.")
            % {"person": substitute}
        )
    council = meeting.organization.kind == Organization.Kind.COUNCIL
    if council and not (party and row.membership.party == party):
        raise ValidationError(
            _(
                "I fullmäktige tjänstgör en ersättare bara för en ledamot av sitt eget parti "
                "(%(law)s); %(person)s kan inte tjänstgöra för en ledamot av %(party)s."
            )
            % {
                "law": rules.COUNCIL_SUBSTITUTES_LAW,
                "person": substitute,
                "party": party or _("inget parti"),
            }
        )
    first = _next_substitute(available, party, own_party_only=council)
    if first is not None and first.person != substitute:
        raise ValidationError(
            _(
                "%(first)s står före %(person)s i ersättarnas ordning (samma parti först, "
                "sedan i turordning)."
            )
            % {"first": first.person, "person": substitute}
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


# The dates an official's attendance keeps of what a rule of the body's instruction requires
# first, by the requirement's kind and its party's kind: seed 002 5.2.1's consultation of the
# board's chair and notification of the committee's chair and of the department's head.
REQUIRED_DATES = {
    ("consultation", "chair"): "board_chair_consulted_on",
    ("notification", "chair"): "committee_chair_notified_on",
    ("notification", "head"): "department_head_notified_on",
}


def _refuse_what_the_instruction_requires(
    meeting: Meeting, person: Person, dates: Mapping[str, datetime.date | None]
) -> None:
    """The instruction's rule on the person's attendance at the organ (selectors.
    attendance_verdict), if any, may require a consultation or notifications first: each
    needs its date."""
    verdict = attendance_verdict(meeting=meeting, person=person)
    if verdict is None:
        return
    missing = [
        status.requirement
        for status in verdict.requirements
        if status.requirement.when == "before"
        and dates.get(
            REQUIRED_DATES.get((status.requirement.kind, status.requirement.party.kind), "")
        )
        is None
    ]
    if missing:
        raise ValidationError(
            _(
                "%(person)s har närvaro- och yttranderätt i %(organization)s efter %(what)s "
                "(%(source)s): ange när det skedde."
            )
            % {
                "person": person,
                "organization": meeting.organization,
                "what": ", ".join(labels.requirement(requirement) for requirement in missing),
                "source": ", ".join(f"{b.document} {b.section}" for b in verdict.basis),
            }
        )


@transaction.atomic
def official_attend(
    *,
    actor: Actor,
    meeting: Meeting,
    person: Person,
    may_speak: bool,
    basis: str,
    board_chair_consulted_on: datetime.date | None = None,
    committee_chair_notified_on: datetime.date | None = None,
    department_head_notified_on: datetime.date | None = None,
) -> Attendance:
    """Enter an official present, with the right to speak or not and what the right rests on.

    What the body's instruction requires before the official attends is its data, not code:
    a rule of its attendance decision type that covers the organ (seed 002 5.2.1: Vänersborg's
    director in the other committees after consulting the board's chair, with the committee's
    chair and the department head notified in advance; not in the crisis committee, where 3.5
    makes the director its rapporteur, nor in Region Blekinge) needs the dates of what it
    requires; they are kept.
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
    dates = {
        "board_chair_consulted_on": board_chair_consulted_on,
        "committee_chair_notified_on": committee_chair_notified_on,
        "department_head_notified_on": department_head_notified_on,
    }
    _refuse_what_the_instruction_requires(meeting, person, dates)
    if any(date is not None and date > day for date in dates.values()):
        raise ValidationError(_("Samråd och information ska ske före sammanträdet."))
    fields = {
        "capacity": Attendance.Capacity.OFFICIAL,
        "present": True,
        "may_speak": may_speak,
        "basis": basis.strip(),
        **dates,
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
    if meeting.approvals.exists() or meeting.minutes_versions.exists():
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
    day = meeting_day(meeting)
    # The minutes date every decision by the meeting: opened before its day, they would be
    # dated in the future and their § numbers would run against time.
    if timezone.localdate() < day:
        raise ValidationError(
            _("Sammanträdet hålls %(day)s och kan inte öppnas före den dagen.")
            % {"day": f"{day:%Y-%m-%d}"},
            code="conflict",
        )
    serving = serving_members(meeting=meeting)
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
    """A serving member is disqualified in the item (jäv: KL 5 kap. 47 § in the council, 6 kap.
    28-32 §§ in the board and the committees): they take no part in it, and a present
    substitute may serve in that item only, called in order."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    _refuse_dealt_with(item)
    meeting = item.meeting
    if person not in serving_members(meeting=meeting, item=item):
        raise ValidationError(_("%(person)s tjänstgör inte i punkten.") % {"person": person})
    if not ground.strip():
        raise ValidationError(
            _("Ange grunden för jävet (%(law)s).")
            % {"law": law_of(meeting.organization, rules.DISQUALIFICATION_LAW)}
        )
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
    *,
    actor: Actor,
    item: AgendaItem,
    text: str,
    proposer: Person | None = None,
    supports_prepared: bool = False,
) -> Proposal:
    """Put a proposal in the item: the prepared one (no proposer, or a member who moves it,
    `supports_prepared`), or a counter-proposal by a member serving in it, in its full text."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, UNTIL_HELD)
    _refuse_dealt_with(item)
    if supports_prepared and not text.strip():
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Bifall till förslaget till beslut.")
    if not text.strip():
        raise ValidationError(_("Yrkandet saknar text."))
    if proposer is not None and proposer not in serving_members(meeting=item.meeting, item=item):
        raise ValidationError(
            _("Bara den som tjänstgör i punkten kan yrka; %(person)s gör inte det.")
            % {"person": proposer}
        )
    top = item.proposals.aggregate(top=Max("position"))["top"] or 0
    proposal = Proposal(
        item=item,
        position=top + 1,
        proposer=proposer,
        text=text.strip(),
        supports_prepared=supports_prepared,
    )
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


def _adopt(actor: Actor, proposal: Proposal) -> str:
    """Mark the proposal carried and give its att-satser, the text of the decision: the
    preparation's resolution clauses, one a line, when the prepared proposal carried (put
    without a proposer, or moved by a member), in whatever words it was put ("Bifall till
    förvaltningens förslag."); else the full text of the motion that won."""
    audit.update(actor=actor, instance=proposal, adopted=True)
    if proposal.proposer_id is not None and not proposal.supports_prepared:
        return proposal.text
    item = proposal.item
    clauses = _proposal_of(item.case) if item.case is not None else ""
    if clauses:
        return clauses
    return item.proposal if proposal.supports_prepared and item.proposal else proposal.text


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
    carried = ""
    if proposal is not None:
        if proposal.item_id != item.pk:
            raise ValidationError(_("Yrkandet hör till en annan punkt."))
        proposal.item = item
        carried = _adopt(actor, proposal)
    text = resolution.strip() or carried
    if not text:
        raise ValidationError(_("Ange beslutet."))
    return _deal_with(
        actor,
        item,
        AgendaItem.Status.DECIDED,
        resolution=text,
        method=AgendaItem.Method.ACCLAMATION,
    )


def _roll_call(item: AgendaItem, ballots: Mapping[Person, str]) -> list[str]:
    """The choices of an open vote, each by a member serving in the item."""
    serving = serving_members(meeting=item.meeting, item=item)
    for person in ballots:
        if person not in serving:
            raise ValidationError(
                _("%(person)s tjänstgör inte i punkten och kan inte rösta.") % {"person": person}
            )
    choices = [str(choice) for choice in ballots.values()]
    if any(choice not in Ballot.Choice.values for choice in choices):
        raise ValidationError(_("Okänd röst."))
    return choices


def _chairs_casting_vote(
    item: AgendaItem, ballots: Mapping[Person, str], casting_vote_for: str | None
) -> str | None:
    """The chair's casting vote on a tie in other matters than elections: the chair's own
    vote, or the one given when the chair did not vote yes or no (KL 5 kap. 56 §, 6 kap.
    33 §)."""
    chair_vote = ballots.get(item.meeting.chair) if item.meeting.chair else None
    if chair_vote in (Ballot.Choice.YES, Ballot.Choice.NO):
        if casting_vote_for not in (None, chair_vote):
            raise ValidationError(_("Ordförandens utslagsröst är ordförandens egen röst."))
        return str(chair_vote)
    return casting_vote_for


def _secret_ballot(item: AgendaItem, counts: Mapping[str, int] | None) -> list[str]:
    """The votes of an election by secret ballot, from the counts alone. A secret ballot is
    lawful only in an election (KL 5 kap. 54 §; 6 kap. 33 § in the board and committees)."""
    if item.kind != AgendaItem.Kind.ELECTION:
        raise ValidationError(
            _("Sluten omröstning får bara ske vid val (%(law)s); ”%(item)s” är inte ett val.")
            % {
                "law": law_of(item.meeting.organization, rules.SECRET_BALLOT_LAW),
                "item": item.title,
            }
        )
    counts = counts or {}
    choices = [choice for choice in Ballot.Choice.values for _n in range(counts.get(choice, 0))]
    if len(choices) > len(serving_members(meeting=item.meeting, item=item)):
        raise ValidationError(_("Fler röster än tjänstgörande ledamöter."))
    return choices


def _draw_lot() -> str:
    """The lot between the yes and the no proposal: drawn here, by the operating system's
    source of randomness, at the moment the vote is recorded, so that nobody chooses it and
    the result is in the event log with the vote. A lot drawn in the room instead is the
    secretary's record of a fact this system cannot check; the law asks for a lot, not how
    it is drawn."""
    return secrets.choice((rules.YES, rules.NO))


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
    serving member's vote once (`ballots`), or, in an election only, by secret ballot, the
    counts only. A tie is settled in an election by lot, drawn here (`_draw_lot`), in other
    matters by the chair's casting vote (`casting_vote_for`: "yes" or "no", when the chair
    did not vote yes or no): KL 5 kap. 56 §, 6 kap. 33 §."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (S.OPENED,))
    _refuse_dealt_with(item)
    _refuse_no_quorum(item.meeting, item)
    if {yes_proposal.item_id, no_proposal.item_id} != {item.pk} or yes_proposal == no_proposal:
        raise ValidationError(_("Omröstningen står mellan två olika yrkanden i punkten."))
    election = item.kind == AgendaItem.Kind.ELECTION
    law = law_of(item.meeting.organization, rules.TIE_LAW)
    if election and casting_vote_for is not None:
        raise ValidationError(
            _("Vid val avgör lotten lika röstetal, inte ordföranden (%(law)s).") % {"law": law}
        )
    if method == Vote.Method.ROLL_CALL:
        choices = _roll_call(item, ballots or {})
        if not election:
            casting_vote_for = _chairs_casting_vote(item, ballots or {}, casting_vote_for)
    elif method == Vote.Method.SECRET:
        choices = _secret_ballot(item, counts)
    else:
        raise ValidationError(_("Okänd omröstningsmetod."))
    try:
        tally = rules.tally_ballots(choices, casting_vote_for)
    except rules.TieError:
        if not election:
            raise ValidationError(
                _("Lika röstetal: ordförandens utslagsröst avgör (%(law)s); ange den.")
                % {"law": law}
            ) from None
        tally = rules.tally_ballots(choices, _draw_lot())
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
            casting_vote=tally.casting and not election,
            decided_by_lot=tally.casting and election,
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
    winner.item = item
    carried = _adopt(actor, winner)
    item_method = (
        AgendaItem.Method.VOTE
        if method == Vote.Method.ROLL_CALL
        else AgendaItem.Method.SECRET_BALLOT
    )
    _deal_with(actor, item, AgendaItem.Status.DECIDED, resolution=carried, method=item_method)
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
    reasons, by someone who took part in it, before the meeting closes (KL 4 kap. 27 §: the
    dissent is entered "innan sammanträdet avslutas"; the written reasons may follow until the
    approval, `dissent_reasons_add`)."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, HELD)
    _refuse_sent_for_approval(item.meeting)
    if item.meeting.status != S.OPENED:
        raise ValidationError(
            _(
                "Reservation ska anmälas innan sammanträdet avslutas (%(law)s); den skriftliga "
                "motiveringen till en anmäld reservation kan lämnas fram till justeringen."
            )
            % {"law": rules.DISSENT_LAW},
            code="conflict",
        )
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
def dissent_reasons_add(*, actor: Actor, item: AgendaItem, person: Person, reasons: str) -> Dissent:
    """Add the written reasons to the person's dissent from the item's decision, entered at the
    meeting, until the minutes are approved (KL 4 kap. 27 §: the written reasons are given
    before the time set for the approval); once given they stand as given."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (*HELD, S.APPROVED))
    if item.meeting.status == S.APPROVED:
        raise ValidationError(
            _("Den skriftliga motiveringen ska lämnas före justeringen (%(law)s).")
            % {"law": rules.DISSENT_LAW},
            code="conflict",
        )
    dissent = item.dissents.filter(person=person).first()
    if dissent is None:
        raise ValidationError(
            _("%(person)s har inte reserverat sig i punkten.") % {"person": person}
        )
    if dissent.reasons:
        raise ValidationError(
            _("%(person)s har redan lämnat en skriftlig motivering.") % {"person": dissent.person},
            code="conflict",
        )
    if not reasons.strip():
        raise ValidationError(_("Motiveringen saknar text."))
    return audit.update(actor=actor, instance=dissent, reasons=reasons.strip())


@transaction.atomic
def minute_note_add(*, actor: Actor, item: AgendaItem, person: Person, text: str) -> MinuteNote:
    """A present member or substitute has a note entered in the item's minutes."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, HELD)
    _refuse_sent_for_approval(item.meeting)
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


# What the minutes say besides the decisions: times, attendance by §, expediering ---------

AFTER_OPENING = (S.OPENED, S.CLOSED)


def _refuse_sent_for_approval(meeting: Meeting) -> None:
    """What the minutes print is fixed when they are sent for justering: a change after that
    is a correction of the minutes (`minutes_correct`)."""
    if meeting.minutes_versions.exists():
        raise ValidationError(
            _("Protokollet är skickat för justering och ändras inte längre här."), code="conflict"
        )


@transaction.atomic
def adjournment_record(
    *,
    actor: Actor,
    meeting: Meeting,
    started_at: datetime.datetime,
    ended_at: datetime.datetime,
) -> Adjournment:
    """Record an adjournment (ajournering) of the meeting, printed in the minutes: within the
    meeting, from its opening to its closing (or now, while it is held)."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, AFTER_OPENING)
    _refuse_sent_for_approval(meeting)
    until = meeting.closed_at or timezone.now()
    if meeting.opened_at is None or not meeting.opened_at <= started_at <= ended_at <= until:
        raise ValidationError(
            _(
                "Ajourneringen ligger mellan sammanträdets öppnande och avslutning och "
                "slutar efter att den börjat."
            )
        )
    return audit.create(
        actor=actor,
        instance=Adjournment(meeting=meeting, started_at=started_at, ended_at=ended_at),
    )


@transaction.atomic
def attendance_sections_set(
    *,
    actor: Actor,
    meeting: Meeting,
    person: Person,
    came_at: AgendaItem | None,
    left_after: AgendaItem | None,
) -> Attendance:
    """Someone on the attendance list came at an item or left after one: the minutes print
    "närvarande §§ 3–7" beside their name. Neither: present throughout."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (*UNTIL_HELD, S.CLOSED))
    _refuse_sent_for_approval(meeting)
    row = meeting.attendance.filter(person=person, present=True).first()
    if row is None:
        raise ValidationError(
            _("%(person)s står inte som närvarande i närvarolistan.") % {"person": person}
        )
    items = [item for item in (came_at, left_after) if item is not None]
    if any(item.meeting_id != meeting.pk for item in items):
        raise ValidationError(_("Punkten hör till ett annat sammanträde."))
    if came_at is not None and left_after is not None and came_at.position > left_after.position:
        raise ValidationError(_("Den som kommer till en punkt lämnar efter den, inte före."))
    return audit.update(actor=actor, instance=row, came_at=came_at, left_after=left_after)


@transaction.atomic
def recipients_set(*, actor: Actor, item: AgendaItem, recipients: str) -> AgendaItem:
    """Who the item's decision is sent to (expediering), one recipient a line: an organ, an
    office, a person. At approval each gets the paragraph as a protokollsutdrag."""
    require_manage(actor, item.meeting.organization.body_id)
    item = _locked_item(item, (*UNTIL_HELD, S.CLOSED))
    _refuse_sent_for_approval(item.meeting)
    lines = [line.strip() for line in recipients.splitlines() if line.strip()]
    return audit.update(actor=actor, instance=item, recipients="\n".join(lines))


@transaction.atomic
@in_records_language
def extracts_register(*, actor: Actor, meeting: Meeting) -> list[Document]:
    """Expediering of the approved minutes: each paragraph of a case with recipients gets its
    protokollsutdrag (the paragraph as the minutes have it, as PDF), registered in the case as
    an outgoing document to them, under the case's secrecy. Once: a paragraph that has its
    extract keeps it. A closed case cannot take a document: its paragraph waits, named on the
    justering page (`selectors.extracts_waiting`), until the registrar reopens the case and
    this is run again ("Registrera protokollsutdrag")."""
    require_manage(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.APPROVED,))
    items = (
        meeting.items.filter(minute_number__isnull=False, extract__isnull=True, case__isnull=False)
        .exclude(recipients="")
        .exclude(case__status=Case.Status.CLOSED)
        .select_related("case__organization")
    )
    documents = []
    for item in items:
        case = cast(Case, item.case)  # the query asks for items with a case
        name = f"{minutes_name(meeting)} § {item.minute_number}"
        content = _extract_content(item)
        document = registry_services.document_register(
            actor=actor,
            case=case,
            direction=Document.Direction.OUTGOING,
            date=timezone.localdate(),
            description=_("Protokollsutdrag %(minutes)s") % {"minutes": name},
            counterpart=", ".join(item.recipients.splitlines())[:300],
            secrecy_reference=case.secrecy_reference,
            secrecy_reason=_("Utdrag ur protokollet i ett ärende under sekretess.")
            if case.secrecy_reference
            else "",
            files=[
                SimpleUploadedFile(f"protokollsutdrag-{item.minute_number}.pdf", content, files.PDF)
            ],
        )
        audit.update(actor=actor, instance=item, extract=document)
        documents.append(document)
    return documents


def _extract_content(item: AgendaItem) -> bytes:
    """The paragraph's protokollsutdrag: as stored when it was approved at once, else rendered
    now."""
    frozen = ItemExtract.objects.filter(item=item).first()
    if frozen is None:
        return packets.extract_stored(item).read()
    with frozen.file.open("rb") as stored:
        return stored.read()


# Approval and posting --------------------------------------------------------------------


def _role_of(meeting: Meeting, person: Person) -> str:
    signers = minutes_signers(meeting=meeting)
    if len(signers) < 2:
        raise ValidationError(_("Välj justerare innan protokollet justeras."), code="conflict")
    if person.pk not in signers:
        raise ValidationError(
            _("%(person)s är varken ordförande eller justerare.") % {"person": person}
        )
    return signers[person.pk]


def _approved_at(
    approved_at: datetime.datetime | None, since: datetime.datetime
) -> datetime.datetime:
    at = approved_at or timezone.now()
    if at > timezone.now() or at < since:
        raise ValidationError(
            _("Justeringen sker efter att protokollet skickats för justering och inte i framtiden.")
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
    this moment, after the approval's own events, is kept on the posting and shown with it on
    the notice board: an anchor of the log outside the database."""
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
    posted = audit.create(actor=actor, instance=posting)
    events.posting_published(posted)
    return posted


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


def _person_of(actor: Actor) -> Person | None:
    return getattr(actor, "person", None) if actor is not None else None


def _freeze(
    actor: Actor, meeting: Meeting, reason: str = "", *, after_the_fact: bool = False
) -> MinutesVersion:
    """Render the minutes once as PDF/A, whole and as the public reads them, and store both
    as the meeting's next version; the event records each file's name and SHA-256."""
    latest = minutes_version(meeting=meeting)
    number = latest.number + 1 if latest else 1
    version = MinutesVersion(
        meeting=meeting,
        number=number,
        made_at=timezone.now(),
        made_by=_person_of(actor),
        reason=reason,
        after_the_fact=after_the_fact,
        approved_at=meeting.approved_at if after_the_fact else None,
    )
    full, public = packets.minutes_pdfs(meeting, version=version)
    _keep(version, full, public=False)
    _keep(version, public, public=True)
    return audit.create(actor=actor, instance=version)


def _keep(version: MinutesVersion, content: bytes, *, public: bool) -> None:
    """Store `content` as the version's full or public file (a new file: the one before stays
    in the storage, its hash in the log), and its hash beside it."""
    kind = "offentlig" if public else "fullstandig"
    name = f"v{version.number}-{kind}.pdf"
    if public:
        version.public_file.save(name, ContentFile(content), save=False)
        version.public_sha256 = hashlib.sha256(content).hexdigest()
    else:
        version.file.save(name, ContentFile(content), save=False)
        version.sha256 = hashlib.sha256(content).hexdigest()


def _current(meeting: Meeting) -> MinutesVersion:
    version = minutes_version(meeting=meeting)
    if version is None:
        raise ValidationError(_("Protokollet är inte skickat för justering än."), code="conflict")
    return version


@transaction.atomic
def minutes_send_for_approval(*, actor: Actor, meeting: Meeting) -> MinutesVersion:
    """Send the closed meeting's minutes for justering: rendered once as PDF/A and stored
    (`MinutesVersion` 1), which the chair and the checkers then sign. From here on the stored
    files are the minutes; nothing renders them again."""
    require_record_approval(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.CLOSED,))
    if len(minutes_signers(meeting=meeting)) < 2:
        raise ValidationError(
            _("Välj justerare innan protokollet skickas för justering."), code="conflict"
        )
    if meeting.minutes_versions.exists():
        raise ValidationError(_("Protokollet är redan skickat för justering."), code="conflict")
    return _freeze(actor, meeting)


def _approve(
    actor: Actor,
    meeting: Meeting,
    version: MinutesVersion,
    person: Person,
    *,
    method: str,
    approved_at: datetime.datetime,
) -> Approval:
    """Record one signer's justering of the version. With the last signer's the version is
    justerad; the first version's last signature approves the meeting: its delegated decisions
    count as reported, and the approval is posted on the notice board today."""
    role = _role_of(meeting, person)
    if version.approvals.filter(person=person).exists():
        raise ValidationError(
            _("%(person)s har redan justerat.") % {"person": person}, code="conflict"
        )
    approval = audit.create(
        actor=actor,
        instance=Approval(
            meeting=meeting,
            version=version,
            person=person,
            role=role,
            method=method,
            approved_at=approved_at,
        ),
    )
    signed = version.approvals.all()
    if set(minutes_signers(meeting=meeting)) <= {a.person_id for a in signed}:
        last = max(a.approved_at for a in signed)
        audit.update(actor=actor, instance=version, approved_at=last)
        if meeting.status == S.CLOSED:
            audit.update(actor=actor, instance=meeting, status=S.APPROVED, approved_at=last)
            _report_delegated(actor, meeting)
            adoption.orders_adopt(items=meeting.items.all())
            _post(actor, meeting, timezone.localdate(last))
            extracts_register(actor=None, meeting=meeting)
    return approval


@transaction.atomic
def minutes_sign(*, actor: Actor, meeting: Meeting) -> Approval:
    """The signed-in chair or minutes checker signs the stored minutes with a PAdES signature
    of their own (`signing`): both files of the newest version, whose signed states replace
    them, each new hash in the log. Nobody signs for another, the secretary included."""
    person = require_sign_minutes(actor, meeting)
    meeting = _locked(meeting, (S.CLOSED, S.APPROVED))
    version = _current(meeting)
    if version.approvals.filter(person=person).exists():
        raise ValidationError(
            _("%(person)s har redan justerat.") % {"person": person}, code="conflict"
        )
    with translation.override(settings.LANGUAGE_CODE):  # the signature's reason, in the PDF
        reason = _("Justering av protokoll %(minutes)s, version %(number)d") % {
            "minutes": minutes_name(meeting),
            "number": version.number,
        }
    signer = signing.signer()
    for public in (False, True):
        stored = version.public_file if public else version.file
        with stored.open("rb") as unsigned:
            content = unsigned.read()
        signed = signer.sign(
            content, name=person.name, key=signing.person_key(person.pk), reason=reason
        )
        _keep(version, signed, public=public)
    audit.update(
        actor=actor,
        instance=version,
        file=version.file.name,
        sha256=version.sha256,
        public_file=version.public_file.name,
        public_sha256=version.public_sha256,
    )
    return _approve(
        actor, meeting, version, person, method=Approval.Method.DIGITAL, approved_at=timezone.now()
    )


@transaction.atomic
def minutes_approve(
    *,
    actor: Actor,
    meeting: Meeting,
    person: Person,
    approved_at: datetime.datetime | None = None,
) -> Approval:
    """Record that the chair or a minutes checker signed the stored minutes on paper, now or
    when they did (`approved_at`, not before the minutes were sent for justering)."""
    require_record_approval(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.CLOSED, S.APPROVED))
    version = _current(meeting)
    at = _approved_at(approved_at, version.made_at)
    return _approve(actor, meeting, version, person, method=Approval.Method.PAPER, approved_at=at)


@transaction.atomic
def minutes_store_approved(*, actor: Actor, meeting: Meeting) -> MinutesVersion | None:
    """Store, once, the minutes of a meeting approved before Kansli stored minutes when they
    were sent for justering: rendered now from the database as it stands, as version 1 marked
    `after_the_fact` (printed on it, and in the event), justerad when the meeting was. From
    then on every path serves the stored file. None if the meeting already has a version."""
    require_record_approval(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.APPROVED,))
    if meeting.minutes_versions.exists():
        return None
    return _freeze(actor, meeting, after_the_fact=True)


@transaction.atomic
def minutes_correct(*, actor: Actor, meeting: Meeting, reason: str) -> MinutesVersion:
    """Protokollsrättelse: render the approved minutes again as a new version, with the reason
    printed in it, keeping every version before. The new version is signed again."""
    require_correct_minutes(actor, meeting.organization.body_id)
    meeting = _locked(meeting, (S.APPROVED,))
    if not reason.strip():
        raise ValidationError(_("Ange skälet till rättelsen."))
    return _freeze(actor, meeting, reason.strip())


@transaction.atomic
def item_approve_immediately(*, actor: Actor, item: AgendaItem, person: Person) -> Approval:
    """Record one signer's approval of one dealt-with item at the meeting (omedelbar
    justering), signed on paper. With the chair's and every checker's the item is approved and
    posted on its own."""
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
        instance=Approval(
            meeting=meeting,
            item=item,
            person=person,
            role=role,
            method=Approval.Method.PAPER,
            approved_at=now,
        ),
    )
    if set(minutes_signers(meeting=meeting)) <= set(
        item.approvals.values_list("person_id", flat=True)
    ):
        item = audit.update(actor=actor, instance=item, approved_immediately_at=now)
        adoption.orders_adopt(items=[item])
        _freeze_extract(actor, item, now)
        _post(actor, meeting, timezone.localdate(now), item)
    return approval


def _freeze_extract(actor: Actor, item: AgendaItem, approved_at: datetime.datetime) -> ItemExtract:
    """Render the approved paragraph's protokollsutdrag once as PDF/A and store it, its
    SHA-256 on the row and in the event of its creation: what is served and sent of it from
    now on."""
    content = packets.extract_stored(item).read()
    extract = ItemExtract(
        item=item, made_at=approved_at, sha256=hashlib.sha256(content).hexdigest()
    )
    extract.file.save(f"utdrag-{item.minute_number}.pdf", ContentFile(content), save=False)
    return audit.create(actor=actor, instance=extract)


# The members' own side -------------------------------------------------------------------


def _own_person(actor: Actor) -> Person:
    """The person the actor signs in as: an absence is only ever reported by the one absent."""
    person = getattr(actor, "person", None)
    if person is None:
        raise ValidationError(_("Förhinder anmäls av ledamoten eller ersättaren själv."))
    return person


def _words(meeting: Meeting) -> dict[str, object]:
    return {
        "organization": meeting.organization,
        "date": f"{meeting_day(meeting):%Y-%m-%d}",
        "time": f"{timezone.localtime(meeting.starts_at):%H:%M}",
        "place": meeting.place or _("plats meddelas senare"),
    }


def _secretaries(meeting: Meeting) -> list[Person]:
    """Who hears of absences: the meeting's secretary, else the body's secretaries."""
    if meeting.secretary is not None and meeting.secretary.email:
        return [meeting.secretary]
    people = Person.objects.filter(
        body=meeting.organization.body, user__groups__name=Role.SECRETARY, user__is_active=True
    ).exclude(email="")
    return list(people.distinct().order_by("pk"))


def _call_substitute(meeting: Meeting, member: Person) -> tuple[Person | None, str]:
    """Call the first free substitute in the order of `rules.substitute_order` to serve for
    the absent member, through `substitute_serve`, which refuses whom the law does not let
    serve (in the council a substitute of another party, KL 5 kap. 17 §). The one called, or
    why nobody was."""
    row = meeting.attendance.select_related("membership").get(person=member)
    party = row.membership.party if row.membership is not None else ""
    first = _next_substitute(_available_substitutes(meeting), party)
    if first is None:
        return None, _("ingen ersättare är ledig.")
    try:
        with transaction.atomic():
            substitute_serve(
                actor=None, meeting=meeting, substitute=first.person, serves_for=member
            )
    except ValidationError as error:
        return None, " ".join(error.messages)
    return first.person, ""


@in_records_language
def _called_letter(meeting: Meeting, substitute: Person, member: Person) -> deliveries.Letter:
    """ "Du kallas att tjänstgöra …", with the notice once it has gone out (attached when sent,
    `deliveries._letter`)."""
    words = _words(meeting) | {"member": member}
    notice = meeting.notice_sent_at is not None
    return deliveries.Letter(
        kind=Delivery.Kind.SUBSTITUTE_CALLED,
        to=[substitute],
        subject=_("Du kallas att tjänstgöra: %(organization)s %(date)s") % words,
        body="\n\n".join(
            [
                _(
                    "Du kallas att tjänstgöra för %(member)s vid sammanträdet med "
                    "%(organization)s den %(date)s klockan %(time)s, %(place)s."
                )
                % words,
                _("Kallelsen med föredragningslistan är bifogad.")
                if notice
                else _("Kallelsen kommer när dagordningen är klar."),
                _(
                    "Handlingarna för ledamöter hämtar du inloggad under Mina sammanträden, "
                    "där du också anmäler förhinder."
                ),
            ]
        ),
    )


@in_records_language
def _absence_letters(
    meeting: Meeting, row: Attendance, member: Person | None, called: Person | None, reason: str
) -> list[deliveries.Letter]:
    """The substitute called is told; the secretary hears of the absence, who was called and
    whether they could be told, or why nobody was."""
    words = _words(meeting) | {"person": row.person, "member": member, "substitute": called}
    lines = [
        _("%(person)s har anmält förhinder till sammanträdet med %(organization)s den %(date)s.")
        % words
    ]
    if row.absence_note:
        lines.append(_("Meddelande: %(note)s") % {"note": row.absence_note})
    if called is not None and member is not None:
        lines.append(
            _("%(substitute)s är kallad att tjänstgöra för %(member)s och har fått besked.") % words
            if called.email
            else _(
                "%(substitute)s är kallad att tjänstgöra för %(member)s men har ingen "
                "e-postadress: meddela ersättaren på annat sätt."
            )
            % words
        )
    elif member is not None:
        lines.append(
            _("Ingen ersättare kunde kallas för %(member)s: %(reason)s")
            % (words | {"reason": reason})
        )
    letters = [
        deliveries.Letter(
            kind=Delivery.Kind.ABSENCE,
            to=_secretaries(meeting),
            subject=_("Förhinder anmält: %(organization)s %(date)s") % words,
            body="\n\n".join(lines),
        )
    ]
    if called is not None and member is not None:
        letters.append(_called_letter(meeting, called, member))
    return letters


@transaction.atomic
def absence_report(*, actor: Actor, meeting: Meeting, note: str = "") -> Attendance:
    """The actor, a member or substitute of the organ, reports that they cannot come to a
    meeting not yet opened (anmäl förhinder). They are marked absent with the time of the
    report and its note. In their place, or, for a substitute serving, in the place of the
    member they served for, the next free substitute is called to serve (`_call_substitute`)
    and told by e-mail; the secretary is told, also when no substitute is left."""
    require_report_absence(actor, meeting)
    person = _own_person(actor)
    note = note.strip()
    if len(note) > Attendance.ABSENCE_NOTE_LENGTH:
        raise ValidationError(
            _("Meddelandet får vara högst %(length)s tecken.")
            % {"length": Attendance.ABSENCE_NOTE_LENGTH}
        )
    meeting = _locked(meeting, BEFORE)
    attendance_prefill(actor=None, meeting=meeting)
    row = meeting.attendance.select_related("serves_for").get(person=person)
    if row.absence_reported_at is not None and not row.present:
        raise ValidationError(
            _("Du har redan anmält förhinder till sammanträdet."), code="conflict"
        )
    member = person if row.capacity == Attendance.Capacity.MEMBER else row.serves_for
    attendance_set(actor=None, meeting=meeting, person=person, present=False)
    row = audit.update(
        actor=actor,
        instance=meeting.attendance.select_related("person").get(pk=row.pk),
        absence_reported_at=timezone.now(),
        absence_note=note,
    )
    called, reason = _call_substitute(meeting, member) if member is not None else (None, "")
    deliveries.letters_queue(actor, meeting, _absence_letters(meeting, row, member, called, reason))
    return row


@in_records_language
def _withdrawn_letters(
    meeting: Meeting, person: Person, released: list[Person]
) -> list[deliveries.Letter]:
    """The substitutes who served in the person's place are told they need not; so is the
    secretary."""
    words = _words(meeting) | {"person": person}
    lines = [
        _(
            "%(person)s har återtagit sin anmälan om förhinder till sammanträdet med "
            "%(organization)s den %(date)s och kommer."
        )
        % words
    ]
    lines += [
        _("%(substitute)s tjänstgör inte längre för %(person)s och har fått besked.")
        % (words | {"substitute": substitute})
        for substitute in released
    ]
    return [
        deliveries.Letter(
            kind=Delivery.Kind.ABSENCE_WITHDRAWN,
            to=_secretaries(meeting),
            subject=_("Förhinder återtaget: %(organization)s %(date)s") % words,
            body="\n\n".join(lines),
        ),
        deliveries.Letter(
            kind=Delivery.Kind.SUBSTITUTE_RELEASED,
            to=released,
            subject=_("Du behöver inte tjänstgöra: %(organization)s %(date)s") % words,
            body=_(
                "%(person)s kommer till sammanträdet med %(organization)s den %(date)s, och du "
                "tjänstgör inte längre i dennes ställe."
            )
            % words,
        ),
    ]


@transaction.atomic
def absence_withdraw(*, actor: Actor, meeting: Meeting) -> Attendance:
    """The actor takes back their report of absence before the meeting is opened: they are
    present again, and a member takes the seat back from the substitute called for them
    (`attendance_set`). The substitute and the secretary are told."""
    require_report_absence(actor, meeting)
    person = _own_person(actor)
    meeting = _locked(meeting, BEFORE)
    row = meeting.attendance.filter(person=person, absence_reported_at__isnull=False).first()
    if row is None:
        raise ValidationError(_("Du har inte anmält förhinder till sammanträdet."), code="conflict")
    released = [
        serving.person
        for serving in meeting.attendance.filter(serves_for=person).select_related("person")
    ]
    attendance_set(actor=None, meeting=meeting, person=person, present=True)
    row = audit.update(
        actor=actor,
        instance=meeting.attendance.get(pk=row.pk),
        absence_reported_at=None,
        absence_note="",
    )
    deliveries.letters_queue(actor, meeting, _withdrawn_letters(meeting, person, released))
    return row


@transaction.atomic
def calendar_feed_create(*, actor: Actor, person: Person) -> tuple[CalendarFeed, str]:
    """Give the person a new secret link to the calendar of their meetings, revoking the one
    they had. The token is returned here, once; only its digest is kept."""
    require_own_calendar(actor, person)
    now = timezone.now()
    for feed in CalendarFeed.objects.select_for_update().filter(
        person=person, revoked_at__isnull=True
    ):
        audit.update(actor=actor, instance=feed, revoked_at=now)
    token = ApiToken.new_key()
    feed = CalendarFeed(person=person, digest=ApiToken.digest_of(token))
    return audit.create(actor=actor, instance=feed), token


@transaction.atomic
def calendar_feed_revoke(*, actor: Actor, person: Person) -> CalendarFeed:
    """Revoke the person's calendar link: it opens nothing from now on."""
    require_own_calendar(actor, person)
    feed = (
        CalendarFeed.objects.select_for_update()
        .filter(person=person, revoked_at__isnull=True)
        .first()
    )
    if feed is None:
        raise ValidationError(_("Det finns ingen kalenderlänk att återkalla."), code="conflict")
    return audit.update(actor=actor, instance=feed, revoked_at=timezone.now())
