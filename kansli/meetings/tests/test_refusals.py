"""Only the body's secretaries hold its meetings: every meetings service, the secretary's pages
and the API's writes refuse another body's registrar, a ledamot, a handläggare, the
administrator and the anonymous public (kansli/tests/refusals.py). The public side (the
calendar, the agenda once called, the public packet and minutes, the notice board, the feeds
and the API's reads) is in PUBLIC, each with its reason.

Each case's arguments are a meeting of Vänersborg's board in the state the service needs,
made through the services by the system, so that the service would write if it let the
persona through.
"""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.services import order_draft_create
from kansli.meetings import deliveries, selectors, services
from kansli.meetings.models import AgendaItem, Delivery, Meeting
from kansli.meetings.tests import demo_meeting as sample
from kansli.organisation.models import Membership, Organization, Person
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.tests.refusals import (
    ADMINISTRATOR,
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    Demo,
    RouteCase,
    ServiceCase,
)

BODY = sample.BODY
API = "/api/v1/bodies/{slug}"


def _document(meeting: Meeting) -> Document:
    case = registry.case_open(actor=None, organization=meeting.organization, title="Budget 2027")
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=sample.today(),
        description="Tjänsteskrivelse",
    )


def _case_item(demo: Demo) -> dict[str, Any]:
    meeting = sample.planned(demo)
    document = _document(meeting)
    item = services.item_add(actor=None, meeting=meeting, title="Ärendet", case=document.case)
    return {"item": item, "document": document}


def _two_proposals(demo: Demo) -> dict[str, Any]:
    item = sample.item(sample.opened(demo))
    members = sample.members(demo)
    prepared = services.proposal_add(actor=None, item=item, text="Att bifalla.")
    counter = services.proposal_add(actor=None, item=item, text="Att avslå.", proposer=members[1])
    return {
        "item": item,
        "yes_proposal": prepared,
        "no_proposal": counter,
        "ballots": {person: "yes" for person in members},
    }


def _absent_member(demo: Demo) -> dict[str, Any]:
    """The chair absent, and the first substitute of the chair's party to serve."""
    meeting = sample.present(demo)
    seat = members_on(organization=sample.board(demo), on=sample.today()).first()
    services.attendance_set(actor=None, meeting=meeting, person=seat.person, present=False)
    substitutes = substitutes_on(organization=sample.board(demo), on=sample.today())
    substitute = substitutes.filter(party=seat.party).first() or substitutes.first()
    return {"meeting": meeting, "substitute": substitute.person, "serves_for": seat.person}


def _official(demo: Demo) -> Person:
    """A person of the body with no seat in the board."""
    seated = {*sample.members(demo), *sample.substitutes(demo)}
    return next(p for p in Person.objects.filter(body=demo[BODY]) if p not in seated)


def _votes(demo: Demo) -> dict[str, Any]:
    """A roll call between the prepared proposal and a counter-proposal of the last meeting's
    item (made by `_two_proposals`)."""
    item = Meeting.objects.latest("pk").items.get()
    prepared, counter = item.proposals.order_by("position")
    ballots = {str(person.pk): "yes" for person in sample.members(demo)}
    return {"yes_proposal": prepared.pk, "no_proposal": counter.pk, "ballots": ballots}


def _adjourned(demo: Demo) -> dict[str, Any]:
    """An adjournment of a moment, within the meeting in session."""
    meeting = sample.opened(demo)
    moment = timezone.now()
    return {"meeting": meeting, "started_at": moment, "ended_at": moment}


def _approved_with_recipients(demo: Demo) -> dict[str, Any]:
    """A meeting that decided a case to be sent to the culture committee, its minutes approved
    (set so here: the approval itself is its own service's case)."""
    meeting = sample.present(demo)
    case = registry.case_open(actor=None, organization=meeting.organization, title="Budget 2027")
    item = services.item_add(
        actor=None, meeting=meeting, title="Budget 2027", case=case, proposal="Att bifalla."
    )
    services.meeting_open(actor=None, meeting=meeting)
    services.item_decide(actor=None, item=item)
    services.recipients_set(actor=None, item=item, recipients="Kulturnämnden")
    services.meeting_close(actor=None, meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.APPROVED)
    return {"meeting": meeting}


