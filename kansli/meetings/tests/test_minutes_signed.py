"""Signed justering: the chair and each minutes checker sign the stored minutes with a PAdES
signature, each in their own session, and nobody signs for them; the secretary records a
signature made on paper. The last signature approves the minutes and posts them, and the public
page shows each signature as validated from the stored file."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.meetings import services, signing
from kansli.meetings.models import Approval, Meeting, MinutesVersion
from kansli.meetings.tests import justering, sitting
from kansli.meetings.tests.conftest import Board, person
from kansli.meetings.tests.justering import SIGNED_ON, Clock
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Person
from kansli.tests.html import main

PASSWORD = "lösenord-för-test"


def account(username: str, who: Person, *roles: Role) -> User:
    return user_create(
        actor=None, username=username, password=PASSWORD, roles=list(roles), person=who
    )


@pytest.fixture
def sent(ks: Board, meeting: Meeting, frozen_now: Clock) -> Meeting:
    return justering.sent(ks, meeting, frozen_now)


@pytest.fixture
def anna(ks: Board) -> User:
    return account("anna", ks.chair)


@pytest.fixture
def bo(ks: Board) -> User:
    return account("bo", ks.bo)


def sign_url(meeting: Meeting) -> str:
    return reverse(
        "meetings:minutes_action", args=[meeting.organization.body.slug, meeting.pk, "signera"]
    )


def page_url(meeting: Meeting) -> str:
    return reverse("meetings:minutes_approval", args=[meeting.organization.body.slug, meeting.pk])


def full_file(version: MinutesVersion) -> bytes:
    version.refresh_from_db()
    with version.file.open("rb") as file:
        return file.read()


def test_the_chair_and_the_checker_sign_in_their_own_session_and_the_last_approves(
    sent: Meeting, anna: User, bo: User
) -> None:
    version = sent.minutes_versions.get()
    chair = sitting.signed_in(anna)

    assert "Signera protokollet" in chair.get(page_url(sent)).content.decode()
    assert chair.post(sign_url(sent)).status_code == 302

    sent.refresh_from_db()
    assert sent.status == Meeting.Status.CLOSED
    [seen] = signing.signatures(full_file(version))
    assert (seen.signer, seen.valid) == ("Anna Andersson", True)
    signed = Event.objects.filter(action="minutesversion.update").latest("seq")
    assert (
        signed.after["sha256"] == version.sha256 == hashlib.sha256(full_file(version)).hexdigest()
    )

    assert sitting.signed_in(bo).post(sign_url(sent)).status_code == 302

    sent.refresh_from_db()
    assert sent.status == Meeting.Status.APPROVED
    assert sent.postings.get().posted_on == SIGNED_ON
    approvals = version.approvals.order_by("pk")
    assert [(a.role, a.method) for a in approvals] == [
        (Approval.Role.CHAIR, Approval.Method.DIGITAL),
        (Approval.Role.CHECKER, Approval.Method.DIGITAL),
    ]
    assert [s.signer for s in signing.signatures(full_file(version))] == [
        "Anna Andersson",
        "Bo Berg",
    ]
    assert all(s.valid for s in signing.signatures(full_file(version)))


def test_the_secretary_cannot_sign_for_the_chair(
    sent: Meeting, secretary: User, anna: User
) -> None:
    client = sitting.signed_in(secretary)

    assert "Signera protokollet" not in client.get(page_url(sent)).content.decode()
    assert client.post(sign_url(sent)).status_code == 403
    with pytest.raises(PermissionDenied):
        services.minutes_sign(actor=secretary, meeting=sent)
    assert not Approval.objects.exists()


def test_another_member_another_bodys_staff_and_the_public_cannot_sign(
    sent: Meeting, ks: Board
) -> None:
    cecilia = account("cecilia", ks.cecilia)
    other = organisation.body_create(
        actor=None, slug="trollhattan", name="Trollhättans stad", kind=Body.Kind.MUNICIPALITY
    )
    stranger = account("olle", person(other, "Olle", "Annan"), Role.SECRETARY)

    for user in (cecilia, stranger):
        assert sitting.signed_in(user).get(page_url(sent)).status_code == 403
        assert sitting.signed_in(user).post(sign_url(sent)).status_code == 403
        with pytest.raises(PermissionDenied):
            services.minutes_sign(actor=user, meeting=sent)
    anonymous = Client().post(sign_url(sent))
    assert anonymous.status_code == 302 and "/logga-in/" in anonymous["Location"]
    with pytest.raises(PermissionDenied):
        services.minutes_sign(actor=None, meeting=sent)
    assert not Approval.objects.exists()


def test_a_signature_on_paper_and_one_signed_make_the_justering(
    sent: Meeting, ks: Board, secretary: User, anna: User
) -> None:
    sitting.signed_in(anna).post(sign_url(sent))
    paper = reverse(
        "meetings:minutes_action", args=[sent.organization.body.slug, sent.pk, "papper"]
    )

    response = sitting.signed_in(secretary).post(paper, {"papper-person": ks.bo.pk})

    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == Meeting.Status.APPROVED
    assert sent.approvals.get(person=ks.bo).method == Approval.Method.PAPER
    assert sent.postings.exists()


def test_the_public_page_shows_the_signatures_validated_from_the_stored_file(
    sent: Meeting, ks: Board, secretary: User, anna: User
) -> None:
    sitting.signed_in(anna).post(sign_url(sent))
    services.minutes_approve(actor=secretary, meeting=sent, person=ks.bo)

    page = Client().get(sitting.page("meetings:public_agenda", sent)).content.decode()

    day = f"{SIGNED_ON:%Y-%m-%d}"
    assert f"Signaturen är giltig, Anna Andersson, {day}" in page
    assert f"Justerat på papper: Bo Berg (justerare), {day}" in page


def test_a_stored_file_damaged_past_reading_shows_its_signatures_cannot_be_checked(
    sent: Meeting, ks: Board, secretary: User, anna: User
) -> None:
    sitting.signed_in(anna).post(sign_url(sent))
    services.minutes_approve(actor=secretary, meeting=sent, person=ks.bo)
    version = sent.minutes_versions.get()
    with version.public_file.open("wb") as stored:
        stored.write(b"inte en pdf")

    response = Client().get(sitting.page("meetings:public_agenda", sent))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Protokollsfilen kan inte läsas" in page
    assert "Signaturen är giltig" not in page


def test_the_public_page_checks_a_files_signatures_once_until_the_file_changes(
    sent: Meeting, ks: Board, secretary: User, anna: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    sitting.signed_in(anna).post(sign_url(sent))
    services.minutes_approve(actor=secretary, meeting=sent, person=ks.bo)
    checked = []
    check = signing.signatures
    monkeypatch.setattr(signing, "signatures", lambda pdf: checked.append(pdf) or check(pdf))
    public = sitting.page("meetings:public_agenda", sent)

    first = main(Client().get(public).content.decode())
    second = main(Client().get(public).content.decode())
    version = sent.minutes_versions.get()
    with open(default_storage.path(version.public_file.name), "r+b") as stored:
        stored.seek(-20, 2)
        stored.write(b"% Beslutet andrat  \n")
    third = Client().get(public).content.decode()

    assert len(checked) == 2
    assert "Signaturen är giltig, Anna Andersson" in first
    assert first == second
    assert "Signaturen är giltig, Anna Andersson" not in third
