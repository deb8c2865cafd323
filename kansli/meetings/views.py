"""The meeting pages: the secretary's (the meeting plan, the meeting with its agenda and notice,
the meeting in session, the approval of the minutes and the posting) and the public's (the
calendar, the public agenda and minutes, the notice board and the iCalendar feeds).

Thin views: each action parses one form and calls one service of `kansli.meetings.services`,
which validates and checks again who may act. The secretary's pages and tools are shown only to
whom the meetings' policy lets use them; a refusal that comes after a post keeps the input on
the form. What the public sees of a case passes the registry's visibility function as the
anonymous user, so a secret case title stays masked.
"""

from collections.abc import Callable
from typing import Any, NamedTuple

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansli import generated, legal_time
from kansli.accounts.policy import Actor
from kansli.decisions.models import AssignmentReport
from kansli.decisions.selectors import execution_for_meeting
from kansli.decisions.views import csv_query, csv_wanted
from kansli.decisions.views.assignments import assignment_found, detail_after
from kansli.decisions.views.execution import BOARD_HEADER, board_rows
from kansli.decisions.views.register import readable_body
from kansli.exports import csv_response
from kansli.meetings import calendar, packets, selectors, services
from kansli.meetings.forms import (
    AbsenceForm,
    ActionForm,
    AdjournmentForm,
    AgendaForm,
    AnnouncementForm,
    AnnouncementPostForm,
    AttachmentForm,
    CancelForm,
    CheckersForm,
    ConfirmedForm,
    CorrectionForm,
    DecideForm,
    DisqualificationForm,
    DissentForm,
    DissentReasonsForm,
    ItemAddForm,
    ItemMoveForm,
    ItemStatusForm,
    MinuteNoteForm,
    NoticeForm,
    OfficialForm,
    PaperApprovalForm,
    PlanForm,
    PresenceForm,
    ProposalForm,
    RapporteurForm,
    RecipientsForm,
    ScheduleForm,
    SecretBallotForm,
    SectionsForm,
    SignerForm,
    SubstituteForm,
    VoteForm,
)
from kansli.meetings.models import AgendaItem, Delivery, Meeting, Notice
from kansli.meetings.policy import (
    PUBLISHED,
    has_seat,
    item_title,
    may_correct_minutes,
    may_manage,
    may_read_full_minutes,
    may_read_members_packet,
    may_read_person_feed,
    may_record_approval,
    may_report_absence,
    may_sign_minutes,
    refuse_full_minutes,
    refuse_justering,
    refuse_managing,
    refuse_members_packet,
    refuse_own_meetings,
)
from kansli.organisation.models import Body, Organization, Person
from kansli.registry.visibility import CaseView, case_view
from kansli.texts import StrOrPromise
from kansli.web.forms import form_written

DETAIL, SESSION = "meetings:meeting_detail", "meetings:meeting_session"
# A meeting not yet held: its agenda built, its notice sent, or cancelled.
BEFORE = (Meeting.Status.PLANNED, Meeting.Status.CALLED)


def _meeting(body: str, meeting: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("organization__body", "chair", "secretary"),
        organization__body__slug=body,
        pk=meeting,
    )