def _approved_without_minutes(demo: Demo) -> dict[str, Any]:
    """A meeting approved before Kansli stored minutes: closed, approved, no stored version."""
    meeting = sample.closed(demo)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.APPROVED, approved_at=timezone.now()
    )
    return {"meeting": meeting}


def _dissent(demo: Demo) -> dict[str, Any]:
    """A dissent without written reasons, entered at the meeting in session."""
    item = sample.decided(demo)
    person = sample.members(demo)[2]
    services.dissent_record(actor=None, item=item, person=person)
    return {"item": item, "person": person, "reasons": "Motivering."}


def _council_meeting(demo: Demo) -> dict[str, Any]:
    council = Organization.objects.get(body=demo[BODY], slug="kf")
    starts_at = timezone.now() + datetime.timedelta(days=14)
    return {
        "meeting": services.meeting_schedule(actor=None, organization=council, starts_at=starts_at)
    }


def _council_agenda(demo: Demo) -> dict[str, Any]:
    """A council meeting in two weeks with a place and an item: its announcement may go up."""
    council = Organization.objects.get(body=demo[BODY], slug="kf")
    meeting = services.meeting_schedule(
        actor=None,
        organization=council,
        starts_at=timezone.now() + datetime.timedelta(days=14),
        place="Sessionssalen",
    )
    services.item_add(actor=None, meeting=meeting, title="Budget 2027")
    return {"meeting": meeting}


def _notice(demo: Demo) -> dict[str, Any]:
    return {
        "body": demo[BODY],
        "title": "Tillkännagivande om detaljplan",
        "text": "Planen finns i stadshuset.",
        "taken_down_on": sample.today() + datetime.timedelta(days=21),
    }


def _coming(demo: Demo) -> Meeting:
    """A meeting of the board in two weeks, with one item: its notice may go out."""
    meeting = services.meeting_schedule(
        actor=None,
        organization=sample.board(demo),
        starts_at=timezone.now() + datetime.timedelta(days=14),
        place="Sessionssalen",
    )
    services.item_add(actor=None, meeting=meeting, title=sample.ITEM, proposal="Att bifalla.")
    return meeting


def _in_a_week() -> str:
    return (timezone.now() + datetime.timedelta(days=7)).isoformat()


def _sent(demo: Demo) -> Meeting:
    """The closed meeting's minutes sent for justering, signed by its chair and a checker
    who are not the demo's ledamot."""
    meeting = sample.closed(demo)
    ledamot = User.objects.get(username=LEDAMOT).person
    checker = next(p for p in sample.members(demo) if p not in (meeting.chair, ledamot))
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[checker])
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    return meeting


def _approved(demo: Demo) -> Meeting:
    meeting = _sent(demo)
    for person_id in selectors.minutes_signers(meeting=meeting):
        services.minutes_approve(
            actor=None, meeting=meeting, person=Person.objects.get(pk=person_id)
        )
    return Meeting.objects.get(pk=meeting.pk)


def _justering(demo: Demo) -> dict[str, Any]:
    return {"body": BODY, "meeting": _sent(demo).pk}


SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.meeting_schedule,
        lambda demo: {
            "organization": sample.board(demo),
            "starts_at": timezone.now() + datetime.timedelta(days=7),
        },
    ),
    ServiceCase(
        services.meeting_cancel,
        lambda demo: {"meeting": sample.planned(demo), "reason": "Inga ärenden."},
    ),
    ServiceCase(services.agenda_build, lambda demo: {"meeting": sample.planned(demo)}),
    ServiceCase(
        services.item_add, lambda demo: {"meeting": sample.planned(demo), "title": "Extra ärende"}
    ),
    ServiceCase(services.item_move, lambda demo: {"item": sample.second_item(demo), "position": 1}),
    ServiceCase(
        services.rapporteur_set,
        lambda demo: {"item": sample.item(sample.planned(demo)), "rapporteur": None},
    ),
    ServiceCase(services.attachment_add, _case_item),
    ServiceCase(services.notice_send, lambda demo: {"meeting": _coming(demo)}),
    ServiceCase(services.attendance_prefill, lambda demo: {"meeting": sample.planned(demo)}),
    ServiceCase(
        services.attendance_set,
        lambda demo: {
            "meeting": sample.planned(demo),
            "person": sample.members(demo)[0],
            "present": True,
        },
    ),
    ServiceCase(services.substitute_serve, _absent_member),
    ServiceCase(
        services.official_attend,
        lambda demo: {
            "meeting": sample.planned(demo),
            "person": _official(demo),
            "may_speak": True,
            "basis": "Föredragande",
        },
    ),
    ServiceCase(
        services.minutes_checkers_set,
        lambda demo: {"meeting": sample.present(demo), "persons": [sample.members(demo)[1]]},
    ),
    ServiceCase(services.meeting_open, lambda demo: {"meeting": sample.present(demo)}),
    ServiceCase(services.adjournment_record, _adjourned),
    ServiceCase(
        services.attendance_sections_set,
        lambda demo: {
            "meeting": (meeting := sample.present(demo)),
            "person": sample.members(demo)[0],
            "came_at": sample.item(meeting),
            "left_after": None,
        },
    ),
    ServiceCase(
        services.recipients_set,
        lambda demo: {"item": sample.item(sample.planned(demo)), "recipients": "Kulturnämnden"},
    ),
    ServiceCase(services.extracts_register, _approved_with_recipients),
    ServiceCase(services.meeting_close, lambda demo: {"meeting": sample.opened(demo)}),
    ServiceCase(
        services.disqualification_record,
        lambda demo: {
            "item": sample.item(sample.opened(demo)),
            "person": sample.members(demo)[2],
            "ground": "Jäv",
        },
    ),
    ServiceCase(
        services.proposal_add,
        lambda demo: {"item": sample.item(sample.planned(demo)), "text": "Att avslå."},
    ),
    ServiceCase(services.item_decide, lambda demo: {"item": sample.item(sample.opened(demo))}),
    ServiceCase(services.vote_record, _two_proposals),
    ServiceCase(
        services.item_note,
        lambda demo: {"item": sample.item(sample.opened(demo)), "status": AgendaItem.Status.TABLED},
    ),
    ServiceCase(
        services.dissent_record,
        lambda demo: {"item": sample.decided(demo), "person": sample.members(demo)[2]},
    ),
    ServiceCase(services.dissent_reasons_add, _dissent),
    ServiceCase(services.announcement_record, _council_meeting),
    ServiceCase(services.announcement_post, _council_agenda),
    ServiceCase(services.notice_post, _notice),
    ServiceCase(
        services.minute_note_add,
        lambda demo: {
            "item": sample.decided(demo),
            "person": sample.members(demo)[2],
            "text": "Anteckning",
        },
    ),
    ServiceCase(
        services.item_approve_immediately,
        lambda demo: {"item": sample.decided(demo), "person": sample.members(demo)[0]},
    ),
    ServiceCase(
        services.minutes_approve,
        lambda demo: {"meeting": _sent(demo), "person": sample.members(demo)[0]},
    ),
    ServiceCase(services.minutes_send_for_approval, lambda demo: {"meeting": sample.closed(demo)}),
    ServiceCase(services.minutes_store_approved, _approved_without_minutes),
    ServiceCase(
        services.minutes_correct,
        lambda demo: {"meeting": _approved(demo), "reason": "Fel paragraf rättad."},
    ),
]


def _meeting(demo: Demo) -> dict[str, Any]:
    return {"body": BODY, "meeting": sample.planned(demo).pk}


def _api_meeting(demo: Demo) -> dict[str, Any]:
    return {"slug": BODY, "meeting_id": sample.planned(demo).pk}


def _api_item(meeting: Meeting) -> dict[str, Any]:
    return {"slug": BODY, "meeting_id": meeting.pk, "item_id": sample.item(meeting).pk}


def _secretary_person(demo: Demo) -> dict[str, Any]:
    """The secretary's own calendar, which no persona is."""
    person = Person.objects.get(body=demo[BODY], user__username="sekreterare")
    return {"body": BODY, "person": person.pk}


