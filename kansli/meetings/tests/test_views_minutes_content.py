"""What the minutes say besides the decisions, entered on the session page: who the decision is
sent to (expediering), an adjournment, and who left after an item."""

import datetime
from collections.abc import Callable

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import (
    action_url,
    case_item,
    item_url,
    opened,
    page,
    signed_in,
)


def test_the_session_page_records_recipients_an_adjournment_and_who_left(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    frozen_now(at(DAY, 10))
    meeting = opened(ks, meeting)
    item = case_item(meeting)
    services.item_decide(actor=secretary, item=item)
    client = signed_in(secretary)
    frozen_now(at(DAY, 12))

    responses = [
        client.post(
            item_url(item, "expediering"),
            {f"expediering-{item.pk}-mottagare": "Kulturnämnden\r\nEkonomienheten"},
        ),
        client.post(
            action_url(meeting, "ajournering"),
            {"ajournering-fran": "10:30", "ajournering-till": "10:45"},
        ),
        client.post(
            action_url(meeting, "narvaroparagrafer"),
            {"narvaroparagrafer-person": ks.david.pk, "narvaroparagrafer-lamnade": item.pk},
        ),
    ]

    assert [response.status_code for response in responses] == [302, 302, 302]
    html = client.get(page("meetings:meeting_session", meeting)).content.decode()
    assert "Skickas till: Kulturnämnden<br>Ekonomienheten" in html
    assert "Ajournering: 10:30–10:45" in html
    assert meeting.attendance.get(person=ks.david).left_after == item


def test_an_adjournment_outside_the_meeting_is_refused_on_the_page(
    ks: Board,
    secretary: User,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    frozen_now(at(DAY, 10))
    meeting = opened(ks, meeting)
    client = signed_in(secretary)

    response = client.post(
        action_url(meeting, "ajournering"),
        {"ajournering-fran": "08:00", "ajournering-till": "08:30"},
    )

    assert response.status_code == 400
    assert "Ajourneringen ligger mellan sammanträdets öppnande" in response.content.decode()
    assert not meeting.adjournments.exists()
