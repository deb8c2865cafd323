"""Meetings through the API: the meetings of a body, their agenda items with what was decided
in each (proposals, votes with each name in a roll call, dissents), attendance, the minutes'
approval and the notice board's postings.

These are public records: they may be read without a key, as the anonymous public, and what a
case item says passes the registry's visibility function with the reader, so a secret case's
title, proposals and resolution read masked to whoever may not see them. Votes,
disqualifications and dissents are read once the minutes are approved (before that by the
secretaries only), and a masked item names no ground of disqualification.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kansli.accounts.api import TokenAuth
from kansli.bounds import Year
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Ballot, Meeting, Proposal, Vote
from kansli.meetings.policy import PUBLISHED, agenda_visible, item_title, proceedings_visible
from kansli.organisation.api import OrganizationRef, PersonRef, body_found, found
from kansli.organisation.models import Person
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy


def public(request: HttpRequest) -> bool | None:
    """Without a key the reader is the anonymous public (a key that is given must be valid)."""
    if "Authorization" in request.headers:
        return None
    request.user = AnonymousUser()
    return True


router = Router(auth=[TokenAuth(), public])


class MinutesStatus(Schema):
    approved: bool
    approved_at: datetime.datetime | None
    public_pdf: str | None = Field(description=_lazy("Det offentliga protokollet, när justerat."))


class MeetingOut(Schema):
    id: int
    organization: OrganizationRef
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    status: str = Field(description="planned, called, opened, closed, approved, cancelled")
    open_to_public: bool
    agenda_published: bool
    minutes: MinutesStatus


class ItemCaseRef(Schema):
    id: int
    number: str


class ProposalOut(Schema):
    id: int
    position: int
    proposer: PersonRef | None
    text: str
    adopted: bool


class BallotOut(Schema):
    person: PersonRef
    choice: str = Field(description="yes, no, abstain")


class VoteOut(Schema):
    method: str = Field(description="roll_call, secret")
    yes_proposal: int
    no_proposal: int
    yes_count: int
    no_count: int
    abstain_count: int
    casting_vote: bool
    winner: int
    ballots: list[BallotOut] = Field(description=_lazy("Varje röst vid namnupprop."))


class DissentOut(Schema):
    person: PersonRef
    reasons: str


class DisqualificationOut(Schema):
    person: PersonRef
    ground: str
    substitute: PersonRef | None


class ItemOut(Schema):
    id: int
    position: int
    kind: str
    title: str = Field(description=_lazy("Rubriken, maskerad om ärendet omfattas av sekretess."))
    title_masked: bool
    case: ItemCaseRef | None
    rapporteur: PersonRef | None
    status: str = Field(description="pending, decided, noted, tabled, withdrawn")
    minute_number: int | None
    method: str
    proposal: str
    resolution: str
    approved_immediately_at: datetime.datetime | None


class ItemDetail(ItemOut):
    proposals: list[ProposalOut]
    votes: list[VoteOut]
    disqualifications: list[DisqualificationOut]
    dissents: list[DissentOut]


class AttendanceOut(Schema):
    person: PersonRef
    capacity: str = Field(description="member, substitute, official")
    present: bool
    serves_for: PersonRef | None
    checks_minutes: bool
    may_speak: bool
    basis: str


class ApprovalOut(Schema):
    person: PersonRef
    role: str = Field(description="chair, checker, secretary")
    item: int | None
    approved_at: datetime.datetime


class MeetingDetail(MeetingOut):
    items: list[ItemOut]
    attendance: list[AttendanceOut]
    approvals: list[ApprovalOut]


class PostingOut(Schema):
    id: int
    meeting: int
    organization: OrganizationRef
    meeting_date: datetime.date
    item: int | None
    approved_on: datetime.date
    posting_due: datetime.date
    posted_on: datetime.date
    last_appeal_day: datetime.date
    taken_down_on: datetime.date
    minutes_kept_at: str
    late: bool


def _meeting(meeting: Meeting) -> dict[str, Any]:
    approved = meeting.status == Meeting.Status.APPROVED
    body = meeting.organization.body.slug
    return {
        "id": meeting.pk,
        "organization": meeting.organization,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "status": meeting.status,
        "open_to_public": meeting.open_to_public,
        "agenda_published": meeting.status in PUBLISHED,
        "minutes": {
            "approved": approved,
            "approved_at": meeting.approved_at,
            "public_pdf": reverse("meetings:public_minutes", args=[body, meeting.pk])
            if approved
            else None,
        },
    }


def _item(request: HttpRequest, item: AgendaItem) -> dict[str, Any]:
    """The item as the reader may see it: a case under secrecy masks title and texts alike."""
    title, masked = item_title(request.user, item)
    return {
        "id": item.pk,
        "position": item.position,
        "kind": item.kind,
        "title": title,
        "title_masked": masked,
        "case": item.case,
        "rapporteur": item.rapporteur,
        "status": item.status,
        "minute_number": item.minute_number,
        "method": item.method,
        "proposal": title if masked else item.proposal,
        "resolution": title if masked and item.resolution else item.resolution,
        "approved_immediately_at": item.approved_immediately_at,
    }


def _item_detail(request: HttpRequest, item: AgendaItem) -> dict[str, Any]:
    data = _item(request, item)
    masked = data["title_masked"]
    proceedings = proceedings_visible(request.user, item.meeting)
    return data | {
        "proposals": [
            {
                "id": proposal.pk,
                "position": proposal.position,
                "proposer": proposal.proposer,
                "text": data["title"] if masked else proposal.text,
                "adopted": proposal.adopted,
            }
            for proposal in item.proposals.all()
        ],
        "votes": [
            {
                "method": vote.method,
                "yes_proposal": vote.yes_proposal_id,
                "no_proposal": vote.no_proposal_id,
                "yes_count": vote.yes_count,
                "no_count": vote.no_count,
                "abstain_count": vote.abstain_count,
                "casting_vote": vote.casting_vote,
                "winner": vote.winner_id,
                "ballots": vote.ballots.all(),
            }
            for vote in (item.votes.all() if proceedings else ())
        ],
        "disqualifications": [
            {
                "person": disqualification.person,
                "ground": data["title"] if masked else disqualification.ground,
                "substitute": disqualification.substitute,
            }
            for disqualification in (item.disqualifications.all() if proceedings else ())
        ],
        "dissents": [
            {"person": dissent.person, "reasons": "" if masked else dissent.reasons}
            for dissent in (item.dissents.all() if proceedings else ())
        ],
    }


def _found(slug: str, meeting_id: int) -> Meeting:
    body = body_found(slug)
    meeting = found(
        Meeting.objects.filter(organization__body=body),
        _("%(body)s har inget sammanträde med id %(id)d.") % {"body": body, "id": meeting_id},
        pk=meeting_id,
    )
    return selectors.meeting_detail(meeting=meeting)


def _agenda(request: HttpRequest, meeting: Meeting) -> list[AgendaItem]:
    """The items, once the meeting is called; before that only the secretaries see the draft."""
    return list(meeting.items.all()) if agenda_visible(request.user, meeting) else []


class MeetingFilter(Schema):
    organization: str | None = Field(None, description=_lazy("Organets kortnamn."))
    year: Year | None = Field(None, description=_lazy("År; i år om inget anges."))


@router.get(
    "/bodies/{slug}/meetings",
    response=list[MeetingOut],
    summary=_lazy("Sammanträden under ett år"),
)
def meeting_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    filters: Query[MeetingFilter],
    paging: Query[Paging],
) -> list[dict[str, Any]]:
    body = body_found(slug)
    meetings = Meeting.objects.filter(
        organization__body=body, starts_at__year=filters.year or timezone.localdate().year
    ).select_related("organization__body")
    if filters.organization:
        meetings = meetings.filter(organization__slug=filters.organization)
    page = linked_page(request, response, meetings, paging, ("starts_at", "pk"))
    return [_meeting(meeting) for meeting in page]


@router.get(
    "/bodies/{slug}/meetings/{meeting_id}",
    response=MeetingDetail,
    summary=_lazy("Ett sammanträde med dagordning, närvaro och justering"),
)
def meeting_detail(request: HttpRequest, slug: str, meeting_id: int) -> dict[str, Any]:
    meeting = _found(slug, meeting_id)
    return _meeting(meeting) | {
        "items": [_item(request, item) for item in _agenda(request, meeting)],
        "attendance": meeting.attendance.all(),
        "approvals": [
            {
                "person": approval.person,
                "role": approval.role,
                "item": approval.item_id,
                "approved_at": approval.approved_at,
            }
            for approval in meeting.approvals.all()
        ],
    }


@router.get(
    "/bodies/{slug}/meetings/{meeting_id}/items",
    response=list[ItemDetail],
    summary=_lazy("Dagordningens punkter med yrkanden, omröstningar och reservationer"),
)
def item_list(request: HttpRequest, slug: str, meeting_id: int) -> list[dict[str, Any]]:
    meeting = _found(slug, meeting_id)
    return [_item_detail(request, item) for item in _agenda(request, meeting)]


@router.get(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}",
    response=ItemDetail,
    summary=_lazy("En punkt: vad som yrkades och beslutades"),
)
def item_detail(request: HttpRequest, slug: str, meeting_id: int, item_id: int) -> dict[str, Any]:
    meeting = _found(slug, meeting_id)
    for item in _agenda(request, meeting):
        if item.pk == item_id:
            return _item_detail(request, item)
    raise Http404(_("Sammanträdet har ingen offentlig punkt med id %(id)d.") % {"id": item_id})


@router.get(
    "/bodies/{slug}/meetings/{meeting_id}/attendance",
    response=list[AttendanceOut],
    summary=_lazy("Närvaron vid ett sammanträde"),
)
def attendance_list(request: HttpRequest, slug: str, meeting_id: int) -> list[Any]:
    return list(_found(slug, meeting_id).attendance.all())


def _posting(posting: Any) -> dict[str, Any]:
    return {
        "id": posting.pk,
        "meeting": posting.meeting_id,
        "organization": posting.meeting.organization,
        "meeting_date": selectors.meeting_day(posting.meeting),
        "item": posting.item_id,
        "approved_on": posting.approved_on,
        "posting_due": posting.posting_due,
        "posted_on": posting.posted_on,
        "last_appeal_day": posting.last_appeal_day,
        "taken_down_on": posting.taken_down_on,
        "minutes_kept_at": posting.minutes_kept_at,
        "late": posting.late,
    }


class PostingFilter(Schema):
    on: datetime.date | None = Field(None, description=_lazy("Dagen; i dag om inget anges."))


@router.get(
    "/bodies/{slug}/postings",
    response=list[PostingOut],
    summary=_lazy("Anslagstavlan: tillkännagivanden om justerade protokoll som är anslagna"),
)
def posting_list(
    request: HttpRequest, slug: str, filters: Query[PostingFilter]
) -> list[dict[str, Any]]:
    body = body_found(slug)
    postings = selectors.current_postings(body=body, on=filters.on or timezone.localdate())
    return [_posting(posting) for posting in postings]


# Writes: a key is required, and the services decide who may act (the secretaries).


def _person(meeting: Meeting, person_id: int) -> Person:
    return found(
        Person.objects.filter(body=meeting.organization.body_id),
        _("Det finns ingen person med id %(id)d.") % {"id": person_id},
        pk=person_id,
    )


def _item_found(slug: str, meeting_id: int, item_id: int) -> AgendaItem:
    meeting = _found(slug, meeting_id)
    return found(
        meeting.items.all(),
        _("Sammanträdet har ingen punkt med id %(id)d.") % {"id": item_id},
        pk=item_id,
    )


class ScheduleIn(Schema):
    organization: str = Field(description=_lazy("Organets kortnamn."))
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None = None
    place: str = ""
    open_to_public: bool = False


@router.post(
    "/bodies/{slug}/meetings",
    auth=TokenAuth(),
    response={201: MeetingOut},
    summary=_lazy("Planera ett sammanträde"),
)
def meeting_create(request: HttpRequest, slug: str, data: ScheduleIn) -> Status[dict[str, Any]]:
    body = body_found(slug)
    organization = found(
        body.organizations.all(),
        _("%(body)s har ingen organisation med kortnamnet %(slug)s.")
        % {"body": body, "slug": data.organization},
        slug=data.organization,
    )
    meeting = services.meeting_schedule(
        actor=request.user,
        organization=organization,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place,
        open_to_public=data.open_to_public,
    )
    return Status(201, _meeting(meeting))


def _meeting_after(
    request: HttpRequest, slug: str, meeting_id: int, write: Callable[[Meeting], object]
) -> dict[str, Any]:
    """Do `write` on the meeting and answer with the meeting as it then reads."""
    write(_found(slug, meeting_id))
    return meeting_detail(request, slug, meeting_id)


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/agenda",
    auth=TokenAuth(),
    response=MeetingDetail,
    summary=_lazy(
        "Bygg dagordningen: standardpunkter, ärenden klara för beslut, delegationsbeslut"
    ),
)
def agenda_build(request: HttpRequest, slug: str, meeting_id: int) -> dict[str, Any]:
    return _meeting_after(
        request,
        slug,
        meeting_id,
        lambda meeting: services.agenda_build(actor=request.user, meeting=meeting),
    )


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/notice",
    auth=TokenAuth(),
    response=MeetingDetail,
    summary=_lazy("Skicka kallelsen till ledamöter och ersättare"),
)
def notice_send(request: HttpRequest, slug: str, meeting_id: int) -> dict[str, Any]:
    return _meeting_after(
        request,
        slug,
        meeting_id,
        lambda meeting: services.notice_send(actor=request.user, meeting=meeting),
    )


class PresenceIn(Schema):
    person: int
    present: bool


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/attendance",
    auth=TokenAuth(),
    response=MeetingDetail,
    summary=_lazy("Anteckna en ledamot eller ersättare som närvarande eller frånvarande"),
)
def attendance_set(
    request: HttpRequest, slug: str, meeting_id: int, data: PresenceIn
) -> dict[str, Any]:
    return _meeting_after(
        request,
        slug,
        meeting_id,
        lambda meeting: services.attendance_set(
            actor=request.user,
            meeting=meeting,
            person=_person(meeting, data.person),
            present=data.present,
        ),
    )


class CancelIn(Schema):
    reason: str = Field(description=_lazy("Varför sammanträdet ställs in."))


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/cancellation",
    auth=TokenAuth(),
    response=MeetingDetail,
    summary=_lazy(
        "Ställ in sammanträdet med skälet; alla som fått kallelsen får en avbokning till "
        "kalendern (iCalendar CANCEL)"
    ),
)
def meeting_cancel(
    request: HttpRequest, slug: str, meeting_id: int, data: CancelIn
) -> dict[str, Any]:
    return _meeting_after(
        request,
        slug,
        meeting_id,
        lambda meeting: services.meeting_cancel(
            actor=request.user, meeting=meeting, reason=data.reason
        ),
    )


class SignerIn(Schema):
    person: int = Field(description=_lazy("Ordföranden eller en justerare."))
    approved_at: datetime.datetime | None = Field(
        None, description=_lazy("När protokollet skrevs under på papper (annars nu).")
    )


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/approvals",
    auth=TokenAuth(),
    response=MeetingDetail,
    summary=_lazy(
        "Registrera att ordföranden eller en justerare skrivit under det lagrade protokollet "
        "på papper; med sista underskriften anslås det"
    ),
)
def minutes_approve(
    request: HttpRequest, slug: str, meeting_id: int, data: SignerIn
) -> dict[str, Any]:
    return _meeting_after(
        request,
        slug,
        meeting_id,
        lambda meeting: services.minutes_approve(
            actor=request.user,
            meeting=meeting,
            person=_person(meeting, data.person),
            approved_at=data.approved_at,
        ),
    )


class ItemDecisionIn(Schema):
    proposal: int | None = Field(None, description=_lazy("Det bifallna yrkandet."))
    resolution: str = ""


def _item_after(
    request: HttpRequest,
    slug: str,
    meeting_id: int,
    item_id: int,
    write: Callable[[AgendaItem], object],
) -> dict[str, Any]:
    """Do `write` on the item and answer with the item as it then reads."""
    write(_item_found(slug, meeting_id, item_id))
    meeting = _found(slug, meeting_id)
    return _item_detail(request, meeting.items.get(pk=item_id))


def _proposal(item: AgendaItem, proposal_id: int) -> Proposal:
    return found(
        item.proposals.all(),
        _("Punkten har inget yrkande med id %(id)d.") % {"id": proposal_id},
        pk=proposal_id,
    )


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}/decision",
    auth=TokenAuth(),
    response=ItemDetail,
    summary=_lazy("Besluta punkten med acklamation"),
)
def item_decide(
    request: HttpRequest, slug: str, meeting_id: int, item_id: int, data: ItemDecisionIn
) -> dict[str, Any]:
    return _item_after(
        request,
        slug,
        meeting_id,
        item_id,
        lambda item: services.item_decide(
            actor=request.user,
            item=item,
            proposal=_proposal(item, data.proposal) if data.proposal else None,
            resolution=data.resolution,
        ),
    )


class RollCallIn(Schema):
    yes_proposal: int
    no_proposal: int
    ballots: dict[int, str] = Field(description=_lazy("Personens id och rösten: yes, no, abstain."))


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}/votes",
    auth=TokenAuth(),
    response=ItemDetail,
    summary=_lazy("Votera med namnupprop och besluta punkten"),
)
def vote_record(
    request: HttpRequest, slug: str, meeting_id: int, item_id: int, data: RollCallIn
) -> dict[str, Any]:
    return _item_after(
        request,
        slug,
        meeting_id,
        item_id,
        lambda item: services.vote_record(
            actor=request.user,
            item=item,
            yes_proposal=_proposal(item, data.yes_proposal),
            no_proposal=_proposal(item, data.no_proposal),
            ballots={
                _person(item.meeting, person): choice for person, choice in data.ballots.items()
            },
        ),
    )


class SecretBallotIn(Schema):
    yes_proposal: int
    no_proposal: int
    yes: int = Field(ge=0, description=_lazy("Röster för ja-förslaget."))
    no: int = Field(ge=0, description=_lazy("Röster för nej-förslaget."))
    abstain: int = Field(0, ge=0, description=_lazy("Blanka röster."))


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}/secret-ballot",
    auth=TokenAuth(),
    response=ItemDetail,
    summary=_lazy(
        "Sluten omröstning i ett val (KL 5 kap. 54 §, 6 kap. 33 §): bara antalet röster; "
        "lika röstetal avgörs genom lottning"
    ),
)
def secret_ballot_record(
    request: HttpRequest, slug: str, meeting_id: int, item_id: int, data: SecretBallotIn
) -> dict[str, Any]:
    return _item_after(
        request,
        slug,
        meeting_id,
        item_id,
        lambda item: services.vote_record(
            actor=request.user,
            item=item,
            yes_proposal=_proposal(item, data.yes_proposal),
            no_proposal=_proposal(item, data.no_proposal),
            counts={
                Ballot.Choice.YES: data.yes,
                Ballot.Choice.NO: data.no,
                Ballot.Choice.ABSTAIN: data.abstain,
            },
            method=Vote.Method.SECRET,
        ),
    )


class DissentIn(Schema):
    person: int = Field(description=_lazy("Den som reserverar sig."))
    reasons: str = Field("", description=_lazy("Den skriftliga motiveringen, om den finns."))


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}/dissents",
    auth=TokenAuth(),
    response=ItemDetail,
    summary=_lazy("Anteckna en reservation mot beslutet, innan sammanträdet avslutas"),
)
def dissent_record(
    request: HttpRequest, slug: str, meeting_id: int, item_id: int, data: DissentIn
) -> dict[str, Any]:
    return _item_after(
        request,
        slug,
        meeting_id,
        item_id,
        lambda item: services.dissent_record(
            actor=request.user,
            item=item,
            person=_person(item.meeting, data.person),
            reasons=data.reasons,
        ),
    )


class ReasonsIn(Schema):
    reasons: str


@router.post(
    "/bodies/{slug}/meetings/{meeting_id}/items/{item_id}/dissents/{person_id}/reasons",
    auth=TokenAuth(),
    response=ItemDetail,
    summary=_lazy(
        "Lämna den skriftliga motiveringen till en anmäld reservation, före justeringen "
        "(KL 4 kap. 27 §)"
    ),
)
def dissent_reasons_add(
    request: HttpRequest,
    slug: str,
    meeting_id: int,
    item_id: int,
    person_id: int,
    data: ReasonsIn,
) -> dict[str, Any]:
    return _item_after(
        request,
        slug,
        meeting_id,
        item_id,
        lambda item: services.dissent_reasons_add(
            actor=request.user,
            item=item,
            person=_person(item.meeting, person_id),
            reasons=data.reasons,
        ),
    )
