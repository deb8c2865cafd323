"""The meetings admin: administrators read meetings, postings and minute series; the place of a
meeting is corrected there, audited."""

from collections.abc import Callable

from django.test import Client

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.meetings.models import Meeting


def test_an_administrator_corrects_the_place_and_the_change_is_audited(
    make_user: Callable[..., User], meeting: Meeting
) -> None:
    client = Client()
    client.force_login(make_user("admin", Role.ADMINISTRATOR))
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "starts_at_0": "2026-12-01",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2026-12-01",
            "ends_at_1": "16:00:00",
            "place": "Stadshuset, rum 2",
            "open_to_public": "",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
            "attendance-TOTAL_FORMS": "0",
            "attendance-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.place == "Stadshuset, rum 2"
    assert Event.objects.filter(action="meeting.update", object_id=str(meeting.pk)).exists()


def test_postings_and_minute_series_are_read_only(make_user: Callable[..., User]) -> None:
    client = Client()
    client.force_login(make_user("admin", Role.ADMINISTRATOR))

    assert client.get("/admin/meetings/posting/").status_code == 200
    assert client.get("/admin/meetings/minuteseries/").status_code == 200
    assert client.get("/admin/meetings/posting/add/").status_code == 403