ROUTES: list[RouteCase] = [
    RouteCase("meetings:meeting_plan", lambda demo: {"body": BODY}),
    RouteCase("meetings:notice_post", lambda demo: {"body": BODY}),
    RouteCase(
        "meetings:notice_post",
        lambda demo: {"body": BODY},
        data=lambda demo: {
            "rubrik": "Tillkännagivande",
            "text": "Text.",
            "tas_ned": (sample.today() + datetime.timedelta(days=21)).isoformat(),
        },
    ),
    RouteCase(
        "meetings:announcement_post",
        lambda demo: {"body": BODY, "meeting": _council_agenda(demo)["meeting"].pk},
    ),
    RouteCase(
        "meetings:announcement_post",
        lambda demo: {"body": BODY, "meeting": _council_agenda(demo)["meeting"].pk},
        data=lambda demo: {"bekraftad": "on"},
    ),
    RouteCase(
        "meetings:meeting_plan",
        lambda demo: {"body": BODY},
        data=lambda demo: {"borjar": _in_a_week(), "plats": "Sessionssalen"},
    ),
    RouteCase("meetings:meeting_detail", _meeting),
    RouteCase("meetings:meeting_session", _meeting),
    RouteCase(
        "meetings:meeting_document",
        lambda demo: _meeting(demo) | {"document": "ledamotshandlingar"},
    ),
    RouteCase(
        "meetings:meeting_action",
        lambda demo: _meeting(demo) | {"action": "kallelse"},
        data=lambda demo: {},
    ),
    RouteCase(
        "meetings:item_action",
        lambda demo: {
            "body": BODY,
            "meeting": (item := sample.second_item(demo)).meeting_id,
            "item": item.pk,
            "action": "flytta",
        },
        data=lambda demo: {f"flytta-{AgendaItem.objects.latest('pk').pk}-ordning": 1},
    ),
    RouteCase("meetings:meeting_confirm", lambda demo: _meeting(demo) | {"action": "kallelse"}),
    RouteCase("meetings:meeting_confirm", lambda demo: _meeting(demo) | {"action": "installa"}),
    RouteCase(
        "meetings:meeting_action",
        lambda demo: _meeting(demo) | {"action": "installa"},
        data=lambda demo: {"installa-bekraftad": "True", "installa-skal": "Inga ärenden."},
    ),
    RouteCase("meetings:minutes_approval", _justering),
    RouteCase(
        "meetings:minutes_action",
        lambda demo: _justering(demo) | {"action": "skicka"},
        data=lambda demo: {},
    ),
    RouteCase(
        "meetings:minutes_action",
        lambda demo: _justering(demo) | {"action": "signera"},
        data=lambda demo: {},
    ),
    RouteCase(
        "meetings:minutes_action",
        lambda demo: {"body": BODY, "meeting": _approved(demo).pk, "action": "rattelse"},
        data=lambda demo: {"rattelse-skal": "Fel paragraf rättad."},
    ),
    RouteCase("meetings:person_feed", _secretary_person),
    RouteCase(
        f"POST {API}/meetings",
        lambda demo: {"slug": BODY},
        data=lambda demo: {"organization": "ks", "starts_at": _in_a_week()},
    ),
    RouteCase(f"POST {API}/meetings/{{meeting_id}}/agenda", _api_meeting, data=lambda demo: {}),
    RouteCase(f"POST {API}/meetings/{{meeting_id}}/notice", _api_meeting, data=lambda demo: {}),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/attendance",
        _api_meeting,
        data=lambda demo: {"person": sample.members(demo)[0].pk, "present": True},
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/approvals",
        lambda demo: {"slug": BODY, "meeting_id": sample.closed(demo).pk},
        data=lambda demo: {"person": sample.members(demo)[0].pk},
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/items/{{item_id}}/decision",
        lambda demo: _api_item(sample.opened(demo)),
        data=lambda demo: {},
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/items/{{item_id}}/votes",
        lambda demo: _api_item(_two_proposals(demo)["item"].meeting),
        data=_votes,
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/cancellation",
        _api_meeting,
        data=lambda demo: {"reason": "Inga ärenden."},
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/items/{{item_id}}/secret-ballot",
        lambda demo: _api_item(_two_proposals(demo)["item"].meeting),
        data=lambda demo: (
            {key: _votes(demo)[key] for key in ("yes_proposal", "no_proposal")}
            | {"yes": 1, "no": 0}
        ),
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/items/{{item_id}}/dissents",
        lambda demo: _api_item(sample.decided(demo).meeting),
        data=lambda demo: {"person": sample.members(demo)[2].pk},
    ),
    RouteCase(
        f"POST {API}/meetings/{{meeting_id}}/items/{{item_id}}/dissents/{{person_id}}/reasons",
        lambda demo: (
            _api_item((dissent := _dissent(demo))["item"].meeting)
            | {"person_id": dissent["person"].pk}
        ),
        data=lambda demo: {"reasons": "Motivering."},
    ),
]

