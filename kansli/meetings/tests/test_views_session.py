"""The meeting in session and its approval, through the pages: attendance with a serving
substitute, an official, a disqualified member, a roll-call vote, a dissent, closing,
approving and the posting with its legal dates."""

import datetime
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from kansli import legal_time
from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Attendance, Ballot, Meeting, Posting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import (
    action_url,
    called,
    case_item,
    counter_proposal,
    item_url,
    opened,
    page,
    signed_in,
)


def session(client: Client, meeting: Meeting) -> str:
    response = client.get(page("meetings:meeting_session", meeting))
    assert response.status_code == 200
    return response.content.decode()


def test_the_secretary_fills_the_attendance_marks_an_absence_and_calls_a_substitute(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    client = signed_in(secretary)

    client.post(action_url(meeting, "narvarolista"))
    client.post(action_url(meeting, "narvaro"), {"narvaro-person": ks.cecilia.pk})
    response = client.post(
        action_url(meeting, "ersattare"),
        {"ersattare-ersattare": ks.frida.pk, "ersattare-tjanstgor_for": ks.cecilia.pk},
    )

    assert response.status_code == 302
    assert not meeting.attendance.get(person=ks.cecilia).present
    assert meeting.attendance.get(person=ks.frida).serves_for == ks.cecilia
    assert "Beslutfört: 4 av 4 ledamöter tjänstgör." in session(client, meeting)


def test_a_substitute_out_of_turn_is_refused_with_the_reason(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    client = signed_in(secretary)
    client.post(action_url(meeting, "narvarolista"))
    client.post(action_url(meeting, "narvaro"), {"narvaro-person": ks.cecilia.pk})

    response = client.post(
        action_url(meeting, "ersattare"),
        {"ersattare-ersattare": ks.gustav.pk, "ersattare-tjanstgor_for": ks.cecilia.pk},
    )

    assert response.status_code == 400
    assert "står före" in response.content.decode()
    assert meeting.attendance.get(person=ks.gustav).serves_for is None


def test_the_director_is_entered_with_the_right_to_speak(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    client = signed_in(secretary)

    response = client.post(
        action_url(meeting, "tjansteperson"),
        {
            "tjansteperson-person": ks.director.pk,
            "tjansteperson-yttranderatt": "on",
            "tjansteperson-grund": "Kommundirektör",
        },
    )

    row = meeting.attendance.get(person=ks.director)
    assert response.status_code == 302
    assert (row.capacity, row.may_speak) == (Attendance.Capacity.OFFICIAL, True)
    assert "yttranderätt: Kommundirektör" in session(client, meeting)


def test_the_meeting_is_opened_and_closed_from_the_session_page(
    secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    client = signed_in(secretary)
    client.post(action_url(meeting, "narvarolista"))

    client.post(action_url(meeting, "oppna"))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.OPENED
    client.post(action_url(meeting, "avsluta"))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED


def test_an_item_with_a_disqualified_member_is_decided_by_roll_call_with_a_dissent(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    client = signed_in(secretary)
    item = case_item(meeting)
    jav = f"jav-{item.pk}"
    client.post(
        item_url(item, "jav"),
        {
            f"{jav}-person": ks.david.pk,
            f"{jav}-grund": "Make till sökanden",
            f"{jav}-ersattare": ks.erik.pk,
        },
    )
    prepared, counter = counter_proposal(item, ks.bo)
    vote = f"votering-{item.pk}"
    ballots = {
        ks.chair: Ballot.Choice.YES,
        ks.bo: Ballot.Choice.NO,
        ks.cecilia: Ballot.Choice.YES,
        ks.erik: Ballot.Choice.YES,
    }

    response = client.post(
        item_url(item, "votering"),
        {
            f"{vote}-ja": prepared.pk,
            f"{vote}-nej": counter.pk,
            **{f"{vote}-rost_{person.pk}": choice for person, choice in ballots.items()},
        },
    )
    client.post(
        item_url(item, "reservation"),
        {f"reservation-{item.pk}-person": ks.bo.pk, f"reservation-{item.pk}-motivering": "Fel."},
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.minute_number is not None
    recorded = item.votes.get()
    assert {ballot.person: ballot.choice for ballot in recorded.ballots.all()} == ballots
    assert recorded.winner == prepared
    assert item.dissents.get().person == ks.bo
    html = session(client, meeting)
    assert "Make till sökanden" in html
    assert "Omröstning: 3 ja, 1 nej, 0 avstår." in html
    assert f"{ks.bo.name}: nej" in html
    assert f"Reservationer: {ks.bo.name} (skriftligt)" in html


def test_the_vote_form_names_those_serving_in_the_item(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    counter_proposal(item, ks.bo)

    html = session(signed_in(secretary), meeting)

    assert "Votering med namnupprop" in html
    for person in (ks.chair, ks.bo, ks.cecilia, ks.david):
        assert f'name="votering-{item.pk}-rost_{person.pk}"' in html
    assert f'name="votering-{item.pk}-rost_{ks.erik.pk}"' not in html


def test_an_item_is_decided_by_acclamation_and_a_minute_note_entered(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    client = signed_in(secretary)

    client.post(item_url(item, "beslut"), {f"beslut-{item.pk}-beslut": "Budgeten antas."})
    client.post(
        item_url(item, "anteckning"),
        {f"anteckning-{item.pk}-person": ks.cecilia.pk, f"anteckning-{item.pk}-text": "Bra."},
    )

    item.refresh_from_db()
    assert item.resolution == "Budgeten antas."
    assert item.notes.get().text == "Bra."


def _held(ks: Board, meeting: Meeting) -> Meeting:
    meeting = opened(ks, meeting)
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    return services.meeting_close(actor=None, meeting=meeting)


def test_the_chair_and_the_checker_approve_and_the_posting_shows_its_legal_dates(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    meeting = _held(ks, meeting)
    frozen_now(at(DAY, 15))
    client = signed_in(secretary)
    slug = meeting.organization.body.slug
    send = reverse("meetings:minutes_action", args=[slug, meeting.pk, "skicka"])
    paper = reverse("meetings:minutes_action", args=[slug, meeting.pk, "papper"])

    assert client.post(send).status_code == 302
    for person in (ks.chair, ks.bo):
        response = client.post(paper, {"papper-person": person.pk})
        assert response.status_code == 302

    meeting.refresh_from_db()
    posting = Posting.objects.get(meeting=meeting)
    period = legal_time.appeal_deadline(DAY)
    assert meeting.status == Meeting.Status.APPROVED
    assert (posting.posted_on, posting.last_appeal_day) == (DAY, period.last_day)
    html = client.get(page("meetings:meeting_detail", meeting)).content.decode()
    assert period.last_day.isoformat() in html
    assert period.taken_down.isoformat() in html
    assert "Anslaget är sent" not in html


def test_a_late_posting_is_shown_with_a_warning(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    meeting = _held(ks, meeting)
    frozen_now(at(DAY, 15))
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    frozen_now(at(DAY + datetime.timedelta(days=10)))
    for person in (ks.chair, ks.bo):
        services.minutes_approve(
            actor=None, meeting=meeting, person=person, approved_at=at(DAY, 15)
        )

    html = signed_in(secretary).get(page("meetings:meeting_detail", meeting)).content.decode()

    assert "Anslaget är sent" in html
    assert legal_time.posting_due(DAY).isoformat() in html


def test_an_elected_member_may_not_decide_an_item(ks: Board, meeting: Meeting) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    member = user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )

    response = signed_in(member).post(
        item_url(item, "beslut"), {f"beslut-{item.pk}-beslut": "Antas."}
    )

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.minute_number is None


def test_an_item_is_tabled(ks: Board, secretary: User, meeting: Meeting) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)

    signed_in(secretary).post(item_url(item, "atgard"), {f"atgard-{item.pk}-status": "tabled"})

    item.refresh_from_db()
    assert item.status == AgendaItem.Status.TABLED


def test_an_item_is_approved_immediately_by_the_chair_and_the_checker(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    services.item_decide(actor=None, item=item)
    client = signed_in(secretary)

    for person in (ks.chair, ks.bo):
        client.post(item_url(item, "omedelbar"), {f"omedelbar-{item.pk}-person": person.pk})

    item.refresh_from_db()
    assert item.approved_immediately_at is not None
    assert Posting.objects.get().item == item
    assert "omedelbart justerad" in session(client, meeting)
