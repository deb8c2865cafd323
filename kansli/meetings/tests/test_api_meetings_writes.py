"""Writing meetings through the API: a secretary's key schedules, builds the agenda, sends the
notice, decides by roll call and approves; other keys and no key are refused."""

import datetime
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.meetings import services
from kansli.meetings.models import Meeting, Posting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import case_item, counter_proposal, opened


def key_of(user: User) -> str:
    return token_create(actor=None, user=user, name="test")[1]


def post(path: str, data: dict | None = None, key: str | None = None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client().post(
        f"/api/v1/bodies/vanersborg{path}",
        data or {},
        content_type="application/json",
        headers=headers,
    )


def test_a_secretary_schedules_builds_the_agenda_and_calls_the_meeting(
    ks: Board, secretary: User
) -> None:
    key = key_of(secretary)
    # Twelve days ahead, so that the notice goes out before the meeting, whatever the day.
    starts_at = at(timezone.localdate() + datetime.timedelta(days=12), 9)

    created = post(
        "/meetings",
        {"organization": "ks", "starts_at": starts_at.isoformat(), "place": "Salen"},
        key,
    )
    meeting_id = created.json()["id"]
    built = post(f"/meetings/{meeting_id}/agenda", key=key)
    sent = post(f"/meetings/{meeting_id}/notice", key=key)

    assert created.status_code == 201
    assert built.status_code == 200
    assert [item["kind"] for item in built.json()["items"]][:2] == ["opening", "minutes_checker"]
    assert sent.status_code == 200
    assert sent.json()["status"] == "called"
    assert sent.json()["items"]
    assert Meeting.objects.get().deliveries.exists()


def test_without_a_key_or_with_a_members_key_nothing_is_written(
    ks: Board, meeting: Meeting
) -> None:
    member = user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )

    anonymous = post(f"/meetings/{meeting.pk}/agenda")
    refused = post(f"/meetings/{meeting.pk}/agenda", key=key_of(member))

    assert anonymous.status_code == 401
    assert refused.status_code == 403
    assert not meeting.items.exists()


def test_a_roll_call_decides_the_item(ks: Board, secretary: User, meeting: Meeting) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    prepared, counter = counter_proposal(item, ks.bo)
    ballots = {ks.chair.pk: "yes", ks.bo.pk: "no", ks.cecilia.pk: "yes", ks.david.pk: "no"}

    response = post(
        f"/meetings/{meeting.pk}/items/{item.pk}/votes",
        {"yes_proposal": prepared.pk, "no_proposal": counter.pk, "ballots": ballots},
        key_of(secretary),
    )

    data = response.json()
    assert response.status_code == 200, data
    assert data["status"] == "decided"
    [vote] = data["votes"]
    assert (vote["yes_count"], vote["no_count"], vote["casting_vote"]) == (2, 2, True)
    assert vote["winner"] == prepared.pk


def test_a_decision_without_a_quorum_is_refused(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    key = key_of(secretary)
    for person in (ks.bo, ks.cecilia):
        post(f"/meetings/{meeting.pk}/attendance", {"person": person.pk, "present": False}, key)

    response = post(f"/meetings/{meeting.pk}/items/{item.pk}/decision", {}, key)

    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "inte beslutför" in response.json()["detail"]


def test_the_chair_and_the_checker_approve_and_the_minutes_are_posted(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    meeting = opened(ks, meeting)
    key = key_of(secretary)
    for item in meeting.items.filter(case__isnull=False):
        post(f"/meetings/{meeting.pk}/items/{item.pk}/decision", {}, key)
    services.meeting_close(actor=None, meeting=meeting)
    frozen_now(at(DAY, 15))
    services.minutes_send_for_approval(actor=None, meeting=meeting)

    stranger = post(f"/meetings/{meeting.pk}/approvals", {"person": ks.cecilia.pk}, key)
    chair = post(f"/meetings/{meeting.pk}/approvals", {"person": ks.chair.pk}, key)
    checker = post(f"/meetings/{meeting.pk}/approvals", {"person": ks.bo.pk}, key)
    again = post(f"/meetings/{meeting.pk}/approvals", {"person": ks.bo.pk}, key)

    assert stranger.status_code == 400
    assert stranger.json()["code"] == "invalid"
    assert "varken ordförande eller justerare" in stranger.json()["detail"]
    assert again.status_code == 409
    assert again.json()["code"] == "conflict"
    assert chair.json()["status"] == "closed"
    assert checker.json()["status"] == "approved"
    assert [a["role"] for a in checker.json()["approvals"]] == ["chair", "checker"]
    assert Posting.objects.get().posted_on == DAY


def test_a_write_against_the_meetings_state_is_a_conflict_and_bad_input_is_invalid(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    key = key_of(secretary)

    decided = post(f"/meetings/{meeting.pk}/items/{item.pk}/decision", {}, key)
    again = post(f"/meetings/{meeting.pk}/items/{item.pk}/decision", {}, key)
    notice = post(f"/meetings/{meeting.pk}/notice", key=key)
    office = post(
        "/meetings",
        {"organization": "kommunstyrelseforvaltningen", "starts_at": "2026-12-15T09:00:00+01:00"},
        key,
    )

    assert decided.status_code == 200
    assert again.status_code == 409
    assert again.json() == {
        "detail": f"Punkten ”{item.title}” är redan behandlad.",
        "code": "conflict",
        "fields": {},
    }
    assert notice.status_code == 409
    assert notice.json()["detail"] == "Det går inte när sammanträdet har status ”pågår”."
    assert office.status_code == 400
    assert office.json() == {
        "detail": "Bara politiska organ håller sammanträden; "
        "Kommunstyrelseförvaltningen är inte ett.",
        "code": "invalid",
        "fields": {},
    }
