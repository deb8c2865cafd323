"""Secrecy on the meetings' paths (issue 11): the members' packet, the notice e-mailed to
members and substitutes, and the votes, disqualifications and dissents of the public API and
minutes all ask the registry's visibility, as the case page does."""

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.meetings import packets, services
from kansli.meetings.models import (
    AgendaItem,
    Disqualification,
    Dissent,
    ItemAttachment,
    Meeting,
    MinuteSeries,
    Proposal,
    Vote,
)
from kansli.meetings.tests.meeting_samples import (
    SECRET_CASE_TITLE,
    Sample,
    meeting_with_agenda,
    pdf_text,
    person,
)
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes, upload

# The marker of the secret document's description, and of the text of its file.
DESCRIPTION_MARKER = "HALSODATA5521"
FILE_MARKER = "JOURNALTEXT8813"
PUBLIC_GROUND = "Styrelseledamot i kulturföreningen"
SECRET_GROUND = "JAVGRUND3377 Släkt med barnet"
DISSENT = "Budgeten saknar finansiering."


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample(board: Organization) -> Sample:
    """The board's meeting with, on the budget item (a public case), a secret document whose
    description the registrar masked and whose file is a PDF."""
    sample = meeting_with_agenda(board)
    secret = registry.document_register(
        actor=None,
        case=sample.case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 2, 3),
        description=f"Läkarintyg om boende {DESCRIPTION_MARKER}",
        counterpart="Vårdcentralen Norr",
        files=[upload("intyg.pdf", pdf_bytes(FILE_MARKER))],
        secrecy_reference="OSL 25 kap. 1 §",
        description_masked=True,
        counterpart_masked=True,
    )
    ItemAttachment.objects.create(item=sample.items[2], document=secret, position=9)
    return sample


def account(who: Person, *roles: Role) -> User:
    return user_create(
        actor=None, username=who.given_name.lower(), password=None, roles=roles, person=who
    )


@pytest.fixture
def secretary(board: Organization) -> User:
    return account(person(board, "Ebba", "Sekreterare"), Role.SECRETARY)


@pytest.fixture
def other_organ_member(board: Organization) -> User:
    """A member of the culture committee, not of the board."""
    committee = organisation.organization_create(
        actor=None,
        body=board.body,
        kind=Organization.Kind.COMMITTEE,
        slug="kn",
        name="Kulturnämnden",
    )
    return account(person(committee, "Olle", "Annatorgan", Membership.Role.MEMBER))


def called(meeting: Meeting) -> Meeting:
    meeting.status = Meeting.Status.CALLED
    meeting.save(update_fields=["status"])
    return meeting


def packet_text(user: User, meeting: Meeting) -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    url = reverse(
        "meetings:meeting_document",
        args=[meeting.organization.body.slug, meeting.pk, "ledamotshandlingar"],
    )
    response = client.get(url)
    return response.status_code, pdf_text(response.content) if response.status_code == 200 else ""


def test_a_member_of_the_organ_reads_the_secret_attachment_in_the_members_packet(
    sample: Sample,
) -> None:
    status, text = packet_text(account(sample.member), called(sample.meeting))

    assert status == 200
    assert DESCRIPTION_MARKER in text
    assert FILE_MARKER in text


def test_a_substitute_of_the_organ_reads_the_members_packet(sample: Sample) -> None:
    status, text = packet_text(account(sample.substitute), called(sample.meeting))

    assert status == 200
    assert FILE_MARKER in text


def test_the_secretary_reads_the_packet_as_the_case_page_shows_the_documents(
    sample: Sample, secretary: User
) -> None:
    status, text = packet_text(secretary, called(sample.meeting))

    assert status == 200
    assert DESCRIPTION_MARKER not in text
    assert FILE_MARKER not in text
    assert "Handlingen omfattas av sekretess (OSL 25 kap. 1 §)" in text
    assert "OFFENTLIGBILAGA4410" in text  # what is not secret is there


def test_the_registrar_who_may_see_through_secrecy_reads_it_in_the_secretarys_role(
    sample: Sample, board: Organization
) -> None:
    both = account(person(board, "Rut", "Registrator"), Role.SECRETARY, Role.REGISTRAR)

    status, text = packet_text(both, called(sample.meeting))

    assert status == 200
    assert FILE_MARKER in text