PUBLIC: dict[str, str] = {
    "meetings:public_calendar": "the public calendar of the body's meetings",
    "meetings:public_agenda": "the agenda once the meeting is called; secret case titles masked",
    "meetings:public_packet": "the public packet: a secret attachment only named",
    "meetings:public_minutes": "the approved minutes as the public may read them",
    "meetings:minutes_version": (
        "a stored version of the approved minutes, the public one; before approval a 404 to "
        "all but the secretaries and the signers"
    ),
    "meetings:posting_board": "the official notice board (KL 8 kap.)",
    "meetings:posting_archive": "what was taken down from the official notice board",
    "meetings:notice_detail": "a notice as it was posted on the official notice board",
    "meetings:board_rss": "the notice board as an RSS feed, as the board shows it",
    "meetings:board_atom": "the notice board as an Atom feed, as the board shows it",
    "meetings:meetings_rss": "an organ's meetings as RSS: agenda titles as the public reads them",
    "meetings:meetings_atom": "an organ's meetings as Atom: agenda titles as the public reads them",
    "meetings:item_extract": (
        "the stored protokollsutdrag of a paragraph approved at once; a 404 to whom the "
        "registry hides its case"
    ),
    "meetings:organization_feed": "the iCalendar feed of an organ's meetings, as the calendar",
    f"GET {API}/meetings": "the meetings of a year, as the public calendar",
    f"GET {API}/meetings/{{meeting_id}}": "a meeting: the agenda only once called, masked",
    f"GET {API}/meetings/{{meeting_id}}/items": "the agenda's items once called, masked",
    f"GET {API}/meetings/{{meeting_id}}/items/{{item_id}}": "an item once called, masked",
    f"GET {API}/meetings/{{meeting_id}}/attendance": "who attended: part of the minutes",
    f"GET {API}/postings": "the notice board's postings",
}


@pytest.mark.parametrize("case", SERVICES, ids=lambda case: case.service.__name__)
def test_the_bodys_secretary_may_use_the_service(case: ServiceCase, demo: Demo) -> None:
    """The arguments would write: the refusals above are the policy's, not a failed check."""
    arguments = case.arguments(demo)
    events = Event.objects.count()

    case.service(actor=User.objects.get(username="sekreterare"), **arguments)

    assert Event.objects.count() > events


# The members' own side: each member or substitute acts for themselves alone. The targets are
# a meeting of an organ where none of the personas sits, and the secretary's calendar link,
# which no persona owns; the demo's ledamot sits on the board, so reads their own pages.


def _unseated_meeting(demo: Demo) -> dict[str, Any]:
    """A planned meeting of a political organ of Vänersborg where the demo's ledamot has no
    seat."""
    ledamot = User.objects.get(username=LEDAMOT).person
    seated = Membership.objects.filter(person=ledamot).values("organization_id")
    organization = (
        Organization.objects.filter(
            body=demo[BODY], kind__in=Organization.POLITICAL_KINDS, memberships__isnull=False
        )
        .exclude(pk__in=seated)
        .first()
    )
    meeting = services.meeting_schedule(
        actor=None,
        organization=organization,
        starts_at=timezone.now() + datetime.timedelta(days=7),
    )
    return {"body": BODY, "meeting": meeting}


def _secretary_calendar(demo: Demo) -> dict[str, Any]:
    """The secretary's own calendar link, open."""
    person = Person.objects.get(body=demo[BODY], user__username="sekreterare")
    services.calendar_feed_create(actor=None, person=person)
    return {"person": person}


def _meeting_pk(arguments: dict[str, Any]) -> dict[str, Any]:
    return {"body": BODY, "meeting": arguments["meeting"].pk}


