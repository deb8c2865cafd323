"""A meeting's PDFs are made once per version of what they show and then served from the
storage, with ETag and Last-Modified: an edit makes a new one, no edit makes none, a reader
from whom a secret is hidden never gets a copy made for one who may see it, and a private
document is never marked for shared caches."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli import pdf
from kansli.accounts.models import User
from kansli.meetings import conversion
from kansli.meetings.models import AgendaItem, ItemAttachment, Meeting
from kansli.meetings.selectors import minutes_version
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.meetings.tests.meeting_samples import (
    PUBLIC_MARKER,
    SECRET_CASE_TITLE,
    SECRET_MARKER,
    Sample,
    meeting_with_agenda,
    pdf_text,
)
from kansli.meetings.tests.own_side import account
from kansli.meetings.tests.sitting import approved, page, signed_in
from kansli.organisation.models import Organization
from kansli.registry import services as registry

OSL = "OSL 26 kap. 1 §"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each PDF laid out (`kansli.pdf.write`) from here on."""
    made: list[int] = []
    write = pdf.write

    def counted(document: object) -> bytes:
        made.append(1)
        return write(document)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "write", counted)
    return made


@pytest.fixture
def sample(board: Organization) -> Sample:
    """The sample meeting with its notice sent, without its Word document (which LibreOffice
    converts, or fails to, at its own pace): the public may read its agenda and packet."""
    made = meeting_with_agenda(board)
    ItemAttachment.objects.filter(document=made.memo).delete()
    Meeting.objects.filter(pk=made.meeting.pk).update(status=Meeting.Status.CALLED)
    made.meeting.refresh_from_db()
    return made


def public_packet(client: Client, sample: Sample, **headers: str) -> HttpResponse:
    return client.get(page("meetings:public_packet", sample.meeting), headers=headers)


def members_packet(client: Client, sample: Sample, **headers: str) -> HttpResponse:
    url = reverse(
        "meetings:meeting_document",
        args=[sample.meeting.organization.body.slug, sample.meeting.pk, "ledamotshandlingar"],
    )
    return client.get(url, headers=headers)


def retitle(sample: Sample, title: str) -> None:
    AgendaItem.objects.filter(pk=sample.items[2].pk).update(title=title)


def test_the_public_packet_is_made_once_and_then_served_as_stored(
    sample: Sample, renders: list[int]
) -> None:
    first = public_packet(Client(), sample)
    made = len(renders)
    second = public_packet(Client(), sample)

    assert first.status_code == second.status_code == 200
    assert made >= 1
    assert len(renders) == made
    assert second.content == first.content


def test_an_edit_of_the_agenda_makes_a_new_public_packet(
    sample: Sample, renders: list[int]
) -> None:
    before = public_packet(Client(), sample)
    made = len(renders)
    retitle(sample, "Budget för kultur och fritid 2027")

    after = public_packet(Client(), sample)

    assert len(renders) > made
    assert after["ETag"] != before["ETag"]
    assert "Budget för kultur och fritid 2027" in pdf_text(after.content)
    assert "Budget för kultur och fritid 2027" not in pdf_text(before.content)


def test_marking_an_attachment_secret_takes_it_out_of_the_stored_public_packet(
    sample: Sample,
) -> None:
    assert PUBLIC_MARKER in pdf_text(public_packet(Client(), sample).content)

    registry.document_secrecy_set(
        actor=None,
        document=sample.public_letter,
        secrecy_reference=OSL,
        secrecy_reason="Uppgifter om enskilds personliga förhållanden.",
    )

    assert PUBLIC_MARKER not in pdf_text(public_packet(Client(), sample).content)


def test_a_members_packet_stored_first_never_reaches_the_public(sample: Sample) -> None:
    member = signed_in(account(sample.member))
    anonymous = Client()

    members = members_packet(member, sample)
    public = public_packet(anonymous, sample)
    refused = members_packet(anonymous, sample)

    assert SECRET_MARKER in pdf_text(members.content)
    assert SECRET_MARKER not in pdf_text(public.content)
    assert SECRET_CASE_TITLE not in pdf_text(public.content)
    assert public["ETag"] != members["ETag"]
    assert refused.status_code in (302, 403, 404)
    assert refused.get("Content-Type") != "application/pdf"
    assert SECRET_MARKER.encode() not in refused.content