def test_a_member_of_another_organ_gets_no_members_packet(
    sample: Sample, other_organ_member: User
) -> None:
    status, text = packet_text(other_organ_member, called(sample.meeting))

    assert status == 403
    assert FILE_MARKER not in text


def test_a_planned_meetings_packet_is_the_secretarys_only(sample: Sample, secretary: User) -> None:
    assert packet_text(account(sample.member), sample.meeting)[0] == 403
    assert packet_text(secretary, sample.meeting)[0] == 200


def test_the_agenda_page_links_the_members_packet_for_the_members_only(
    sample: Sample, other_organ_member: User
) -> None:
    meeting = called(sample.meeting)
    url = reverse("meetings:public_agenda", args=[meeting.organization.body.slug, meeting.pk])
    packet = reverse(
        "meetings:meeting_document",
        args=[meeting.organization.body.slug, meeting.pk, "ledamotshandlingar"],
    )
    member, other = Client(), Client()
    member.force_login(account(sample.member))
    other.force_login(other_organ_member)

    assert packet in member.get(url).content.decode()
    assert packet not in other.get(url).content.decode()
    assert packet not in Client().get(url).content.decode()


def test_a_member_cannot_fetch_the_full_minutes(sample: Sample) -> None:
    client = Client()
    client.force_login(account(sample.member))
    meeting = called(sample.meeting)
    url = reverse(
        "meetings:meeting_document", args=[meeting.organization.body.slug, meeting.pk, "protokoll"]
    )

    assert client.get(url).status_code == 403


