"""A file uploaded on the register page survives a form error and the duplicate warning: it is
held for the user who uploaded it, and registered with the form once the form is valid."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization
from kansli.registry.files import held
from kansli.registry.models import Case, Document, File
from kansli.registry.tests.samples import pdf_bytes, upload

REGISTER = "/vanersborg/diarium/registrera/"


@pytest.fixture
def registrar(client: Client, demo: dict[str, Body]) -> Client:
    client.force_login(User.objects.get(username="registrator"))
    return client


def letter(**extra: object) -> dict[str, object]:
    return {
        "avsandare": "Länsstyrelsen Västra Götaland",
        "beskrivning": "Synpunkter på kommundirektörsinstruktionen",
        "riktning": "incoming",
        "datum": timezone.localdate().isoformat(),
        "organisation": Organization.objects.get(body__slug="vanersborg", slug="ks").pk,
        **extra,
    }


def held_token(page: str) -> str:
    found = re.search(r'name="fil_sparad" value="([^"]+)"', page)
    assert found, "the page holds no file"
    return found.group(1)


def test_a_form_error_keeps_the_file(registrar: Client) -> None:
    first = registrar.post(
        REGISTER, letter(datum="2026-02-30", fil=upload("brev.pdf", pdf_bytes("Synpunkter")))
    )
    page = first.content.decode()

    assert first.status_code == 400
    assert "Filen brev.pdf är uppladdad" in page
    assert not Document.objects.exists()
    assert not Case.objects.exists()

    second = registrar.post(REGISTER, letter(fil_sparad=held_token(page)))

    assert second.status_code == 302
    file = File.objects.get()
    assert (file.original_name, file.extracted_text) == ("brev.pdf", "Synpunkter")


def test_the_duplicate_warning_keeps_the_file(registrar: Client) -> None:
    registrar.post(REGISTER, letter())

    held = registrar.post(REGISTER, letter(fil=upload("brev.pdf", pdf_bytes("Andra brevet"))))
    assert "Kanske redan registrerad?" in held.content.decode()
    assert Document.objects.count() == 1

    registrar.post(REGISTER, letter(bekrafta="on", fil_sparad=held_token(held.content.decode())))

    assert Document.objects.count() == 2
    assert File.objects.get().extracted_text == "Andra brevet"


def test_the_held_file_is_removed_once_registered(registrar: Client, media: Path) -> None:
    first = registrar.post(
        REGISTER, letter(datum="igår", fil=upload("brev.pdf", pdf_bytes("Synpunkter")))
    )
    assert list((media / "registry-held").iterdir())

    registrar.post(REGISTER, letter(fil_sparad=held_token(first.content.decode())))

    assert not list((media / "registry-held").iterdir())


def test_another_user_cannot_redeem_the_token(client: Client, demo: dict[str, Body]) -> None:
    client.force_login(User.objects.get(username="registrator"))
    first = client.post(REGISTER, letter(datum="", fil=upload("hemligt.pdf", pdf_bytes("Hemligt"))))
    token = held_token(first.content.decode())
    client.force_login(User.objects.get(username="sekreterare"))

    response = client.post(REGISTER, letter(fil_sparad=token))

    assert response.status_code == 400
    assert (
        "Den uppladdade filen finns inte längre. Ladda upp den igen." in response.content.decode()
    )
    assert not Document.objects.exists()


def test_an_expired_token_asks_for_the_file_again(registrar: Client) -> None:
    first = registrar.post(
        REGISTER, letter(datum="", fil=upload("brev.pdf", pdf_bytes("Synpunkter")))
    )
    token = held_token(first.content.decode())
    owner = User.objects.get(username="registrator").pk

    # The session would end first on the page; the file's token is checked where it is read.
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(hours=13)),
        pytest.raises(ValidationError, match="sparades för mer än 12 timmar sedan"),
    ):
        held(token, owner=owner)
