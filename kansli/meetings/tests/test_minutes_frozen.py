"""The minutes are frozen when they are sent for justering: rendered once as PDF/A, whole and
as the public reads them, stored with each file's SHA-256 in the event log, and from then on
served from the store by every path, unchanged by later changes to people. A correction is a
new version that keeps the old one."""

import hashlib
import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.meetings import packets, services
from kansli.meetings.models import Meeting, MinutesVersion
from kansli.meetings.tests import justering, sitting
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.justering import Clock
from kansli.meetings.tests.meeting_samples import pdf_text
from kansli.tests.pdfa import is_pdfa_2, xmp


def stored(version: MinutesVersion, *, public: bool) -> bytes:
    with (version.public_file if public else version.file).open("rb") as file:
        return file.read()


@pytest.fixture
def sent(ks: Board, meeting: Meeting, frozen_now: Clock) -> Meeting:
    return justering.sent(ks, meeting, frozen_now)


@pytest.fixture
def approved(ks: Board, meeting: Meeting, frozen_now: Clock) -> Meeting:
    return justering.approved(ks, meeting, frozen_now)


def test_sending_for_justering_stores_pdfa_minutes_with_their_hashes_in_the_log(
    sent: Meeting,
) -> None:
    version = sent.minutes_versions.get()
    full, public = stored(version, public=False), stored(version, public=True)
    event = Event.objects.get(action="minutesversion.create")

    assert version.number == 1
    assert version.sha256 == hashlib.sha256(full).hexdigest()
    assert version.public_sha256 == hashlib.sha256(public).hexdigest()
    assert event.after["sha256"] == version.sha256
    assert event.after["public_sha256"] == version.public_sha256
    assert event.after["file"] == version.file.name
    assert is_pdfa_2(full) and is_pdfa_2(public)
    numbers = sorted(
        sent.items.filter(minute_number__isnull=False).values_list("minute_number", flat=True)
    )
    metadata = xmp(full)
    assert "Vänersborgs kommun" in metadata and "Kommunstyrelsen" in metadata
    assert "2026-12-01" in metadata
    assert all(f"§ {number}" in metadata for number in numbers)
    assert sitting.SECRET_TITLE in pdf_text(full)
    assert sitting.SECRET_TITLE not in pdf_text(public)


def test_minutes_sent_for_justering_take_nothing_more(sent: Meeting, ks: Board) -> None:
    item = sitting.case_item(sent)
    with pytest.raises(ValidationError, match="skickat för justering"):
        services.minute_note_add(actor=None, item=item, person=ks.bo, text="Sent tillägg")
    with pytest.raises(ValidationError, match="redan skickat"):
        services.minutes_send_for_approval(actor=None, meeting=sent)


def test_the_public_page_the_api_and_the_notice_board_serve_the_stored_bytes(
    approved: Meeting, secretary: User
) -> None:
    meeting = approved
    version = meeting.minutes_versions.get()
    public = stored(version, public=True)
    anonymous = Client()

    page = anonymous.get(sitting.page("meetings:public_minutes", meeting))
    api = anonymous.get(f"/api/v1/bodies/vanersborg/meetings/{meeting.pk}").json()
    board = anonymous.get(f"/{meeting.organization.body.slug}/anslagstavla/").content.decode()
    slug = meeting.organization.body.slug
    staff = sitting.signed_in(secretary).get(
        reverse("meetings:meeting_document", args=[slug, meeting.pk, "protokoll"])
    )

    assert page.content == public
    assert anonymous.get(api["minutes"]["public_pdf"]).content == public
    assert sitting.page("meetings:public_minutes", meeting) in board
    # The secretary may not see through the secret case: the public version, as stored.
    assert staff.content == public


def test_renaming_the_chair_changes_nothing_in_the_served_minutes(
    approved: Meeting, ks: Board
) -> None:
    meeting = approved
    url = sitting.page("meetings:public_minutes", meeting)
    before = Client().get(url).content

    audit.update(actor=None, instance=ks.chair, family_name="Nyberg")
    after = Client().get(url).content

    assert hashlib.sha256(after).hexdigest() == hashlib.sha256(before).hexdigest()
    assert "Anna Andersson" in pdf_text(after)
    assert "Anna Nyberg" not in pdf_text(after)


def test_a_correction_makes_version_2_and_keeps_version_1(
    approved: Meeting, secretary: User
) -> None:
    meeting = approved
    first = meeting.minutes_versions.get()
    first_public = stored(first, public=True)

    second = services.minutes_correct(
        actor=secretary, meeting=meeting, reason="Fel datum i § 2 rättat."
    )

    first.refresh_from_db()
    assert [v.number for v in meeting.minutes_versions.all()] == [1, 2]
    assert stored(first, public=True) == first_public
    assert hashlib.sha256(first_public).hexdigest() == first.public_sha256
    assert second.approved_at is None  # to be signed again
    assert "Fel datum i § 2 rättat." in pdf_text(stored(second, public=True))
    served = Client().get(sitting.page("meetings:public_minutes", meeting)).content
    assert served == stored(second, public=True)
    slug = meeting.organization.body.slug
    older = Client().get(f"/{slug}/sammantraden/{meeting.pk}/protokoll/v1.pdf").content
    assert older == first_public
    assert len(pypdf.PdfReader(io.BytesIO(older)).pages) >= 1


def test_only_the_secretary_or_the_registrar_corrects_and_only_approved_minutes(
    approved: Meeting, ks: Board, secretary: User
) -> None:
    member = user_create(
        actor=None, username="anna", password="lösenord-för-test", roles=[], person=ks.chair
    )
    meeting = approved
    with pytest.raises(PermissionDenied):
        services.minutes_correct(actor=member, meeting=meeting, reason="Min egen rättelse")
    with pytest.raises(ValidationError, match="skälet"):
        services.minutes_correct(actor=secretary, meeting=meeting, reason=" ")
    assert meeting.minutes_versions.count() == 1


def test_a_version_not_yet_approved_is_not_public(sent: Meeting) -> None:
    slug = sent.organization.body.slug
    response = Client().get(f"/{slug}/sammantraden/{sent.pk}/protokoll/v1.pdf")
    assert response.status_code == 404


def test_minutes_the_public_may_read_whole_are_rendered_once_for_both_files(
    sent: Meeting,
) -> None:
    version = sent.minutes_versions.get()
    full, public = packets.minutes_pdfs(sent, version=version)
    assert full != public
    assert "offentlig version" in pdf_text(public)

    secret = sitting.case_item(sent, sitting.SECRET_TITLE).case
    audit.update(actor=None, instance=secret, secrecy_reference="")
    full, public = packets.minutes_pdfs(sent, version=version)

    assert full == public
    assert sitting.SECRET_TITLE in pdf_text(public)
    assert "offentlig version" not in pdf_text(public)
