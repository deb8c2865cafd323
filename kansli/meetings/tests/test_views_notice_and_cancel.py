"""Sending the notice and cancelling ask first, on a page that says what will happen: the notice
page lists who gets it (and says when it is a resend, which is recorded); the cancel page asks
why and who will be told. A bare post does neither; the wrong users are refused the pages."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.sitting import action_url, confirm_url, page, signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

Clock = Callable[[datetime.datetime], None]


@pytest.fixture
def built(secretary: User, meeting: Meeting, frozen_now: Clock) -> Meeting:
    """The meeting with its agenda, ten days ahead of it."""
    frozen_now(at(DAY - datetime.timedelta(days=10)))
    services.agenda_build(actor=secretary, meeting=meeting)
    return meeting


def test_the_notice_page_lists_who_gets_the_notice_before_it_is_sent(
    secretary: User, built: Meeting, ks: Board, django_capture_on_commit_callbacks: Any
) -> None:
    client = signed_in(secretary)

    html = client.get(confirm_url(built, "kallelse")).content.decode()
    bare = client.post(action_url(built, "kallelse"))
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(action_url(built, "kallelse"), {"kallelse-bekraftad": "True"})

    assert "Kallelsen går till 7 mottagare" in html
    assert "Bo Berg &lt;bo@example.se&gt;" in html
    assert "Skicka kallelsen</button>" in html
    assert bare.status_code == 400
    assert sent.status_code == 302
    built.refresh_from_db()
    assert built.status == Meeting.Status.CALLED
    assert len(mail.outbox) == 7


def test_a_resend_asks_again_and_is_recorded(secretary: User, built: Meeting) -> None:
    services.notice_send(actor=secretary, meeting=built)
    client = signed_in(secretary)

    html = client.get(confirm_url(built, "kallelse")).content.decode()
    client.post(action_url(built, "kallelse"), {"kallelse-bekraftad": "True"})

    assert "Skicka kallelsen igen</button>" in html
    assert "Kallelsen skickades" in html
    assert built.deliveries.count() == 14
    resend = Event.objects.get(action="meeting.notice_resend")
    assert resend.object_id == str(built.pk)
    assert resend.after["recipients"] == 7


def test_the_cancel_page_asks_why_and_the_reason_is_shown(secretary: User, built: Meeting) -> None:
    services.notice_send(actor=secretary, meeting=built)
    client = signed_in(secretary)

    html = client.get(confirm_url(built, "installa")).content.decode()
    bare = client.post(action_url(built, "installa"))
    built.refresh_from_db()
    assert built.status == Meeting.Status.CALLED
    done = client.post(
        action_url(built, "installa"),
        {"installa-bekraftad": "True", "installa-skal": "Ordföranden är sjuk."},
    )
    detail = client.get(page("meetings:meeting_detail", built)).content.decode()

    assert "Skäl till att sammanträdet ställs in" in html
    assert "Bo Berg" in html
    assert bare.status_code == 400
    assert done.status_code == 302
    built.refresh_from_db()
    assert built.status == Meeting.Status.CANCELLED
    assert "Ordföranden är sjuk." in detail


@pytest.mark.parametrize("role", [Role.ELECTED_MEMBER, Role.CASE_OFFICER])
def test_the_confirm_pages_are_refused_to_who_does_not_hold_meetings(
    built: Meeting, ks: Board, role: Role
) -> None:
    user = user_create(actor=None, username="annan", password=None, roles=[role], person=ks.bo)
    client = signed_in(user)

    for action in ("kallelse", "installa"):
        response = client.get(confirm_url(built, action))
        assert response.status_code == 403
        assert "bo@example.se" not in response.content.decode()


def test_the_confirm_pages_send_the_signed_out_to_the_login(built: Meeting) -> None:
    response = Client().get(confirm_url(built, "kallelse"))

    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]


def test_another_bodys_secretary_is_refused_the_confirm_pages(built: Meeting) -> None:
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = organisation.person_create(
        actor=None, body=other, given_name="Olle", family_name="Annan"
    )
    client = signed_in(
        user_create(
            actor=None, username="olle", password=None, roles=[Role.SECRETARY], person=stranger
        )
    )

    for action in ("kallelse", "installa"):
        response = client.get(confirm_url(built, action))
        assert response.status_code == 403
        assert "bo@example.se" not in response.content.decode()
    assert client.post(action_url(built, "installa"), {"installa-skal": "x"}).status_code == 403
    built.refresh_from_db()
    assert built.status == Meeting.Status.PLANNED
