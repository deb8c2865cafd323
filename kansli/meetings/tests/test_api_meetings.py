"""Meetings through the API: readable without a key as the public, secret cases masked; the
items with their roll calls and dissents; attendance; the postings."""

import datetime
from collections.abc import Callable

from django.test import Client

from kansli import legal_time
from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.meetings import services
from kansli.meetings.models import Ballot, Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import (
    SECRET_TITLE,
    approved,
    called,
    case_item,
    counter_proposal,
    opened,
)

MASKED = "[Sekretess enligt OSL 26 kap. 1 §]"


def get(path: str, **headers: str):
    return Client().get(f"/api/v1/bodies/vanersborg{path}", headers=headers)


def test_the_meetings_of_a_year_are_listed_without_a_key(meeting: Meeting) -> None:
    meeting = called(meeting)

    response = get("/meetings?organization=ks&year=2026")

    assert response.status_code == 200
    [listed] = response.json()
    assert (listed["id"], listed["status"], listed["agenda_published"]) == (
        meeting.pk,
        "called",
        True,
    )
    assert listed["minutes"] == {"approved": False, "approved_at": None, "public_pdf": None}


def test_a_secret_case_is_masked_in_the_public_api(meeting: Meeting) -> None:
    meeting = called(meeting)

    detail = get(f"/meetings/{meeting.pk}").json()
    items = get(f"/meetings/{meeting.pk}/items").json()

    assert SECRET_TITLE not in str(detail)
    assert SECRET_TITLE not in str(items)
    secret = next(item for item in detail["items"] if item["title_masked"])
    assert (secret["title"], secret["proposal"]) == (MASKED, MASKED)


def test_a_key_that_sees_through_secrecy_reads_the_secret_case(
    secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    secretary.is_superuser = True
    secretary.save()
    _token, key = token_create(actor=None, user=secretary, name="test")

    detail = get(f"/meetings/{meeting.pk}", Authorization=f"Bearer {key}").json()

    assert SECRET_TITLE in [item["title"] for item in detail["items"]]


def test_a_wrong_key_is_refused_rather_than_read_as_the_public(meeting: Meeting) -> None:
    assert get("/meetings", Authorization="Bearer fel").status_code == 401


def test_a_planned_meetings_draft_agenda_is_for_the_secretaries_only(
    secretary: User, meeting: Meeting
) -> None:
    item = services.item_add(actor=None, meeting=meeting, title="Utkast")
    _token, key = token_create(actor=None, user=secretary, name="test")

    assert get(f"/meetings/{meeting.pk}").json()["items"] == []
    assert get(f"/meetings/{meeting.pk}/items/{item.pk}").status_code == 404
    drafted = get(f"/meetings/{meeting.pk}", Authorization=f"Bearer {key}").json()
    assert [row["title"] for row in drafted["items"]] == ["Utkast"]


def test_an_item_shows_the_secretary_its_roll_call_by_name_and_its_dissent_in_session(
    ks: Board, meeting: Meeting, secretary: User
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    prepared, counter = counter_proposal(item, ks.bo)
    ballots = {
        ks.chair: Ballot.Choice.YES,
        ks.bo: Ballot.Choice.NO,
        ks.cecilia: Ballot.Choice.YES,
        ks.david: Ballot.Choice.ABSTAIN,
    }
    services.vote_record(
        actor=None, item=item, yes_proposal=prepared, no_proposal=counter, ballots=ballots
    )
    services.dissent_record(actor=None, item=item, person=ks.bo, reasons="Fel väg.")

    _token, key = token_create(actor=None, user=secretary, name="test")
    data = get(f"/meetings/{meeting.pk}/items/{item.pk}", Authorization=f"Bearer {key}").json()

    [vote] = data["votes"]
    assert (vote["yes_count"], vote["no_count"], vote["abstain_count"]) == (2, 1, 1)
    assert vote["winner"] == prepared.pk
    assert {b["person"]["name"]: b["choice"] for b in vote["ballots"]} == {
        person.name: choice for person, choice in ballots.items()
    }
    assert data["dissents"] == [
        {"person": {"id": ks.bo.pk, "name": ks.bo.name}, "reasons": "Fel väg."}
    ]
    assert data["minute_number"] is not None


def test_attendance_is_listed_with_the_minutes_checker(ks: Board, meeting: Meeting) -> None:
    meeting = opened(ks, meeting)

    rows = get(f"/meetings/{meeting.pk}/attendance").json()

    assert {row["person"]["name"] for row in rows} >= {ks.chair.name, ks.erik.name}
    assert [row["person"]["name"] for row in rows if row["checks_minutes"]] == [ks.bo.name]


def test_the_postings_and_the_approved_minutes(
    ks: Board, meeting: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY, 15))
    meeting = approved(ks, meeting)
    period = legal_time.appeal_deadline(DAY)

    [posting] = get("/postings").json()
    detail = get(f"/meetings/{meeting.pk}").json()
    later = get(f"/postings?on={period.taken_down.isoformat()}").json()

    assert posting["meeting"] == meeting.pk
    assert posting["posted_on"] == DAY.isoformat()
    assert posting["last_appeal_day"] == period.last_day.isoformat()
    assert posting["taken_down_on"] == period.taken_down.isoformat()
    assert posting["late"] is False
    assert later == []
    assert detail["minutes"]["approved"] is True
    assert detail["minutes"]["public_pdf"].endswith(f"/sammantraden/{meeting.pk}/protokoll.pdf")