def test_the_public_packet_answers_304_to_its_version_and_200_after_an_edit(
    sample: Sample,
) -> None:
    client = Client()
    first = public_packet(client, sample)
    etag, modified = first["ETag"], first["Last-Modified"]

    by_etag = public_packet(client, sample, if_none_match=etag)
    by_date = public_packet(client, sample, if_modified_since=modified)
    head = client.head(page("meetings:public_packet", sample.meeting))
    retitle(sample, "Budget för kultur och fritid 2027")
    edited = public_packet(client, sample, if_none_match=etag)

    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert "private" not in first["Cache-Control"]
    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == etag
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""
    assert edited.status_code == 200
    assert edited["ETag"] != etag


def test_the_members_packet_is_private_revalidated_and_new_after_an_edit(
    sample: Sample, renders: list[int]
) -> None:
    member = signed_in(account(sample.member))
    first = members_packet(member, sample)
    made = len(renders)

    again = members_packet(member, sample, if_none_match=first["ETag"])
    retitle(sample, "Budget för kultur och fritid 2027")
    edited = members_packet(member, sample, if_none_match=first["ETag"])

    for response in (first, again, edited):
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    assert "no-cache" in first["Cache-Control"]
    assert again.status_code == 304
    assert len(renders) > made
    assert edited.status_code == 200
    assert edited["ETag"] != first["ETag"]


def test_the_packet_in_english_is_a_version_of_its_own(sample: Sample) -> None:
    swedish = Client()
    english = Client()
    english.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"

    in_swedish = pdf_text(public_packet(swedish, sample).content)
    in_english = pdf_text(public_packet(english, sample).content)

    assert "Sida 1 av" in in_swedish and "Page 1 of" not in in_swedish
    assert "Page 1 of" in in_english and "Sida 1 av" not in in_english


def test_a_packet_whose_attachment_failed_to_convert_is_made_again_a_while_later(
    board: Organization,
    renders: list[int],
    monkeypatch: pytest.MonkeyPatch,
    time_machine: TimeMachineFixture,
) -> None:
    made = meeting_with_agenda(board)  # with its Word document
    Meeting.objects.filter(pk=made.meeting.pk).update(status=Meeting.Status.CALLED)

    def fails(data: bytes, content_type: str, *, sha256: str) -> bytes:
        raise conversion.ConversionError("LibreOffice blev inte klar.")

    monkeypatch.setattr(conversion, "to_pdf", fails)
    time_machine.move_to(datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
    first = public_packet(Client(), made)
    again = public_packet(Client(), made)
    made_before = len(renders)
    time_machine.move_to(datetime.datetime(2026, 3, 1, 13, 0, tzinfo=datetime.UTC), tick=False)
    later = public_packet(Client(), made)

    assert "LibreOffice blev inte klar." in pdf_text(first.content)
    assert again["ETag"] == first["ETag"]
    assert len(renders) > made_before
    assert later["ETag"] != first["ETag"]


def test_the_draft_minutes_are_stored_until_the_meeting_changes(
    sample: Sample, secretary: User, renders: list[int]
) -> None:
    client = signed_in(secretary)
    url = reverse(
        "meetings:meeting_document",
        args=[sample.meeting.organization.body.slug, sample.meeting.pk, "protokoll"],
    )
    first = client.get(url)
    made = len(renders)
    second = client.get(url)
    Meeting.objects.filter(pk=sample.meeting.pk).update(place="Lilla salen, Stadshuset")
    moved = client.get(url)

    assert first.status_code == second.status_code == moved.status_code == 200
    assert made == 1
    assert len(renders) == 2
    assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"]
    assert "Lilla salen" in pdf_text(moved.content)


def test_the_approved_minutes_are_served_from_their_file_by_its_hash(
    ks: Board,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
    renders: list[int],
) -> None:
    frozen_now(at(DAY, 15))
    held = approved(ks, meeting)
    version = minutes_version(meeting=held)
    assert version is not None
    made = len(renders)
    client = Client()
    url = page("meetings:public_minutes", held)

    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200
    assert first["ETag"] == f'"{version.public_sha256}"'
    assert "public" in first["Cache-Control"]
    assert again.status_code == 304
    assert len(renders) == made  # nothing laid out: the stored file
