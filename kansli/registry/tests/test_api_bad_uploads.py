"""Bad input through the registration API gets a clear Swedish error and writes nothing
(issue 14, "Bad input"): a file of a type not allowed, a file named .pdf that is not a PDF, a
zip bomb, an upload too large (refused by its Content-Length before it is read) and a broken
date."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.registry.models import Case, NumberSeries
from kansli.registry.tests.conftest import stored_files
from kansli.registry.tests.samples import docx_bytes, upload

BASE = "/api/v1/bodies/vanersborg/registry"
GIGABYTES_2 = 2 * 1024**3


def form(files: object, **changes: str) -> dict[str, object]:
    return {
        "direction": "incoming",
        "date": timezone.localdate().isoformat(),
        "counterpart": "Anna Andersson",
        "description": "Ansökan",
        "files": files,
    } | changes


@pytest.fixture
def registrar(staff: Callable[..., User], api_client: Callable[[User], Client]) -> Client:
    return api_client(staff("rut", Role.REGISTRAR))


@pytest.mark.parametrize(
    ("data", "status", "detail"),
    [
        (
            form(upload("program.exe", b"MZ\x90\x00" + b"\x00" * 200)),
            422,
            "Filen program.exe är inte av en tillåten typ. Tillåtna är PDF, DOCX, ODT, "
            "kalkylblad (XLSX, ODS), bilder (PNG, JPEG, TIFF) och e-post (EML).",
        ),
        (
            form(upload("ansokan.pdf", b"Det har ar ingen PDF utan vanlig text.\n")),
            422,
            "Filen ansokan.pdf är inte av en tillåten typ. Tillåtna är PDF, DOCX, ODT, "
            "kalkylblad (XLSX, ODS), bilder (PNG, JPEG, TIFF) och e-post (EML).",
        ),
        (
            form(upload("bomb.docx", docx_bytes("a" * 3_000_000))),
            422,
            # The registry's files name the file and say it unpacks beyond the limit (or, in
            # older versions, that it could not be read).
            "Filen bomb.docx ",
        ),
    ],
    ids=["wrong type", "not a pdf", "zip bomb"],
)
def test_a_bad_file_is_refused_in_swedish_and_nothing_is_written(
    case: Case, registrar: Client, media: Path, data: dict[str, object], status: int, detail: str
) -> None:
    events = Event.objects.count()

    response = registrar.post(f"{BASE}/cases/{case.pk}/documents", data)

    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)
    assert Event.objects.count() == events
    assert not case.documents.exists()
    assert stored_files(media) == []


def test_an_upload_too_large_is_refused_by_its_length_before_it_is_read(
    case: Case, registrar: Client
) -> None:
    events = Event.objects.count()

    # The body sent is small; the length claims 2 GB, and nothing reads past the headers.
    response = registrar.generic(
        "POST",
        f"{BASE}/cases/{case.pk}/documents",
        b"--x\r\n",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(GIGABYTES_2),
    )

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert response.json()["detail"] == (
        "Anropet är 2,0\xa0GB; filerna till en handling får vara högst 50,0\xa0MB tillsammans."
    )
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2026-02-30", "Ogiltigt datum 2026-02-30: ange det som ÅÅÅÅ-MM-DD."),
        ("igår", "Ogiltigt datum igår: ange det som ÅÅÅÅ-MM-DD."),
        ("99999-01-01", "Ogiltigt datum 99999-01-01: ange det som ÅÅÅÅ-MM-DD."),
        ("1066-10-14", "Ange ett år mellan 1900 och 2200."),
    ],
)
def test_a_broken_date_is_refused_in_swedish_and_nothing_is_written(
    case: Case, registrar: Client, date: str, message: str
) -> None:
    events = Event.objects.count()
    numbers = list(NumberSeries.objects.values_list("next_number", flat=True))

    response = registrar.post(f"{BASE}/cases/{case.pk}/documents", form([], date=date))

    assert response.status_code == 422
    assert response.json()["detail"] == "Anropets uppgifter är inte giltiga; se fälten."
    assert response.json()["fields"] == {"date": [message]}
    assert Event.objects.count() == events
    assert list(NumberSeries.objects.values_list("next_number", flat=True)) == numbers


def test_a_case_with_a_broken_date_is_not_opened(case: Case, registrar: Client) -> None:
    response = registrar.post(
        f"{BASE}/cases",
        {"organization": "ks", "title": "Ärende", "opened_on": "2026-13-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["fields"] == {
        "opened_on": ["Ogiltigt datum 2026-13-01: ange det som ÅÅÅÅ-MM-DD."]
    }
    assert Case.objects.count() == 1
