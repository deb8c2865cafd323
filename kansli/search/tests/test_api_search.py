"""Search through the API: stemmed hits with marked snippets, a secret text kept out."""

from collections.abc import Callable

from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload


def client_of(user: User) -> Client:
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_the_api_finds_inflected_forms_as_the_user_may_see_them(
    case: Case, officer: User, colleague: User, register: Callable[..., Document]
) -> None:
    register(case, "Besluten om budgeten")
    register(
        case,
        "Läkarintyg",
        files=[upload("intyg.pdf", pdf_bytes("Beslutet om sjukskrivning"))],
        secrecy_reference="OSL 26 kap. 1 §",
        description_masked=True,
    )
    url = "/api/v1/bodies/vanersborg/registry/search"

    mine = client_of(officer).get(url, {"q": "beslut"}).json()
    theirs = client_of(colleague).get(url, {"q": "beslut"}).json()

    assert mine["total"] == 2
    assert {hit["document"]["description"] for hit in theirs["hits"]} == {"Besluten om budgeten"}
    assert "<mark>Besluten</mark>" in theirs["hits"][0]["snippet"]


def test_another_bodys_staff_is_refused_in_swedish(case: Case, outsider: User) -> None:
    response = client_of(outsider).get("/api/v1/bodies/vanersborg/registry/search", {"q": "beslut"})

    assert response.status_code == 403
    assert response.json()["detail"] == "Bara personal i Vänersborgs kommun läser diariet här."
    assert response.json()["code"] == "permission_denied"