OWN_SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.absence_report, lambda demo: {"meeting": _unseated_meeting(demo)["meeting"]}
    ),
    ServiceCase(
        services.absence_withdraw, lambda demo: {"meeting": _unseated_meeting(demo)["meeting"]}
    ),
    ServiceCase(
        services.calendar_feed_create,
        lambda demo: {"person": Person.objects.get(user__username="sekreterare")},
    ),
    ServiceCase(services.calendar_feed_revoke, _secretary_calendar),
]
# Who has a seat in the body may read their own pages: the ledamot is let through those.
NOT_SEATED = (OTHER_BODY, HANDLAGGARE, ADMINISTRATOR, ANONYMOUS)
OWN_ROUTES: list[RouteCase] = [
    RouteCase("meetings:my_meetings", lambda demo: {"body": BODY}, refused=NOT_SEATED),
    RouteCase("meetings:my_calendar", lambda demo: {"body": BODY}, refused=NOT_SEATED),
    RouteCase(
        "meetings:calendar_feed_create",
        lambda demo: {"body": BODY},
        data=lambda demo: {},
        refused=NOT_SEATED,
    ),
    RouteCase(
        "meetings:calendar_feed_revoke",
        lambda demo: {"body": BODY},
        data=lambda demo: {},
        refused=NOT_SEATED,
    ),
    RouteCase(
        "meetings:absence_report",
        lambda demo: _meeting_pk(_unseated_meeting(demo)),
        data=lambda demo: {},
    ),
    RouteCase(
        "meetings:absence_withdraw",
        lambda demo: _meeting_pk(_unseated_meeting(demo)),
        data=lambda demo: {},
    ),
]
# After the secretary's test above, which tries SERVICES as it stood: none of these is the
# secretary's.
SERVICES = [*SERVICES, *OWN_SERVICES]
ROUTES = [*ROUTES, *OWN_ROUTES]
PUBLIC["meetings:calendar_feed"] = (
    "a person's calendar by its secret link, the link being the key; organ, time and place only"
)


def test_a_member_reports_and_withdraws_their_own_absence_and_keeps_their_own_link(
    demo: Demo,
) -> None:
    ledamot = User.objects.get(username=LEDAMOT)
    meeting = services.meeting_schedule(
        actor=None,
        organization=sample.board(demo),
        starts_at=timezone.now() + datetime.timedelta(days=7),
    )
    events = Event.objects.count()

    services.absence_report(actor=ledamot, meeting=meeting)
    services.absence_withdraw(actor=ledamot, meeting=meeting)
    services.calendar_feed_create(actor=ledamot, person=ledamot.person)
    services.calendar_feed_revoke(actor=ledamot, person=ledamot.person)

    assert Event.objects.count() > events


# Justering: only the chair and the checkers themselves sign; the secretary may not, so this
# comes after the secretary's test above.
SERVICES = [*SERVICES, ServiceCase(services.minutes_sign, lambda demo: {"meeting": _sent(demo)})]


def _failed_delivery(demo: Demo) -> Delivery:
    """The notice of a coming meeting to one member, refused by the mail server."""
    member = sample.members(demo)[0]
    (delivery,) = deliveries.queue(
        None, _coming(demo), Delivery.Kind.NOTICE, [(member, "ledamot@example.se")]
    )
    return audit.update(
        actor=None, instance=delivery, state=Delivery.State.FAILED, attempts=1, answer="550"
    )


def _delivery_route(demo: Demo) -> dict[str, Any]:
    delivery = _failed_delivery(demo)
    return {"body": BODY, "meeting": delivery.meeting_id, "delivery": delivery.pk}


# A meeting's e-mails, their states and the resend of a failed one: the secretary's.
SERVICES = [
    *SERVICES,
    ServiceCase(services.delivery_resend, lambda demo: {"delivery": _failed_delivery(demo)}),
]
ROUTES = [
    *ROUTES,
    RouteCase("meetings:meeting_deliveries", _meeting),
    RouteCase("meetings:delivery_resend", _delivery_route, data=lambda demo: {}),
]


def _order_draft(demo: Demo) -> OrderDraft:
    return order_draft_create(
        actor=None,
        order=DelegationOrder.objects.get(body=demo["vanersborg"]),
        version="2.0",
        valid_from=timezone.localdate() + datetime.timedelta(days=400),
    )


# A draft of a new version of the delegation order goes before the board: the secretary's.
SERVICES = [
    *SERVICES,
    ServiceCase(
        services.order_draft_to_agenda,
        lambda demo: {"draft": _order_draft(demo), "meeting": sample.planned(demo)},
    ),
]
ROUTES = [
    *ROUTES,
    RouteCase(
        "meetings:order_draft_agenda",
        lambda demo: {"body": BODY, "draft": _order_draft(demo).pk},
        data=lambda demo: {"sammantrade": sample.planned(demo).pk},
    ),
]