def _file(content: bytes, content_type: str, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _ics(content: bytes, filename: str) -> HttpResponse:
    return _file(content, "text/calendar; charset=utf-8", filename, inline=False)


# The meeting plan


@require_http_methods(["GET", "POST"])
def meeting_plan(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    if not may_manage(request.user, body_):
        raise refuse_managing(body_)
    plan_form = PlanForm(request.GET or None, body=body_, initial={"ar": timezone.localdate().year})
    organization, year = None, None
    if plan_form.is_valid():
        organization, year = plan_form.cleaned_data["organisation"], plan_form.cleaned_data["ar"]
    schedule_form = ScheduleForm(request.POST if request.method == "POST" else None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and organization is not None:

        def scheduled(meeting: Meeting) -> HttpResponse:
            messages.success(request, _("Sammanträdet är planerat."))
            return redirect(DETAIL, body_.slug, meeting.pk)

        written = form_written(
            schedule_form,
            lambda data: services.meeting_schedule(
                actor=request.user, organization=organization, **schedule_form.arguments()
            ),
            done=scheduled,
        )
        if written.response is not None:
            return written.response
        status = written.status
    context = {
        "body": body_,
        "plan_form": plan_form,
        "schedule_form": schedule_form,
        "organization": organization,
        "year": year,
        "meetings": selectors.meeting_plan(organization=organization, year=year)
        if organization and year
        else [],
    }
    return render(request, "meetings/plan.html", context, status=status)


# The actions on a meeting and its items: one form, one service each


class Action(NamedTuple):
    form: type[ActionForm]
    service: Callable[..., Any]
    page: str
    done: StrOrPromise
    # Who is offered the action's form, by the body (the service refuses anyone else).
    allowed: Callable[[Any, Body | int], bool] = may_manage


MEETING_ACTIONS: dict[str, Action] = {
    "dagordning": Action(
        ActionForm, services.agenda_build, DETAIL, gettext_lazy("Dagordningen är byggd.")
    ),
    "tillkannagivande": Action(
        AnnouncementForm,
        services.announcement_record,
        DETAIL,
        gettext_lazy("Tillkännagivandet på anslagstavlan är antecknat."),
    ),
    "punkt": Action(ItemAddForm, services.item_add, DETAIL, gettext_lazy("Punkten är tillagd.")),
    "kallelse": Action(
        ConfirmedForm,
        services.notice_send,
        DETAIL,
        gettext_lazy("Kallelsen skickas till var och en: se utskicken på sidan."),
    ),
    "installa": Action(
        CancelForm, services.meeting_cancel, DETAIL, gettext_lazy("Sammanträdet är inställt.")
    ),
    "narvarolista": Action(
        ActionForm,
        services.attendance_prefill,
        SESSION,
        gettext_lazy("Närvarolistan är ifylld med ledamöter och ersättare."),
    ),
    "narvaro": Action(
        PresenceForm, services.attendance_set, SESSION, gettext_lazy("Närvaron är ändrad.")
    ),
    "ersattare": Action(
        SubstituteForm,
        services.substitute_serve,
        SESSION,
        gettext_lazy("Ersättaren tjänstgör."),
    ),
    "tjansteperson": Action(
        OfficialForm,
        services.official_attend,
        SESSION,
        gettext_lazy("Tjänstepersonen är antecknad som närvarande."),
    ),
    "justerare": Action(
        CheckersForm,
        services.minutes_checkers_set,
        SESSION,
        gettext_lazy("Justerarna är valda."),
    ),
    "oppna": Action(
        ActionForm, services.meeting_open, SESSION, gettext_lazy("Sammanträdet är öppnat.")
    ),
    "ajournering": Action(
        AdjournmentForm,
        services.adjournment_record,
        SESSION,
        gettext_lazy("Ajourneringen är antecknad."),
    ),
    "narvaroparagrafer": Action(
        SectionsForm,
        services.attendance_sections_set,
        SESSION,
        gettext_lazy("Närvaron per paragraf är antecknad."),
    ),
    "avsluta": Action(
        ActionForm, services.meeting_close, SESSION, gettext_lazy("Sammanträdet är avslutat.")
    ),
}

ITEM_ACTIONS: dict[str, Action] = {
    "flytta": Action(ItemMoveForm, services.item_move, DETAIL, gettext_lazy("Punkten är flyttad.")),
    "foredragande": Action(
        RapporteurForm,
        services.rapporteur_set,
        DETAIL,
        gettext_lazy("Föredraganden är angiven."),
    ),
    "bilaga": Action(
        AttachmentForm, services.attachment_add, DETAIL, gettext_lazy("Bilagan är tillagd.")
    ),
    "jav": Action(
        DisqualificationForm,
        services.disqualification_record,
        SESSION,
        gettext_lazy("Jävet är antecknat."),
    ),
    "yrkande": Action(
        ProposalForm, services.proposal_add, SESSION, gettext_lazy("Yrkandet är antecknat.")
    ),
    "beslut": Action(
        DecideForm, services.item_decide, SESSION, gettext_lazy("Beslutet är fattat.")
    ),
    "votering": Action(
        VoteForm, services.vote_record, SESSION, gettext_lazy("Voteringen är registrerad.")
    ),
    "sluten": Action(
        SecretBallotForm,
        services.vote_record,
        SESSION,
        gettext_lazy("Den slutna omröstningen är registrerad."),
    ),
    "atgard": Action(
        ItemStatusForm, services.item_note, SESSION, gettext_lazy("Punkten är behandlad.")
    ),
    "expediering": Action(
        RecipientsForm,
        services.recipients_set,
        SESSION,
        gettext_lazy("Mottagarna av beslutet är antecknade."),
    ),
    "reservation": Action(
        DissentForm, services.dissent_record, SESSION, gettext_lazy("Reservationen är antecknad.")
    ),
    "motivering": Action(
        DissentReasonsForm,
        services.dissent_reasons_add,
        SESSION,
        gettext_lazy("Den skriftliga motiveringen är antecknad."),
    ),
    "anteckning": Action(
        MinuteNoteForm,
        services.minute_note_add,
        SESSION,
        gettext_lazy("Protokollsanteckningen är antecknad."),
    ),
    "omedelbar": Action(
        SignerForm,
        services.item_approve_immediately,
        SESSION,
        gettext_lazy("Punkten är justerad omedelbart."),
        may_record_approval,
    ),
}


def _form(
    name: str, meeting: Meeting, item: AgendaItem | None = None, data: Any = None
) -> ActionForm:
    action = ITEM_ACTIONS[name] if item else MEETING_ACTIONS[name]
    extra = {}
    if action.form is VoteForm:
        extra["voters"] = list(selectors.serving_members(meeting=meeting, item=item))
    prefix = f"{name}-{item.pk}" if item else name
    form = action.form(data, meeting=meeting, item=item, prefix=prefix, **extra)
    form.name = name
    body = meeting.organization.body.slug
    form.url = (
        reverse("meetings:item_action", args=[body, meeting.pk, item.pk, name])
        if item
        else reverse("meetings:meeting_action", args=[body, meeting.pk, name])
    )
    return form


def _applies(name: str, item: AgendaItem) -> bool:
    """Does the action apply to the item: an attachment to a case's item, a vote between two
    proposals at least, a secret ballot in an election only, written reasons to a dissent
    without them?"""
    if name in ("bilaga", "expediering"):
        return item.case_id is not None
    if name == "votering":
        return len(item.proposals.all()) > 1
    if name == "sluten":
        return item.kind == AgendaItem.Kind.ELECTION and len(item.proposals.all()) > 1
    if name == "motivering":
        return any(not dissent.reasons for dissent in item.dissents.all())
    return True


def _page(
    request: HttpRequest,
    meeting: Meeting,
    page: str,
    *,
    failed: ActionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The meeting page or the session page with a fresh form for each action, or with the
    form that failed in its place."""
    body = meeting.organization.body
    meeting = selectors.meeting_detail(meeting=meeting)
    public = AnonymousUser()

    def offered(actions: dict[str, Action]) -> list[str]:
        return [
            name
            for name, action in actions.items()
            if action.page == page and action.allowed(request.user, body)
        ]

    forms = {name: _form(name, meeting) for name in offered(MEETING_ACTIONS)}
    item_actions = offered(ITEM_ACTIONS)
    items = []
    for item in meeting.items.all():
        item_forms = {
            name: _form(name, meeting, item) for name in item_actions if _applies(name, item)
        }
        if failed is not None and failed.item is not None and failed.item.pk == item.pk:
            item_forms[failed.name] = failed
        title, masked = item_title(request.user, item)
        public_title, _masked = item_title(public, item)
        items.append(_ItemRow(item, title, public_title, item_forms, title if masked else ""))
    if failed is not None and failed.item is None:
        forms[failed.name] = failed
    context = {
        "body": body,
        "meeting": meeting,
        "items": items,
        "left_out": _left_out(request.user, meeting) if page == DETAIL else [],
        "notice_warning": _notice_warning(meeting),
        "forms": forms,
        "failed": failed,
        "may_read_documents": may_read_members_packet(request.user, meeting),
        "statuses": Meeting.Status,
        "item_statuses": AgendaItem.Status,
        "quorum": selectors.quorum_of(meeting=meeting) if page == SESSION else None,
        **(_deliveries(meeting) if page == DETAIL else {}),
        # The agenda can be changed until the meeting is over.
        "editable": meeting.status
        in (Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.OPENED),
    }
    template = "meetings/meeting.html" if page == DETAIL else "meetings/session.html"
    return render(request, template, context, status=status)


def _left_out(user: Actor, meeting: Meeting) -> list[tuple[CaseView, str]]:
    """After the agenda is built, until the meeting opens: the cases it left out and why, each
    case as the user may see it."""
    if meeting.status not in BEFORE or not meeting.items.all():
        return []
    return [
        (case_view(user, row.case), row.reason) for row in selectors.cases_left_out(meeting=meeting)
    ]


def _notice_warning(meeting: Meeting) -> str:
    """Whether the notice went out, or would go out today, too late for the organ."""
    if meeting.status not in BEFORE:
        return ""
    sent = meeting.notice_sent_at
    on = timezone.localdate(sent) if sent else timezone.localdate()
    return selectors.notice_warning(meeting=meeting, on=on)


class _ItemRow(NamedTuple):
    item: AgendaItem
    title: str  # as the signed-in user may see it
    public_title: str  # as it reads on the public agenda
    forms: dict[str, ActionForm]
    # What the item's texts (proposals, resolution, jäv grounds, notes) read as when the
    # registry's visibility masks its case from the user; empty when they are shown.
    mask: str


def _managed(request: HttpRequest, body: str, meeting: int) -> Meeting:
    """The meeting, for the secretary's pages: refused to anyone who may not hold it."""
    meeting_ = _meeting(body, meeting)
    if not may_manage(request.user, meeting_.organization.body):
        raise refuse_managing(meeting_.organization.body)
    return meeting_


@require_GET
def meeting_detail(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    return _page(request, _managed(request, body, meeting), DETAIL)


@require_GET
def meeting_session(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    return _page(request, _managed(request, body, meeting), SESSION)


def _deliveries(meeting: Meeting) -> dict[str, Any]:
    """The meeting's e-mails, each delivery with its state, and whether any is still on its
    way (the list then polls)."""
    deliveries = list(meeting.deliveries.select_related("person").order_by("pk"))
    return {
        "deliveries": deliveries,
        "deliveries_pending": any(delivery.pending for delivery in deliveries),
        "states": Delivery.State,
    }


@require_GET
def meeting_deliveries(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    """The list of the meeting's deliveries, which the meeting page polls while any is on its
    way: the secretary's only."""
    meeting_ = _managed(request, body, meeting)
    context = {"body": meeting_.organization.body, "meeting": meeting_, **_deliveries(meeting_)}
    return render(request, "meetings/includes/deliveries.html", context)


@require_POST
def delivery_resend(request: HttpRequest, body: str, meeting: int, delivery: int) -> HttpResponse:
    """Send again one delivery that failed or is uncertain (`services.delivery_resend`)."""
    meeting_ = _managed(request, body, meeting)
    delivery_ = get_object_or_404(
        Delivery.objects.select_related("person", "meeting__organization"),
        meeting=meeting_,
        pk=delivery,
    )
    try:
        services.delivery_resend(actor=request.user, delivery=delivery_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _page(request, meeting_, DETAIL, status=409)
    messages.success(
        request, _("Utskicket till %(name)s skickas igen.") % {"name": delivery_.person.name}
    )
    url = reverse(DETAIL, args=[meeting_.organization.body.slug, meeting_.pk])
    return redirect(f"{url}#utskick")


CONFIRMED = {"kallelse": "meetings/notice_confirm.html", "installa": "meetings/cancel_confirm.html"}


@require_GET
def meeting_confirm(request: HttpRequest, body: str, meeting: int, action: str) -> HttpResponse:
    """The page that asks before the notice is sent (again) or the meeting is cancelled, and
    says to whom it goes; its form posts to the action."""
    meeting_ = _managed(request, body, meeting)
    if action not in CONFIRMED:
        raise Http404
    recipients = (
        selectors.notice_recipients(meeting=meeting_)
        if action == "kallelse"
        else [delivery.person for delivery in selectors.notice_deliveries(meeting=meeting_)]
    )
    context = {
        "body": meeting_.organization.body,
        "meeting": meeting_,
        "statuses": Meeting.Status,
        "form": _form(action, meeting_),
        "recipients": recipients,
        "period": selectors.notice_period(meeting=meeting_),
        "notice_warning": selectors.notice_warning(meeting=meeting_, on=timezone.localdate()),
        "open": meeting_.status in BEFORE,
    }
    return render(request, CONFIRMED[action], context)


def _act(
    request: HttpRequest, meeting: Meeting, name: str, item: AgendaItem | None
) -> HttpResponse:
    action = (ITEM_ACTIONS if item else MEETING_ACTIONS).get(name)
    if action is None:
        raise Http404
    form = _form(name, meeting, item, request.POST)
    target = {"item": item} if item else {"meeting": meeting}

    def done(_result: object) -> HttpResponse:
        messages.success(request, action.done)
        url = reverse(action.page, args=[meeting.organization.body.slug, meeting.pk])
        return redirect(f"{url}#punkt-{item.pk}" if item else url)

    written = form_written(
        form,
        lambda data: action.service(actor=request.user, **target, **form.arguments()),
        done=done,
    )
    return written.response or _page(
        request, meeting, action.page, failed=form, status=written.status
    )


@require_POST
def meeting_action(request: HttpRequest, body: str, meeting: int, action: str) -> HttpResponse:
    return _act(request, _managed(request, body, meeting), action, None)


@require_POST
def item_action(
    request: HttpRequest, body: str, meeting: int, item: int, action: str
) -> HttpResponse:
    meeting_ = _managed(request, body, meeting)
    item_ = get_object_or_404(AgendaItem.objects.select_related("case"), meeting=meeting_, pk=item)
    return _act(request, meeting_, action, item_)


class Download(NamedTuple):
    """A document of the meeting's own page: who may fetch it, the refusal, and how it is made
    for the user."""

    allowed: Callable[[Actor, Meeting], bool]
    refusal: Callable[[Body], PermissionDenied]
    make: Callable[[Meeting, Actor], generated.Stored]


DOWNLOADS = {
    "kallelse": Download(
        may_read_members_packet, refuse_members_packet, lambda m, _user: packets.notice_stored(m)
    ),
    "ledamotshandlingar": Download(
        may_read_members_packet, refuse_members_packet, packets.members_packet_stored
    ),
    "protokoll": Download(
        may_read_full_minutes,
        refuse_full_minutes,
        lambda m, user: packets.minutes_served(m, public=False, user=user),
    ),
}


@require_GET
def meeting_document(request: HttpRequest, body: str, meeting: int, document: str) -> HttpResponse:
    """The notice and the members' packet, for the secretaries and the organ's members; the
    full minutes, for the secretaries: each stored once per version, served privately."""
    meeting_ = _meeting(body, meeting)
    download = DOWNLOADS.get(document)
    if download is None:
        raise Http404
    if not download.allowed(request.user, meeting_):
        raise download.refusal(meeting_.organization.body)
    made = download.make(meeting_, request.user)
    return generated.serve(request, made, f"{document}-{meeting_.pk}.pdf", public=False)


# The public side: the anonymous user, through the registry's visibility


@login_not_required
@require_GET
def public_calendar(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    meetings = Meeting.objects.filter(
        organization__body=body_, starts_at__date__gte=today
    ).select_related("organization")
    context = {
        "body": body_,
        "meetings": meetings,
        "organizations": Organization.objects.filter(
            body=body_, kind__in=Organization.POLITICAL_KINDS, meetings__isnull=False
        ).distinct(),
        "published": PUBLISHED,
        "may_manage": may_manage(request.user, body_),
        "seated": has_seat(request.user, body_),
    }
    return render(request, "meetings/public_calendar.html", context)


def _published(body: str, meeting: int) -> Meeting:
    meeting_ = _meeting(body, meeting)
    if meeting_.status not in PUBLISHED:
        raise Http404(_("Sammanträdet är inte kallat."))
    return meeting_


@login_not_required
@require_GET
def public_agenda(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    meeting_ = selectors.meeting_detail(meeting=_published(body, meeting))
    public = AnonymousUser()
    context = {
        "body": meeting_.organization.body,
        "meeting": meeting_,
        "items": [(item, item_title(public, item)[0]) for item in meeting_.items.all()],
        "approved": meeting_.status == Meeting.Status.APPROVED,
        **_justering_shown(meeting_),
        "postings": meeting_.postings.all(),
        "may_read_packet": may_read_members_packet(request.user, meeting_),
    }
    return render(request, "meetings/public_agenda.html", context)


def _justering_shown(meeting: Meeting) -> dict[str, Any]:
    """The approved minutes' versions, and the newest one's signatures validated from its
    file, for the public page."""
    version = selectors.minutes_version(meeting=meeting)
    if meeting.status != Meeting.Status.APPROVED or version is None:
        return {"versions": [], "signed": None}
    return {
        "versions": list(meeting.minutes_versions.all()),
        "signed": selectors.minutes_signed(version=version),
    }


@login_not_required
@require_GET
def public_packet(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    meeting_ = _published(body, meeting)
    packet = packets.public_packet_stored(meeting_)
    return generated.serve(request, packet, f"handlingar-{meeting_.pk}.pdf", public=True)


@login_not_required
@require_GET
def public_minutes(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    meeting_ = _meeting(body, meeting)
    if meeting_.status != Meeting.Status.APPROVED:
        raise Http404(_("Protokollet är inte justerat."))
    minutes = packets.minutes_served(meeting_, public=True)
    return generated.serve(request, minutes, f"protokoll-{meeting_.pk}.pdf", public=True)


@login_not_required
@require_GET
def item_extract(request: HttpRequest, body: str, meeting: int, item: int) -> HttpResponse:
    """The stored protokollsutdrag of a paragraph approved at once, as it was approved: to
    anyone from whom the registry's visibility hides nothing of its case, else not found."""
    meeting_ = _meeting(body, meeting)
    item_ = get_object_or_404(
        meeting_.items.select_related("case", "frozen_extract"),
        pk=item,
        frozen_extract__isnull=False,
    )
    if item_title(request.user, item_)[1]:
        raise Http404(_("Protokollsutdraget omfattas av sekretess."))
    extract = generated.frozen(item_.frozen_extract.file, item_.frozen_extract.sha256)
    filename = f"protokollsutdrag-{meeting_.pk}-{item_.minute_number}.pdf"
    public = not item_title(AnonymousUser(), item_)[1]
    return generated.serve(request, extract, filename, public=public)


def _board_links(body: Body) -> dict[str, str]:
    return {
        "rss": reverse("meetings:board_rss", args=[body.slug]),
        "atom": reverse("meetings:board_atom", args=[body.slug]),
    }


@login_not_required
@require_GET
def posting_board(request: HttpRequest, body: str) -> HttpResponse:
    """The official notice board: minutes postings (KL 8 kap. 12 §), the council's
    announcements (KL 5 kap. 11 §) and other notices; to the secretary also what to post."""
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    context: dict[str, Any] = {
        "body": body_,
        "postings": selectors.current_postings(body=body_, on=today),
        "notices": selectors.current_notices(body=body_, on=today),
        "today": today,
        "feeds": _board_links(body_),
        "may_post": may_manage(request.user, body_),
    }
    if context["may_post"]:
        context["unannounced"] = [
            (meeting, legal_time.announcement_latest(selectors.meeting_day(meeting)))
            for meeting in Meeting.objects.filter(
                organization__body=body_,
                organization__kind=Organization.Kind.COUNCIL,
                status__in=BEFORE,
                starts_at__date__gt=today,
            )
            .exclude(notices__kind=Notice.Kind.ANNOUNCEMENT)
            .select_related("organization")
        ]
    return render(request, "meetings/posting_board.html", context)


@login_not_required
@require_GET
def posting_archive(request: HttpRequest, body: str) -> HttpResponse:
    """What was taken down from the notice board, a year at a time (?ar=2026)."""
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("ar", today.year))
    except ValueError:
        year = today.year
    if not 2000 <= year <= today.year:
        year = today.year
    context = {
        "body": body_,
        "year": year,
        "years": range(today.year, today.year - 6, -1),
        "postings": selectors.archived_postings(body=body_, year=year, on=today),
        "notices": selectors.archived_notices(body=body_, year=year, on=today),
    }
    return render(request, "meetings/posting_archive.html", context)


@login_not_required
@require_GET
def notice_detail(request: HttpRequest, body: str, notice: int) -> HttpResponse:
    """A notice as it was posted, with its checksum: public, on the board or taken down."""
    notice_ = get_object_or_404(
        Notice.objects.select_related("body", "meeting__organization"),
        body__slug=body,
        pk=notice,
        posted_on__lte=timezone.localdate(),
    )
    context = {"body": notice_.body, "notice": notice_, "today": timezone.localdate()}
    return render(request, "meetings/notice.html", context)


def _poster(request: HttpRequest, body: str) -> Body:
    body_ = get_object_or_404(Body, slug=body)
    if not may_manage(request.user, body_):
        raise refuse_managing(body_)
    return body_


@require_http_methods(["GET", "POST"])
def notice_post(request: HttpRequest, body: str) -> HttpResponse:
    """The secretary posts another notice on the board: today, fixed as posted."""
    body_ = _poster(request, body)
    form = NoticeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":

        def posted(notice: Notice) -> HttpResponse:
            messages.success(request, _("Tillkännagivandet är anslaget."))
            return redirect("meetings:notice_detail", body_.slug, notice.pk)

        written = form_written(
            form,
            lambda data: services.notice_post(
                actor=request.user,
                body=body_,
                title=data["rubrik"],
                text=data["text"],
                taken_down_on=data["tas_ned"],
            ),
            done=posted,
            field="tas_ned",
        )
        if written.response:
            return written.response
        status = written.status
    context = {"body": body_, "form": form}
    return render(request, "meetings/notice_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def announcement_post(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    """The council's announcement of a meeting: shown as it will be posted, with the latest day
    to post it (KL 5 kap. 11 §), and posted on confirmation."""
    meeting_ = _managed(request, body, meeting)
    if meeting_.organization.kind != Organization.Kind.COUNCIL:
        raise Http404(_("Bara fullmäktiges sammanträden tillkännages på anslagstavlan."))
    body_ = meeting_.organization.body
    form = AnnouncementPostForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":

        def posted(notice: Notice) -> HttpResponse:
            if notice.late:
                messages.warning(
                    request,
                    _(
                        "Tillkännagivandet är anslaget, men senare än lagen kräver (senast "
                        "%(latest)s, KL 5 kap. 11 §). Det visas som sent anslaget."
                    )
                    % {"latest": f"{notice.posting_due:%Y-%m-%d}"},
                )
            else:
                messages.success(request, _("Tillkännagivandet är anslaget."))
            return redirect("meetings:notice_detail", body_.slug, notice.pk)

        written = form_written(
            form,
            lambda data: services.announcement_post(actor=request.user, meeting=meeting_),
            done=posted,
        )
        if written.response:
            return written.response
        status = written.status
    today = timezone.localdate()
    preview = selectors.announcement_context(meeting=meeting_, on=today)
    context = {
        "body": body_,
        "meeting": meeting_,
        "form": form,
        "preview": preview,
        "late": today > legal_time.announcement_latest(selectors.meeting_day(meeting_)),
        "posted": meeting_.notices.filter(kind=Notice.Kind.ANNOUNCEMENT).first(),
    }
    return render(request, "meetings/announcement_form.html", context, status=status)


@login_not_required
@require_GET
def organization_feed(request: HttpRequest, body: str, organization: str) -> HttpResponse:
    organization_ = get_object_or_404(
        Organization, body__slug=body, slug=organization, kind__in=Organization.POLITICAL_KINDS
    )
    return _ics(calendar.organization_feed(organization_), f"{organization_.slug}.ics")


@require_GET
def person_feed(request: HttpRequest, body: str, person: int) -> HttpResponse:
    """A person's own meetings: only the person may fetch the feed."""
    person_ = get_object_or_404(Person.objects.select_related("body"), body__slug=body, pk=person)
    if not may_read_person_feed(request.user, person_):
        raise PermissionDenied(_("Du kan bara hämta din egen kalender."))
    return _ics(calendar.person_feed(person_), f"sammantraden-{person_.pk}.ics")


@require_POST
def assignment_report_agenda(request: HttpRequest, body: str, report: int) -> HttpResponse:
    """Put a report on the board's assignment on the agenda of a meeting of the organ that gave
    it; back to the assignment's page, or that page with the form and its errors."""
    report_ = get_object_or_404(
        AssignmentReport.objects.select_related("assignment__decision__organization"),
        assignment__decision__body=readable_body(request, body),
        pk=report,
    )
    assignment = assignment_found(request, body, report_.assignment_id)
    form = AgendaForm(request.POST, organization=assignment.decision.organization)

    def put(data: dict[str, Any]) -> None:
        services.assignment_report_to_agenda(
            actor=request.user, report=report_, meeting=data["sammantrade"], kind=data["slag"]
        )
        messages.success(request, _("Rapporten står på dagordningen."))

    return detail_after(request, assignment, form, "agenda_form", put)


@require_GET
def execution_meeting(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    """The board's view "verkställighet av beslut" for one meeting: its decisions in the order
    of the minutes, with their execution (also a CSV file with ?format=csv)."""
    body_ = readable_body(request, body)
    meeting_ = get_object_or_404(
        Meeting.objects.select_related("organization"), organization__body=body_, pk=meeting
    )
    rows = execution_for_meeting(meeting_id=meeting_.pk, on=timezone.localdate())
    if csv_wanted(request):
        name = f"verkstallighet-{meeting_.organization.slug}-{meeting_.starts_at:%Y-%m-%d}.csv"
        return csv_response(
            name, list(BOARD_HEADER), board_rows(request.user, rows, by_paragraph=True)
        )
    context = {"body": body_, "meeting": meeting_, "rows": rows, "csv_query": csv_query(request)}
    return render(request, "meetings/execution.html", context)


# The members' own side: their coming meetings, absence, and their calendar link


class _OwnRow(NamedTuple):
    own: selectors.OwnMeeting
    may_report: bool  # the meeting not yet opened
    may_read_packet: bool  # the meeting called: the notice and the members' packet
    form: AbsenceForm


def _seated(request: HttpRequest, body: str) -> tuple[Body, Person]:
    """The body and the signed-in person, who holds a seat in one of its organs: refused to
    anyone else."""
    body_ = get_object_or_404(Body, slug=body)
    person = getattr(request.user, "person", None)
    if person is None or not has_seat(request.user, body_):
        raise refuse_own_meetings(body_)
    return body_, person


def _absence_form(meeting: Meeting, data: Any = None) -> AbsenceForm:
    return AbsenceForm(data, prefix=f"forhinder-{meeting.pk}")


def _own_page(
    request: HttpRequest,
    body: Body,
    person: Person,
    *,
    failed: tuple[Meeting, AbsenceForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    rows = []
    for own in selectors.own_meetings(person=person, on=timezone.localdate()):
        meeting = own.meeting
        form = failed[1] if failed and failed[0].pk == meeting.pk else _absence_form(meeting)
        rows.append(
            _OwnRow(
                own,
                may_report_absence(request.user, meeting),
                may_read_members_packet(request.user, meeting),
                form,
            )
        )
    context = {"body": body, "person": person, "rows": rows}
    return render(request, "meetings/my_meetings.html", context, status=status)


@require_GET
def my_meetings(request: HttpRequest, body: str) -> HttpResponse:
    """Mina sammanträden: the signed-in member's or substitute's coming meetings."""
    body_, person = _seated(request, body)
    return _own_page(request, body_, person)


def _own_write(
    request: HttpRequest,
    body: str,
    meeting: int,
    write: Callable[[Meeting, str], object],
    done: StrOrPromise,
) -> HttpResponse:
    """Report or withdraw one's own absence (`write` given the meeting and the message):
    back to Mina sammanträden, or that page with the refusal on the meeting's form."""
    body_, person = _seated(request, body)
    meeting_ = _meeting(body, meeting)
    form = _absence_form(meeting_, request.POST)

    def written_done(_row: object) -> HttpResponse:
        messages.success(request, done)
        return redirect("meetings:my_meetings", body_.slug)

    written = form_written(
        form,
        lambda data: write(meeting_, data["meddelande"]),
        done=written_done,
    )
    return written.response or _own_page(
        request, body_, person, failed=(meeting_, form), status=written.status
    )


@require_POST
def absence_report(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    return _own_write(
        request,
        body,
        meeting,
        lambda meeting_, note: services.absence_report(
            actor=request.user, meeting=meeting_, note=note
        ),
        _("Förhindret är anmält. Sekreteraren har fått besked, och en ersättare kallas."),
    )


@require_POST
def absence_withdraw(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    return _own_write(
        request,
        body,
        meeting,
        lambda meeting_, _note: services.absence_withdraw(actor=request.user, meeting=meeting_),
        _("Anmälan om förhinder är återtagen."),
    )


def _calendar_page(
    request: HttpRequest,
    body: Body,
    person: Person,
    *,
    link: str = "",
    failed: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "body": body,
        "person": person,
        "feed": selectors.open_calendar_feed(person=person),
        "link": link,
        "failed": failed,
    }
    return render(request, "meetings/my_calendar.html", context, status=status)


@require_GET
def my_calendar(request: HttpRequest, body: str) -> HttpResponse:
    """Min kalender: the person's secret calendar link, made, replaced or revoked here."""
    body_, person = _seated(request, body)
    return _calendar_page(request, body_, person)


@require_POST
def calendar_feed_create(request: HttpRequest, body: str) -> HttpResponse:
    """A new link, replacing any before it: shown once, on this response only."""
    body_, person = _seated(request, body)
    _feed, token = services.calendar_feed_create(actor=request.user, person=person)
    link = request.build_absolute_uri(reverse("meetings:calendar_feed", args=[body_.slug, token]))
    return _calendar_page(request, body_, person, link=link)


@require_POST
def calendar_feed_revoke(request: HttpRequest, body: str) -> HttpResponse:
    body_, person = _seated(request, body)
    form = forms.Form(request.POST)

    def revoked(_feed: object) -> HttpResponse:
        messages.success(request, _("Kalenderlänken är återkallad och fungerar inte längre."))
        return redirect("meetings:my_calendar", body_.slug)

    written = form_written(
        form,
        lambda data: services.calendar_feed_revoke(actor=request.user, person=person),
        done=revoked,
    )
    return written.response or _calendar_page(
        request, body_, person, failed=form, status=written.status
    )


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, body: str, token: str) -> HttpResponse:
    """The calendar a secret link opens, without signing in: the link is the key. Its events
    name the organ, the time and the place (`calendar.subscription`), nothing of the registry,
    so the visibility of cases never comes into it. A revoked or unknown link is not found."""
    feed = selectors.calendar_feed_of(token=token)
    if feed is None or feed.person.body.slug != body:
        raise Http404
    content = calendar.subscription(feed.person, timezone.localdate())
    return _ics(content, "sammantraden.ics")


# The minutes and their justering: sent for justering (stored), signed by the chair and the
# checkers each in their own session or recorded as signed on paper, corrected in a new version


class MinutesAction(NamedTuple):
    form: type[ActionForm]
    service: Callable[..., Any]
    done: StrOrPromise
    # Who is offered the action's form (the service refuses anyone else).
    allowed: Callable[[Actor, Meeting], bool]


MINUTES_ACTIONS: dict[str, MinutesAction] = {
    "skicka": MinutesAction(
        ActionForm,
        services.minutes_send_for_approval,
        gettext_lazy("Protokollet är skickat för justering."),
        lambda user, meeting: may_record_approval(user, meeting.organization.body_id),
    ),
    "signera": MinutesAction(
        ActionForm,
        services.minutes_sign,
        gettext_lazy("Du har signerat protokollet."),
        may_sign_minutes,
    ),
    "papper": MinutesAction(
        PaperApprovalForm,
        services.minutes_approve,
        gettext_lazy("Justeringen på papper är registrerad."),
        lambda user, meeting: may_record_approval(user, meeting.organization.body_id),
    ),
    "utdrag": MinutesAction(
        ActionForm,
        services.extracts_register,
        gettext_lazy("Protokollsutdragen är registrerade i de ärenden som är öppna."),
        lambda user, meeting: may_manage(user, meeting.organization.body_id),
    ),
    "rattelse": MinutesAction(
        CorrectionForm,
        services.minutes_correct,
        gettext_lazy("Rättelsen är gjord i en ny version av protokollet."),
        lambda user, meeting: may_correct_minutes(user, meeting.organization.body_id),
    ),
}


def _minutes_form(name: str, meeting: Meeting, data: Any = None) -> ActionForm:
    form = MINUTES_ACTIONS[name].form(data, meeting=meeting, prefix=name)
    form.name = name
    form.url = reverse(
        "meetings:minutes_action", args=[meeting.organization.body.slug, meeting.pk, name]
    )
    return form


def _minutes_page(
    request: HttpRequest, meeting: Meeting, *, failed: ActionForm | None = None, status: int = 200
) -> HttpResponse:
    forms = {
        name: _minutes_form(name, meeting)
        for name, action in MINUTES_ACTIONS.items()
        if action.allowed(request.user, meeting)
    }
    if failed is not None:
        forms[failed.name] = failed
    version = selectors.minutes_version(meeting=meeting)
    person_id = request.user.person_id if request.user.is_authenticated else None
    context = {
        "body": meeting.organization.body,
        "meeting": meeting,
        "statuses": Meeting.Status,
        "forms": forms,
        "failed": failed,
        "version": version,
        "versions": meeting.minutes_versions.select_related("made_by"),
        "signed": selectors.minutes_signed(version=version) if version else None,
        "extracts_waiting": selectors.extracts_waiting(meeting=meeting),
        "signed_by_me": version is not None
        and person_id is not None
        and version.approvals.filter(person_id=person_id).exists(),
    }
    return render(request, "meetings/minutes.html", context, status=status)


def _justering(request: HttpRequest, body: str, meeting: int) -> Meeting:
    """The meeting, for its justering page: refused to anyone offered none of its actions."""
    meeting_ = _meeting(body, meeting)
    if not any(action.allowed(request.user, meeting_) for action in MINUTES_ACTIONS.values()):
        raise refuse_justering()
    return meeting_


@require_GET
def minutes_approval(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    """The justering of the minutes: the secretary sends them, records paper signatures and
    corrects; the chair and each checker sign here, each for themselves."""
    return _minutes_page(request, _justering(request, body, meeting))


@require_POST
def minutes_action(request: HttpRequest, body: str, meeting: int, action: str) -> HttpResponse:
    meeting_ = _justering(request, body, meeting)
    found = MINUTES_ACTIONS.get(action)
    if found is None:
        raise Http404
    form = _minutes_form(action, meeting_, request.POST)

    def done(_result: object) -> HttpResponse:
        messages.success(request, found.done)
        return redirect("meetings:minutes_approval", meeting_.organization.body.slug, meeting_.pk)

    written = form_written(
        form,
        lambda data: found.service(actor=request.user, meeting=meeting_, **form.arguments()),
        done=done,
    )
    return written.response or _minutes_page(request, meeting_, failed=form, status=written.status)


@login_not_required
@require_GET
def minutes_version(request: HttpRequest, body: str, meeting: int, number: int) -> HttpResponse:
    """One stored version of the minutes, older ones too: to the public once the minutes are
    approved, the public version; the full version to the secretaries (as the registry shows
    it to them) and to the signers, who read what they sign."""
    meeting_ = _meeting(body, meeting)
    version = get_object_or_404(meeting_.minutes_versions, number=number)
    signer = may_sign_minutes(request.user, meeting_)
    full = may_read_full_minutes(request.user, meeting_)
    if meeting_.status != Meeting.Status.APPROVED and not (signer or full):
        raise Http404(_("Protokollet är inte justerat."))
    public = not (signer or full)
    stored = packets.minutes_file(version, public=public, user=None if signer else request.user)
    filename = f"protokoll-{meeting_.pk}-version-{version.number}.pdf"
    return generated.serve(request, stored, filename, public=public)
