"""Bad input through the register page gets a clear Swedish error and writes nothing: no case,
no document, no event, no stored or held file. The services' own refusals are checked in
test_bad_files_are_refused_and_nothing_is_saved; these go through the form."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Case, Document, File
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.samples import pdf_bytes, png_bytes, upload

REGISTER = "/vanersborg/diarium/registrera/"


def zip_bomb_docx() -> bytes:
    """A DOCX whose text, 8 MB of one letter, is packed into a few kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "a" * 8_000_000 + "</w:document>")
    return out.getvalue()


@pytest.fixture
def registrar(client: Client, demo: dict[str, Body]) -> Client:
    client.force_login(User.objects.get(username="registrator"))
    return client


def letter(**extra: object) -> dict[str, object]:
    return {
        "avsandare": "Anna Andersson",
        "beskrivning": "Synpunkter på detaljplanen",
        "riktning": "incoming",
        "datum": timezone.localdate().isoformat(),
        "organisation": Organization.objects.get(body__slug="vanersborg", slug="ks").pk,
        **extra,
    }


def refused(client: Client, media: Path, data: dict[str, object]) -> str:
    """The page of the refusal, after checking that nothing was written."""
    events = Event.objects.count()
    response = client.post(REGISTER, data)
    assert response.status_code == 400
    assert not Case.objects.exists()
    assert not Document.objects.exists()
    assert not File.objects.exists()
    assert Event.objects.count() == events
    assert stored_files(media) == []
    page = response.content.decode()
    assert "Handlingen registrerades inte." in page
    return page


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            upload("anteckning.txt", b"Bara text"),
            "Filen anteckning.txt är inte av en tillåten typ.",
        ),
        (upload("brev.pdf", b"inte en pdf alls"), "Filen brev.pdf är inte av en tillåten typ."),
        (
            upload("bild.pdf", png_bytes()),
            "Filen bild.pdf heter .pdf men innehållet är av typen PNG-bild.",
        ),
        (
            upload("trasig.pdf", b"%PDF-1.4\ngarbage without structure"),
            "Filen trasig.pdf kunde inte läsas som PDF; den kan vara skadad.",
        ),
        (
            upload("bomb.docx", zip_bomb_docx()),
            "Filen bomb.docx packas upp till mer än 20 gånger sin storlek och tas inte emot.",
        ),
    ],
    ids=["wrong type", "not a pdf", "png named pdf", "damaged pdf", "zip bomb"],
)
def test_a_bad_file_is_refused(
    registrar: Client, media: Path, file: SimpleUploadedFile, message: str
) -> None:
    page = refused(registrar, media, letter(fil=file))

    assert message in page


def test_a_file_over_the_size_limit_is_refused(
    registrar: Client, media: Path, settings: Settings
) -> None:
    settings.KANSLI_MAX_FILE_BYTES = 1000

    page = refused(registrar, media, letter(fil=upload("stor.pdf", pdf_bytes("x" * 2000))))

    assert "Filen stor.pdf är 2," in page
    assert "den största tillåtna storleken är 1000" in page


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-02-30", "Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD."),
        ("igår", "Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD."),
        ("0001-01-01", "Ange ett år mellan 1900 och 2200."),
        ("2199-01-01", "Datumet kan inte vara senare än i dag"),
    ],
)
def test_a_broken_date_is_refused(registrar: Client, media: Path, day: str, message: str) -> None:
    page = refused(registrar, media, letter(datum=day))

    assert message in page
