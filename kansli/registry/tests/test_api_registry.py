from collections.abc import Callable

from django.test import Client

from kansli.accounts.models import Role, User
from kansli.organisation.models import Person
from kansli.registry.models import Document

MASK = "[Sekretess enligt OSL 23 kap. 1 §]"
BASE = "/api/v1/bodies/vanersborg/registry"


def test_cases_are_listed_with_their_numbers(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    response = api_client(staff("dan", Role.DIRECTOR)).get(f"{BASE}/cases")

    assert response.status_code == 200
    (case,) = response.json()["items"]
    assert (case["number"], case["title"]) == (
        "KS 2026/00001",
        "Revidering av kommundirektörsinstruktion",
    )


def test_a_case_shows_its_documents_masked_for_staff_without_the_right(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    response = api_client(staff("dan", Role.DIRECTOR)).get(f"{BASE}/cases/{secret_letter.case_id}")

    (document,) = response.json()["documents"]
    assert document["number"] == "KS 2026/00001-1"
    assert (document["counterpart"], document["description"]) == (MASK, MASK)
    assert document["files_visible"] is False
    assert document["files"] == []


def test_the_case_officer_reads_the_document_and_downloads_its_file(
    secret_letter: Document,
    officer: Person,
    staff: Callable[..., User],
    api_client: Callable[[User], Client],
) -> None:
    client = api_client(staff("hanna", Role.CASE_OFFICER, person=officer))

    document = client.get(f"{BASE}/documents/{secret_letter.pk}").json()
    (file,) = document["files"]
    download = client.get(f"{BASE}/documents/{secret_letter.pk}/files/{file['id']}")

    assert document["description"] == "Anmälan om kränkande behandling av elev"
    assert file["name"] == "anmalan.pdf"
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_secret_file_is_refused_to_staff_without_the_right(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    file = secret_letter.files.get()

    response = api_client(staff("dan", Role.DIRECTOR)).get(
        f"{BASE}/documents/{secret_letter.pk}/files/{file.pk}"
    )

    assert response.status_code == 403
    assert response.json()["detail"] == "Du har inte rätt att hämta handlingens filer."
    assert response.json()["code"] == "permission_denied"


def test_the_registry_list_through_the_api_is_masked(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    day = secret_letter.registered_at.astimezone().date().isoformat()

    response = api_client(staff("dan", Role.DIRECTOR)).get(
        f"{BASE}/list", {"start": day, "end": day}
    )

    (document,) = response.json()
    assert document["description"] == MASK


def test_without_a_token_the_registry_is_closed(secret_letter: Document) -> None:
    assert Client().get(f"{BASE}/documents/{secret_letter.pk}").status_code == 401
