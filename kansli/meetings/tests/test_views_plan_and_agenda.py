"""The secretary's meeting plan and meeting page: scheduling, the agenda, the packets; and who
is refused. Sending the notice and cancelling: test_views_notice_and_cancel.py."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board, person
from kansli.meetings.tests.sitting import action_url, called, item_url, page, signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document

PLAN = reverse("meetings:meeting_plan", args=["vanersborg"])


def test_the_secretary_schedules_a_meeting_in_the_plan(ks: Board, secretary: User) -> None:
    client = signed_in(secretary)
    query = f"?organisation={ks.organization.pk}&ar=2027"

    response = client.post(
        PLAN + query, {"borjar": "2027-02-03T13:00", "plats": "Sessionssalen", "offentligt": "on"}
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page("meetings:meeting_detail", meeting)
    assert (meeting.place, meeting.open_to_public) == ("Sessionssalen", True)
    assert meeting.starts_at == datetime.datetime(2027, 2, 3, 12, 0, tzinfo=datetime.UTC)
    assert "2027-02-03 13:00" in client.get(PLAN + query).content.decode()


def test_a_meeting_without_a_start_is_not_scheduled(ks: Board, secretary: User) -> None:
    response = signed_in(secretary).post(f"{PLAN}?organisation={ks.organization.pk}&ar=2027", {})

    assert response.status_code == 400
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", [Role.CASE_OFFICER, Role.ELECTED_MEMBER, Role.REGISTRAR])
def test_staff_without_the_secretarys_role_are_refused_the_meeting_pages(
    ks: Board, meeting: Meeting, role: Role
) -> None:
    user = user_create(actor=None, username="annan", password=None, roles=[role], person=ks.bo)
    client = signed_in(user)

    assert client.get(PLAN).status_code == 403
    for name in ("meetings:meeting_detail", "meetings:meeting_session"):
        assert client.get(page(name, meeting)).status_code == 403
    assert client.post(action_url(meeting, "dagordning")).status_code == 403
    assert not meeting.items.exists()


def test_a_secretary_of_another_body_is_refused_and_does_not_find_the_meeting(
    meeting: Meeting,
) -> None:
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

    assert client.get(page("meetings:meeting_detail", meeting)).status_code == 403
    assert client.post(action_url(meeting, "kallelse")).status_code == 403
    other_url = reverse("meetings:meeting_detail", args=["blekinge", meeting.pk])
    assert client.get(other_url).status_code == 404
    assert meeting.deliveries.count() == 0


def test_signed_out_visitors_are_sent_to_the_login(meeting: Meeting) -> None:
    response = Client().get(page("meetings:meeting_detail", meeting))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_secretary_builds_the_agenda_and_adds_and_moves_an_item(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    client = signed_in(secretary)

    assert client.post(action_url(meeting, "dagordning")).status_code == 302
    standard = meeting.items.count()
    response = client.post(action_url(meeting, "punkt"), {"punkt-rubrik": "Budget"})
    item = meeting.items.get(title="Budget")
    moved = client.post(item_url(item, "flytta"), {f"flytta-{item.pk}-ordning": "1"})

    assert standard > 0
    assert response.status_code == 302
    assert moved.status_code == 302
    assert moved["Location"].endswith(f"#punkt-{item.pk}")
    assert meeting.items.order_by("position").first() == item
    assert "1. Budget" in client.get(page("meetings:meeting_detail", meeting)).content.decode()


def test_moving_an_item_off_the_agenda_is_refused_with_the_reason(
    secretary: User, meeting: Meeting
) -> None:
    client = signed_in(secretary)
    client.post(action_url(meeting, "punkt"), {"punkt-rubrik": "Budget"})
    item = meeting.items.get()

    response = client.post(item_url(item, "flytta"), {f"flytta-{item.pk}-ordning": "9"})

    assert response.status_code == 400
    assert "Platsen finns inte på dagordningen." in response.content.decode()


def test_the_director_hands_the_presentation_of_an_item_to_a_case_officer(
    ks: Board, secretary: User, meeting: Meeting, department: Organization
) -> None:
    officer = person(department.body, "Oscar", "Malmberg")
    post = organisation.position_create(
        actor=None,
        body=department.body,
        organization=department,
        slug="handlaggare",
        title="Handläggare",
    )
    organisation.appointment_create(
        actor=None, person=officer, position=post, start=datetime.date(2024, 1, 1)
    )
    client = signed_in(secretary)
    client.post(action_url(meeting, "punkt"), {"punkt-rubrik": "Budget"})
    item = meeting.items.get()
    prefix = f"foredragande-{item.pk}"

    refused = client.post(item_url(item, "foredragande"), {f"{prefix}-foredragande": officer.pk})
    response = client.post(
        item_url(item, "foredragande"),
        {f"{prefix}-foredragande": officer.pk, f"{prefix}-utsedd_av": ks.director.pk},
    )

    item.refresh_from_db()
    assert refused.status_code == 400
    assert "en annan föredragande utses av direktören" in refused.content.decode()
    assert response.status_code == 302
    assert (item.rapporteur, item.rapporteur_named_by) == (officer, ks.director)


def test_the_meeting_page_links_the_packets_and_marks_the_secret_case(
    secretary: User, meeting: Meeting
) -> None:
    meeting = called(meeting)
    client = signed_in(secretary)

    html = client.get(page("meetings:meeting_detail", meeting)).content.decode()
    slug = meeting.organization.body.slug
    notice = client.get(reverse("meetings:meeting_document", args=[slug, meeting.pk, "kallelse"]))
    packet = client.get(
        reverse("meetings:meeting_document", args=[slug, meeting.pk, "ledamotshandlingar"])
    )

    assert page("meetings:public_packet", meeting) in html
    assert "Sekretess" in html
    assert notice["Content-Type"] == packet["Content-Type"] == "application/pdf"
    assert notice.content.startswith(b"%PDF")


def test_a_document_of_the_items_case_is_attached(secretary: User, meeting: Meeting) -> None:
    meeting = called(meeting)
    item = meeting.items.get(case__title="Budget för kultur 2027")
    document = registry.document_register(
        actor=None,
        case=item.case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 11, 2),
        description="Kalkyl för kulturbudgeten",
    )
    client = signed_in(secretary)

    response = client.post(item_url(item, "bilaga"), {f"bilaga-{item.pk}-handling": document.pk})

    assert response.status_code == 302
    assert item.attachments.get().document == document
    html = client.get(page("meetings:meeting_detail", meeting)).content.decode()
    assert document.number in html


def test_an_item_is_added_for_a_case_by_its_number(
    ks: Board, secretary: User, meeting: Meeting
) -> None:
    case = registry.case_open(actor=None, organization=ks.organization, title="Ny simhall")
    client = signed_in(secretary)

    unknown = client.post(
        action_url(meeting, "punkt"), {"punkt-rubrik": "Simhall", "punkt-arende": "KS 1999/1"}
    )
    added = client.post(
        action_url(meeting, "punkt"), {"punkt-rubrik": "Simhall", "punkt-arende": case.number}
    )

    assert unknown.status_code == 400
    assert "Det finns inget ärende med diarienummer KS 1999/1." in unknown.content.decode()
    assert added.status_code == 302
    assert meeting.items.get().case == case
