"""The registrar registers an incoming letter with a file in a new case in one form; a letter
like one from the same sender in the last 30 days is held back until the registrar confirms."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import (
    encrypted_pdf_bytes,
    nested_eml_bytes,
    pdf_bytes,
    upload,
)

REGISTER = "/vanersborg/diarium/registrera/"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def registrar(client: Client, demo: dict[str, Body]) -> Client:
    client.force_login(User.objects.get(username="registrator"))
    return client


def letter(**extra: object) -> dict[str, object]:
    return {
        "avsandare": "Länsstyrelsen Västra Götaland",
        "beskrivning": "Synpunkter på kommundirektörsinstruktionen",
        "riktning": "incoming",
        "datum": "2026-01-14",
        "organisation": Organization.objects.get(body__slug="vanersborg", slug="ks").pk,
        **extra,
    }


def test_the_form_starts_at_the_sender(registrar: Client) -> None:
    response = registrar.get(REGISTER)

    assert response.status_code == 200
    assert 'name="avsandare"' in response.content.decode()
    assert "autofocus" in response.content.decode()


def test_a_letter_with_a_pdf_opens_a_new_case(registrar: Client) -> None:
    response = registrar.post(
        REGISTER, letter(fil=upload("brev.pdf", pdf_bytes("Synpunkter"), "application/pdf"))
    )

    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/vanersborg/diarium/arenden/{document.case_id}/"
    assert document.case.title == "Synpunkter på kommundirektörsinstruktionen"
    assert document.files.get().extracted_text == "Synpunkter"
    page = registrar.get(response["Location"]).content.decode()
    assert f"Handlingen {document.number} är registrerad." in page


def test_a_second_letter_goes_into_the_case_by_its_number(registrar: Client) -> None:
    registrar.post(REGISTER, letter())
    case = Case.objects.get()

    registrar.post(
        REGISTER, letter(arende=case.number.lower(), avsandare="Anna", beskrivning="Svar")
    )

    assert list(case.documents.values_list("sequence", flat=True)) == [1, 2]


def test_a_likely_duplicate_waits_for_confirmation(registrar: Client) -> None:
    registrar.post(REGISTER, letter())

    held = registrar.post(REGISTER, letter(beskrivning="Synpunkter på kommundirektörsinstruktion"))
    assert held.status_code == 400
    assert "Kanske redan registrerad?" in held.content.decode()
    assert Document.objects.count() == 1

    registrar.post(REGISTER, letter(bekrafta="on"))
    assert Document.objects.count() == 2


def test_a_bad_file_is_refused_with_a_swedish_message(registrar: Client) -> None:
    response = registrar.post(REGISTER, letter(fil=upload("brev.pdf", b"inte en pdf")))

    assert response.status_code == 400
    assert "Handlingen registrerades inte." in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            upload("last.pdf", encrypted_pdf_bytes("Hemligt", user_password="lösen")),
            "Filen last.pdf är låst med lösenord och kan inte läsas.",
        ),
        (
            upload("djup.eml", nested_eml_bytes(3000)),
            "Filen djup.eml kunde inte läsas som e-post (EML); den kan vara skadad.",
        ),
    ],
)
def test_a_file_no_parser_can_read_is_refused_with_a_swedish_message(
    registrar: Client, file: SimpleUploadedFile, message: str
) -> None:
    response = registrar.post(REGISTER, letter(fil=file))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_someone_without_a_person_of_the_body_is_refused(
    client: Client, demo: dict[str, Body]
) -> None:
    client.force_login(User.objects.get(username="blekinge-registrator"))

    assert client.get(REGISTER).status_code == 403


def test_a_letter_from_a_private_person_is_marked_so_in_the_form(registrar: Client) -> None:
    page = registrar.get(REGISTER).content.decode()
    assert "Avsändaren/mottagaren är en privatperson" in page

    registrar.post(REGISTER, letter(avsandare="Anna Andersson", privatperson="on"))
    registrar.post(REGISTER, letter(beskrivning="Remissvar om planen"))

    marked = dict(Document.objects.values_list("counterpart", "counterpart_is_private_person"))
    assert marked == {"Anna Andersson": True, "Länsstyrelsen Västra Götaland": False}
