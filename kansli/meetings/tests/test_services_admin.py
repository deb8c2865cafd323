"""The meetings in the admin: the administrator's role has none of them (meetings are the
secretaries' business, held on the meeting pages); an operator reads them there and corrects a
meeting's place, audited; postings and minute series are read-only even to an operator."""

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.sitting import signed_in


def test_the_administrator_has_no_meetings_in_the_admin(ks: Board, meeting: Meeting) -> None:
    administrator = user_create(
        actor=None, username="admin", password=None, roles=[Role.ADMINISTRATOR], person=ks.bo
    )
    client = signed_in(administrator)

    for url in (
        "/admin/meetings/meeting/",
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        "/admin/meetings/posting/",
        "/admin/meetings/minuteseries/",
    ):
        assert client.get(url).status_code == 403, url


def test_an_operator_corrects_the_place_and_the_change_is_audited(meeting: Meeting) -> None:
    client = signed_in(User.objects.create_superuser("operator", password=None))
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


def test_postings_and_minute_series_are_read_only(db: None) -> None:
    client = signed_in(User.objects.create_superuser("operator", password=None))

    assert client.get("/admin/meetings/posting/").status_code == 200
    assert client.get("/admin/meetings/minuteseries/").status_code == 200
    assert client.get("/admin/meetings/posting/add/").status_code == 403
