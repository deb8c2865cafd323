"""Who holds the meetings is decided by role: the administrator runs no meeting (issue 10: it
downloaded a members' packet with every secret attachment, and its API key sent notices)
unless it also holds the secretary's role; the secretary's tools are offered only to whom may
use them, and a refusal after a post keeps what was typed."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create
from kansli.meetings import views
from kansli.meetings.models import Meeting
from kansli.meetings.tests import demo_meeting as sample
from kansli.meetings.tests.sitting import action_url, signed_in
from kansli.tests.refusals import Demo


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _packet(meeting: Meeting) -> str:
    return reverse(
        "meetings:meeting_document", args=[sample.BODY, meeting.pk, "ledamotshandlingar"]
    )


def _api(client: Client, method: str, path: str, user: User) -> Any:
    _token, key = token_create(actor=None, user=user, name="test")
    url = f"/api/v1/bodies/{sample.BODY}{path}"
    return getattr(client, method)(url, headers={"Authorization": f"Bearer {key}"})


def test_the_administrator_cannot_download_the_members_packet(demo: Demo) -> None:
    meeting = sample.planned(demo)

    response = signed_in(_user("admin")).get(_packet(meeting))

    assert response.status_code == 403
    assert response["Content-Type"] != "application/pdf"


def test_an_administrator_who_is_also_a_secretary_downloads_the_members_packet(
    demo: Demo,
) -> None:
    meeting = sample.planned(demo)
    admin = _user("admin")
    admin.groups.add(Group.objects.get(name=Role.SECRETARY))

    response = signed_in(admin).get(_packet(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_administrator_cannot_send_the_notice_on_the_meeting_page(demo: Demo) -> None:
    meeting = sample.planned(demo)

    response = signed_in(_user("admin")).post(action_url(meeting, "kallelse"))

    assert response.status_code == 403
    assert not meeting.deliveries.exists()
    assert not mail.outbox


def test_the_administrators_key_sends_no_notice_through_the_api(demo: Demo) -> None:
    meeting = sample.planned(demo)

    response = _api(Client(), "post", f"/meetings/{meeting.pk}/notice", _user("admin"))

    assert response.status_code == 403
    assert "nämndsekreterare" in response.json()["detail"]
    assert not meeting.deliveries.exists()
    assert not mail.outbox


def test_the_administrators_key_does_not_see_a_draft_agenda(demo: Demo) -> None:
    meeting = sample.planned(demo)

    admin = _api(Client(), "get", f"/meetings/{meeting.pk}", _user("admin")).json()
    secretary = _api(Client(), "get", f"/meetings/{meeting.pk}", _user("sekreterare")).json()

    assert admin["items"] == []
    assert [item["title"] for item in secretary["items"]] == [sample.ITEM]


@pytest.mark.parametrize(("username", "offered"), [("admin", False), ("sekreterare", True)])
def test_only_the_secretary_is_offered_the_meeting_plan(
    demo: Demo, username: str, offered: bool
) -> None:
    calendar = reverse("meetings:public_calendar", args=[sample.BODY])
    plan = reverse("meetings:meeting_plan", args=[sample.BODY])

    response = signed_in(_user(username)).get(calendar)

    assert (plan in response.content.decode()) is offered


def test_a_refusal_after_a_post_keeps_what_was_typed(
    demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**arguments: object) -> None:
        raise PermissionDenied("Du får inte lägga till punkter i dag.")

    monkeypatch.setitem(
        views.MEETING_ACTIONS, "punkt", views.MEETING_ACTIONS["punkt"]._replace(service=refused)
    )
    meeting = sample.planned(demo)

    response = signed_in(_user("sekreterare")).post(
        action_url(meeting, "punkt"), {"punkt-rubrik": "Motion om cykelbanor"}
    )

    page_text = response.content.decode()
    assert response.status_code == 403
    assert "Du får inte lägga till punkter i dag." in page_text
    assert 'value="Motion om cykelbanor"' in page_text
