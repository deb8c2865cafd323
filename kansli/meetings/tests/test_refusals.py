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
from kansli.audit.models import Event
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests import demo_meeting as sample
from kansli.organisation.models import Person
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.tests.refusals import (
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


def _approved(demo: Demo) -> dict[str, Any]:
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


def _in_a_week() -> str:
    return (timezone.now() + datetime.timedelta(days=7)).isoformat()


SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.meeting_schedule,
        lambda demo: {
            "organization": sample.board(demo),
            "starts_at": timezone.now() + datetime.timedelta(days=7),
        },
    ),
    ServiceCase(services.meeting_cancel, lambda demo: {"meeting": sample.planned(demo)}),
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
    ServiceCase(services.notice_send, lambda demo: {"meeting": sample.planned(demo)}),
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
    ServiceCase(services.extracts_register, _approved),
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
        lambda demo: {"meeting": sample.closed(demo), "person": sample.members(demo)[0]},
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
]

PUBLIC: dict[str, str] = {
    "meetings:public_calendar": "the public calendar of the body's meetings",
    "meetings:public_agenda": "the agenda once the meeting is called; secret case titles masked",
    "meetings:public_packet": "the public packet: a secret attachment only named",
    "meetings:public_minutes": "the approved minutes as the public may read them",
    "meetings:posting_board": "the official notice board (KL 8 kap.)",
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
