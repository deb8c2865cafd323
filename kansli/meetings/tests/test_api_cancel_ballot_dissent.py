"""The API's cancelling (with the reason, a CANCEL to every calendar invited), secret ballot in
an election and dissent with its written reasons go through the same services as the pages: a
secretary's key writes; a member's key is refused (403), no key too (401), and nothing is
written."""

from typing import Any

import pytest
from django.core import mail

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Dissent, Meeting, Vote
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.sitting import called, case_item, counter_proposal, opened
from kansli.meetings.tests.test_api_meetings_writes import key_of, post


@pytest.fixture
def member_key(ks: Board) -> str:
    bo = user_create(
        actor=None, username="bo", password=None, roles=[Role.ELECTED_MEMBER], person=ks.bo
    )
    return key_of(bo)


def test_a_secretary_cancels_with_the_reason_and_the_calendars_are_told(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    member_key: str,
    django_capture_on_commit_callbacks: Any,
) -> None:
    meeting = called(meeting)
    mail.outbox.clear()
    path = f"/meetings/{meeting.pk}/cancellation"

    anonymous = post(path, {"reason": "Inga ärenden."})
    refused = post(path, {"reason": "Inga ärenden."}, member_key)
    assert (anonymous.status_code, refused.status_code) == (401, 403)
    assert not mail.outbox
    empty = post(path, {"reason": " "}, key_of(secretary))
    assert empty.status_code == 400

    with django_capture_on_commit_callbacks(execute=True):
        response = post(path, {"reason": "Inga ärenden."}, key_of(secretary))

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "cancelled"
    meeting.refresh_from_db()
    assert meeting.cancel_reason == "Inga ärenden."
    assert mail.outbox
    assert all(b"METHOD:CANCEL" in message.message().as_bytes() for message in mail.outbox)


def test_a_secret_ballot_decides_an_election_and_is_refused_elsewhere(
    ks: Board, secretary: User, meeting: Meeting, member_key: str
) -> None:
    meeting = opened(ks, meeting)
    election = services.item_add(
        actor=None, meeting=meeting, title="Val av ombud", kind=AgendaItem.Kind.ELECTION
    )
    first = services.proposal_add(actor=None, item=election, text="Anna Andersson", proposer=ks.bo)
    second = services.proposal_add(actor=None, item=election, text="David Dahl", proposer=ks.david)
    path = f"/meetings/{meeting.pk}/items/{election.pk}/secret-ballot"
    ballot = {"yes_proposal": first.pk, "no_proposal": second.pk, "yes": 3, "no": 1}

    assert post(path, ballot).status_code == 401
    assert post(path, ballot, member_key).status_code == 403
    assert not Vote.objects.exists()

    response = post(path, ballot, key_of(secretary))

    data = response.json()
    assert response.status_code == 200, data
    assert data["status"] == "decided" and data["method"] == "secret_ballot"
    [vote] = data["votes"]
    assert (vote["method"], vote["yes_count"], vote["no_count"]) == ("secret", 3, 1)
    assert vote["ballots"] == []

    item = case_item(meeting)
    prepared, counter = counter_proposal(item, ks.bo)
    refused = post(
        f"/meetings/{meeting.pk}/items/{item.pk}/secret-ballot",
        {"yes_proposal": prepared.pk, "no_proposal": counter.pk, "yes": 3, "no": 1},
        key_of(secretary),
    )
    assert refused.status_code == 400
    assert "Sluten omröstning får bara ske vid val" in str(refused.json())


def test_a_dissent_is_entered_at_the_meeting_and_its_reasons_follow(
    ks: Board, secretary: User, meeting: Meeting, member_key: str
) -> None:
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    services.item_decide(actor=None, item=item)
    dissents = f"/meetings/{meeting.pk}/items/{item.pk}/dissents"
    reasons = f"{dissents}/{ks.david.pk}/reasons"

    assert post(dissents, {"person": ks.david.pk}).status_code == 401
    assert post(dissents, {"person": ks.david.pk}, member_key).status_code == 403
    assert not Dissent.objects.exists()

    entered = post(dissents, {"person": ks.david.pk}, key_of(secretary))
    services.meeting_close(actor=None, meeting=meeting)
    late = post(dissents, {"person": ks.bo.pk}, key_of(secretary))
    refused = post(reasons, {"reasons": "Fel väg."}, member_key)
    given = post(reasons, {"reasons": "Beslutet går emot budgeten."}, key_of(secretary))

    assert entered.status_code == 200, entered.json()
    assert late.status_code == 409 and "KL 4 kap. 27 §" in late.json()["detail"]
    assert refused.status_code == 403
    assert given.status_code == 200, given.json()
    [dissent] = given.json()["dissents"]
    assert dissent["reasons"] == "Beslutet går emot budgeten."
    assert Dissent.objects.get().reasons == "Beslutet går emot budgeten."
