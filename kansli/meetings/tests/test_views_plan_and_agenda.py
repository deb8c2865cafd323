"""The secretary's meeting plan and meeting page: scheduling, the agenda, the notice; and who
is refused."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.sitting import (
    Board,
    scheduled,
    seated_board,
    user_of,
)
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


@pytest.fixture
def seated(board: Organization) -> Board:
    return seated_board(board)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def action_url(meeting: Meeting, action: str) -> str:
    return reverse(
        "meetings:meeting_action", args=[meeting.organization.body.slug, meeting.pk, action]
    )


def item_url(item: AgendaItem, action: str) -> str:
    meeting = item.meeting
    return reverse(
        "meetings:item_action",
        args=[meeting.organization.body.slug, meeting.pk, item.pk, action],
    )


def test_the_secretary_schedules_a_meeting_in_the_plan(seated: Board) -> None:
    client = client_for(seated.secretary)
    url = reverse("meetings:meeting_plan", args=["vanersborg"])
    query = f"?organisation={seated.organization.pk}&ar=2027"

    response = client.post(
        url + query,
        {"borjar": "2027-02-03T13:00", "plats": "Sessionssalen", "offentligt": "on"},
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "meetings:meeting_detail", args=["vanersborg", meeting.pk]
    )
    assert (meeting.place, meeting.open_to_public) == ("Sessionssalen", True)
    plan = client.get(url + query)
    assert plan.status_code == 200
    assert "2027-02-03 13:00" in plan.content.decode()


def test_a_meeting_without_a_start_is_not_scheduled(seated: Board) -> None:
    client = client_for(seated.secretary)
    url = reverse("meetings:meeting_plan", args=["vanersborg"])

    response = client.post(f"{url}?organisation={seated.organization.pk}&ar=2027", {})

    assert response.status_code == 400
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", [Role.CASE_OFFICER, Role.ELECTED_MEMBER, Role.REGISTRAR])
def test_staff_without_the_permission_are_refused_the_meeting_pages(
    seated: Board, role: Role
) -> None:
    meeting = scheduled(seated)
    client = client_for(user_of(seated.members[1], "annan", role))
    plan = reverse("meetings:meeting_plan", args=["vanersborg"])

    assert client.get(plan).status_code == 403
    for name in ("meetings:meeting_detail", "meetings:meeting_session"):
        assert client.get(reverse(name, args=["vanersborg", meeting.pk])).status_code == 403
    assert client.post(action_url(meeting, "dagordning")).status_code == 403
    assert not meeting.items.exists()


def test_a_secretary_of_another_body_is_refused_and_does_not_find_the_meeting(
    seated: Board,
) -> None:
    meeting = scheduled(seated)
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = organisation.person_create(
        actor=None, body=other, given_name="Olle", family_name="Annan"
    )
    client = client_for(user_of(stranger, "annan", Role.SECRETARY))

    own = reverse("meetings:meeting_detail", args=["vanersborg", meeting.pk])
    through_own_body = reverse("meetings:meeting_detail", args=["blekinge", meeting.pk])

    assert client.get(own).status_code == 403
    assert client.post(action_url(meeting, "kallelse")).status_code == 403
    assert client.get(through_own_body).status_code == 404


def test_signed_out_visitors_are_sent_to_the_login(seated: Board) -> None:
    meeting = scheduled(seated)

    response = Client().get(reverse("meetings:meeting_detail", args=["vanersborg", meeting.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_secretary_builds_the_agenda_and_adds_and_moves_an_item(seated: Board) -> None:
    meeting = scheduled(seated)
    client = client_for(seated.secretary)

    assert client.post(action_url(meeting, "dagordning")).status_code == 302
    standard = meeting.items.count()
    response = client.post(
        action_url(meeting, "punkt"),
        {"punkt-rubrik": "Budget", "punkt-slag": "case", "punkt-arende": seated.case.pk},
    )
    item = meeting.items.get(case=seated.case)
    moved = client.post(item_url(item, "flytta"), {f"flytta-{item.pk}-ordning": "1"})

    assert response.status_code == 302
    assert standard > 0
    assert moved.status_code == 302
    assert moved["Location"].endswith(f"#punkt-{item.pk}")
    assert meeting.items.order_by("position").first() == item
    page = client.get(reverse("meetings:meeting_detail", args=["vanersborg", meeting.pk]))
    assert "1. Budget" in page.content.decode()


def test_the_director_hands_the_presentation_of_an_item_to_a_case_officer(
    seated: Board, department: Organization
) -> None:
    director = organisation.person_create(
        actor=None, body=seated.organization.body, given_name="Dora", family_name="Direktör"
    )
    post = organisation.position_create(
        actor=None,
        body=seated.organization.body,
        organization=department,
        slug="kommundirektor",
        title="Kommundirektör",
        heads_organization=True,
    )
    organisation.appointment_create(
        actor=None, person=director, position=post, start=datetime.date(2023, 1, 1)
    )
    meeting = scheduled(seated)
    client = client_for(seated.secretary)
    client.post(action_url(meeting, "punkt"), {"punkt-rubrik": "Budget", "punkt-slag": "case"})
    item = meeting.items.get()
    officer = seated.secretary.person
    prefix = f"foredragande-{item.pk}"

    refused = client.post(item_url(item, "foredragande"), {f"{prefix}-foredragande": officer.pk})
    response = client.post(
        item_url(item, "foredragande"),
        {f"{prefix}-foredragande": officer.pk, f"{prefix}-utsedd_av": director.pk},
    )

    item.refresh_from_db()
    assert refused.status_code == 409
    assert "en annan föredragande utses av direktören" in refused.content.decode()
    assert response.status_code == 302
    assert (item.rapporteur, item.rapporteur_named_by) == (officer, director)


def test_moving_an_item_off_the_agenda_is_refused_with_the_reason(seated: Board) -> None:
    meeting = scheduled(seated)
    client = client_for(seated.secretary)
    client.post(action_url(meeting, "punkt"), {"punkt-rubrik": "Budget", "punkt-slag": "case"})
    item = meeting.items.get()

    response = client.post(item_url(item, "flytta"), {f"flytta-{item.pk}-ordning": "9"})

    assert response.status_code == 409
    assert "Platsen finns inte på dagordningen." in response.content.decode()


def test_the_meeting_is_cancelled_from_its_page(seated: Board) -> None:
    meeting = scheduled(seated, days_ago=-7)

    client_for(seated.secretary).post(action_url(meeting, "installa"))

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED


def test_a_date_in_the_plan_is_kept_as_entered(seated: Board) -> None:
    client = client_for(seated.secretary)
    url = reverse("meetings:meeting_plan", args=["vanersborg"])

    client.post(
        f"{url}?organisation={seated.organization.pk}&ar=2027", {"borjar": "2027-06-10T09:30"}
    )

    starts = Meeting.objects.get().starts_at.astimezone(datetime.UTC)
    assert starts == datetime.datetime(2027, 6, 10, 7, 30, tzinfo=datetime.UTC)
