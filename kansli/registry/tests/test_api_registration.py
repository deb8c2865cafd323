"""Systems open cases and register documents with their files through the API (issue 14,
item 4): a retry with the same Idempotency-Key gets the first answer and never a second
number; the key with another call is refused; the wrong users are refused and nothing is
written; what secrecy hides is shown only to those who may see it."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.integrations.models import IdempotencyKey
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload

BASE = "/api/v1/bodies/vanersborg/registry"


def letter(**changes: object) -> dict[str, object]:
    return {
        "direction": "incoming",
        "date": timezone.localdate().isoformat(),
        "counterpart": "Anna Andersson",
        "description": "Förslag om en ny lekplats",
        "files": upload("forslag.pdf", pdf_bytes("Lekplats vid skolan")),
    } | changes


@pytest.fixture
def registrar(staff: Callable[..., User], api_client: Callable[[User], Client]) -> Client:
    return api_client(staff("rut", Role.REGISTRAR))


def test_a_retried_case_opening_gets_the_first_number(case: Case, registrar: Client) -> None:
    new = {"organization": "ks", "title": "Medborgarförslag om en lekplats"}
    headers = {"Idempotency-Key": "e-tjanst-4711"}

    first = registrar.post(f"{BASE}/cases", new, content_type="application/json", headers=headers)
    retry = registrar.post(f"{BASE}/cases", new, content_type="application/json", headers=headers)
    other = registrar.post(
        f"{BASE}/cases", new, content_type="application/json", headers={"Idempotency-Key": "4712"}
    )

    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert other.json()["number"] != first.json()["number"]
    assert Case.objects.filter(title="Medborgarförslag om en lekplats").count() == 2


def test_a_document_registered_twice_with_one_key_is_registered_once(
    case: Case, registrar: Client
) -> None:
    headers = {"Idempotency-Key": "inkorg-2026-0001"}

    first = registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)
    retry = registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)

    assert first.status_code == 201, first.json()
    assert retry.status_code == 201
    assert retry.json() == first.json()
    assert first.json()["number"] == f"{case.number}-1"
    (file,) = first.json()["files"]
    assert (file["name"], file["content_type"]) == ("forslag.pdf", "application/pdf")
    assert case.documents.count() == 1


def test_the_key_of_another_call_is_refused_and_nothing_is_written(
    case: Case, registrar: Client
) -> None:
    headers = {"Idempotency-Key": "inkorg-2026-0002"}
    registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)
    events = Event.objects.count()

    other = registrar.post(
        f"{BASE}/cases/{case.pk}/documents", letter(description="Ett annat brev"), headers=headers
    )

    assert other.status_code == 409
    assert other.json()["detail"] == (
        "Nyckeln inkorg-2026-0002 har redan använts för ett annat anrop. Använd en ny nyckel "
        "för ett nytt anrop."
    )
    assert case.documents.count() == 1
    assert Event.objects.count() == events


def test_keys_are_the_callers_own(
    case: Case,
    registrar: Client,
    staff: Callable[..., User],
    api_client: Callable[[User], Client],
) -> None:
    headers = {"Idempotency-Key": "samma-nyckel"}
    colleague = api_client(staff("sara", Role.SECRETARY))

    mine = registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)
    theirs = colleague.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)

    assert theirs.json()["number"] != mine.json()["number"]
    assert IdempotencyKey.objects.filter(key="samma-nyckel").count() == 2


def test_an_expired_key_is_forgotten(
    case: Case, registrar: Client, settings: object, time_machine: object
) -> None:
    headers = {"Idempotency-Key": "gammal"}
    first = registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)
    time_machine.move_to(timezone.now() + timezone.timedelta(hours=25))  # type: ignore[attr-defined]

    later = registrar.post(f"{BASE}/cases/{case.pk}/documents", letter(), headers=headers)

    assert later.json()["number"] != first.json()["number"]


def test_the_wrong_users_may_not_register_and_nothing_is_written(
    case: Case,
    staff: Callable[..., User],
    other_registrar: User,
    api_client: Callable[[User], Client],
) -> None:
    callers = {
        "another body's registrar": api_client(other_registrar),
        "a board member": api_client(staff("lena", Role.ELECTED_MEMBER)),
        "a case officer, not of this case": api_client(staff("olle", Role.CASE_OFFICER)),
        "anonymous": Client(),
    }
    events = Event.objects.count()

    answers = {
        who: (
            client.post(f"{BASE}/cases/{case.pk}/documents", letter()).status_code,
            client.post(
                f"{BASE}/cases",
                {"organization": "ks", "title": "Obehörigt"},
                content_type="application/json",
            ).status_code,
        )
        for who, client in callers.items()
    }

    assert answers == {
        "another body's registrar": (403, 403),
        "a board member": (403, 403),
        "a case officer, not of this case": (403, 403),
        "anonymous": (401, 401),
    }
    assert Event.objects.count() == events
    assert not Document.objects.exists()


def test_what_secrecy_hides_is_shown_to_the_registrar_only(
    case: Case,
    registrar: Client,
    staff: Callable[..., User],
    api_client: Callable[[User], Client],
) -> None:
    secret = letter(
        description="Anmälan om kränkande behandling av elev",
        secrecy_reference="OSL 23 kap. 1 §",
        description_masked="true",
    )
    registered = registrar.post(f"{BASE}/cases/{case.pk}/documents", secret)
    director = api_client(staff("dan", Role.DIRECTOR))

    (seen,) = director.get(f"{BASE}/documents").json()["items"]

    assert registered.json()["description"] == "Anmälan om kränkande behandling av elev"
    assert seen["description"] == "[Sekretess enligt OSL 23 kap. 1 §]"
    assert seen["files"] == []