def test_the_notice_e_mailed_to_members_is_the_public_version(
    sample: Sample,
    secretary: User,
    time_machine: TimeMachineFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    time_machine.move_to(sample.meeting.starts_at - datetime.timedelta(days=10), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_send(actor=secretary, meeting=sample.meeting)

    assert mail.outbox
    for message in mail.outbox:
        assert DESCRIPTION_MARKER not in message.body
        assert "hämtar du inloggad på sammanträdets sida" in message.body
        notice = next(data for name, data, kind in message.attachments if kind.endswith("pdf"))
        text = pdf_text(notice)
        assert DESCRIPTION_MARKER not in text
        assert "Vårdcentralen Norr" not in text
        assert "[Sekretess enligt OSL 25 kap. 1 §]" in text
        assert "Tjänsteskrivelse om kulturbudgeten" in text  # what is public is there


def test_the_notice_pdf_prints_masked_descriptions_masked(sample: Sample) -> None:
    data = packets.notice_pdf(sample.meeting)

    assert DESCRIPTION_MARKER not in pdf_text(data)
    assert DESCRIPTION_MARKER.encode() not in data


# Votes, disqualifications and dissents


@pytest.fixture
def held(sample: Sample) -> Sample:
    """The meeting closed, not yet approved: a roll-call vote, a dissent and a disqualification
    in the budget; a disqualification in the placement of a child, a secret case."""
    meeting = sample.meeting
    series = MinuteSeries.objects.create(organization=meeting.organization, year=2026)
    budget, placement = sample.items[2:]
    for number, item in enumerate((budget, placement), 12):
        item.minute_series, item.minute_number = series, number
        item.status = AgendaItem.Status.DECIDED
        item.save()
    prepared = Proposal.objects.create(item=budget, position=1, text="Bifall.")
    counter = Proposal.objects.create(item=budget, position=2, text="Avslag.")
    Vote.objects.create(
        item=budget,
        yes_proposal=prepared,
        no_proposal=counter,
        yes_count=2,
        no_count=1,
        winner=prepared,
    )
    Dissent.objects.create(item=budget, person=sample.member, reasons=DISSENT)
    Disqualification.objects.create(item=budget, person=sample.chair, ground=PUBLIC_GROUND)
    Disqualification.objects.create(item=placement, person=sample.member, ground=SECRET_GROUND)
    meeting.status = Meeting.Status.CLOSED
    meeting.save(update_fields=["status"])
    return sample


def approved(meeting: Meeting) -> Meeting:
    meeting.status = Meeting.Status.APPROVED
    meeting.save(update_fields=["status"])
    return meeting


def api_items(meeting: Meeting, user: User | None = None) -> dict[int, dict[str, Any]]:
    headers = {}
    if user is not None:
        _token, key = token_create(actor=None, user=user, name="test")
        headers["Authorization"] = f"Bearer {key}"
    url = f"/api/v1/bodies/{meeting.organization.body.slug}/meetings/{meeting.pk}/items"
    response = Client().get(url, headers=headers)
    assert response.status_code == 200
    return {item["id"]: item for item in response.json()}


def test_before_approval_the_public_api_shows_no_votes_disqualifications_or_dissents(
    held: Sample,
) -> None:
    items = api_items(held.meeting)

    for item in items.values():
        assert item["votes"] == []
        assert item["disqualifications"] == []
        assert item["dissents"] == []


def test_before_approval_the_secretary_reads_the_proceedings(held: Sample, secretary: User) -> None:
    budget = api_items(held.meeting, secretary)[held.items[2].pk]

    assert len(budget["votes"]) == 1
    assert budget["disqualifications"][0]["ground"] == PUBLIC_GROUND
    assert budget["dissents"][0]["reasons"] == DISSENT


def test_after_approval_the_public_api_shows_them_with_a_masked_items_ground_masked(
    held: Sample,
) -> None:
    items = api_items(approved(held.meeting))
    budget, placement = items[held.items[2].pk], items[held.items[3].pk]

    assert len(budget["votes"]) == 1
    assert budget["disqualifications"][0]["ground"] == PUBLIC_GROUND
    assert budget["dissents"][0]["reasons"] == DISSENT
    assert placement["title_masked"]
    assert placement["disqualifications"][0]["ground"] == "[Sekretess enligt OSL 26 kap. 1 §]"
    assert "JAVGRUND3377" not in str(items)


def test_the_public_minutes_mask_the_ground_of_a_masked_items_disqualification(
    held: Sample,
) -> None:
    meeting = approved(held.meeting)
    public = pdf_text(packets.minutes_pdf(meeting, public=True))
    full = pdf_text(packets.minutes_pdf(meeting, public=False))

    assert "JAVGRUND3377" not in public
    assert PUBLIC_GROUND in public
    assert "JAVGRUND3377" in full


def test_the_public_minutes_url_answers_only_once_approved(held: Sample) -> None:
    meeting = held.meeting
    url = reverse("meetings:public_minutes", args=[meeting.organization.body.slug, meeting.pk])

    assert Client().get(url).status_code == 404
    approved(meeting)
    response = Client().get(url)
    assert response.status_code == 200
    assert "JAVGRUND3377" not in pdf_text(response.content)


def test_the_secretary_reads_a_secret_items_texts_masked_as_the_case_page_masks_them(
    held: Sample, secretary: User
) -> None:
    placement = held.items[3]
    Proposal.objects.create(item=placement, position=1, text="att placera BESLUTSSATS4471")
    client = Client()
    client.force_login(secretary)
    body = held.meeting.organization.body.slug
    minutes = client.get(
        reverse("meetings:meeting_document", args=[body, held.meeting.pk, "protokoll"])
    )
    session = client.get(reverse("meetings:meeting_session", args=[body, held.meeting.pk]))
    texts = {"minutes": pdf_text(minutes.content), "session": session.content.decode()}

    for text in texts.values():
        assert "JAVGRUND3377" not in text
        assert "BESLUTSSATS4471" not in text
        assert SECRET_CASE_TITLE not in text
        assert "[Sekretess enligt OSL 26 kap. 1 §]" in text
    assert PUBLIC_GROUND in texts["minutes"]  # the proceedings before approval, as before


def test_the_session_forms_name_a_secret_items_proposals_by_number(
    sample: Sample, secretary: User
) -> None:
    meeting = sample.meeting
    meeting.status = Meeting.Status.OPENED
    meeting.save(update_fields=["status"])
    Proposal.objects.create(item=sample.items[3], position=1, text="att placera BESLUTSSATS4471")
    client = Client()
    client.force_login(secretary)

    page = client.get(
        reverse("meetings:meeting_session", args=[meeting.organization.body.slug, meeting.pk])
    ).content.decode()

    assert "BESLUTSSATS4471" not in page
    assert "Yrkande 1 (förslaget till beslut)" in page
