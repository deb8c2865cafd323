"""Every API error has one body: a Swedish detail, a code a client can test, the fields."""

import json
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.test import Client, RequestFactory

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.api import api
from kansli.organisation.models import Body


@pytest.fixture
def api_client(body: Body, make_user: Callable[..., User]) -> Client:
    _, key = token_create(actor=None, user=make_user("klient"), name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def answered(exc: Exception) -> tuple[int, dict]:
    """What the API answers when an operation raises `exc`."""
    response = api.on_exception(RequestFactory().get("/api/v1/"), exc)
    return response.status_code, json.loads(response.content)


def test_a_request_without_a_key_is_401_in_swedish(db: None) -> None:
    response = Client().get("/api/v1/bodies")

    assert response.status_code == 401
    assert response.json() == {
        "detail": "En giltig API-nyckel krävs.",
        "code": "unauthenticated",
        "fields": {},
    }
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_refusal_is_403_with_the_services_reason() -> None:
    status, body = answered(PermissionDenied("Bara registratorer hos Vänersborg registrerar."))

    assert status == 403
    assert body == {
        "detail": "Bara registratorer hos Vänersborg registrerar.",
        "code": "permission_denied",
        "fields": {},
    }


def test_a_refusal_without_a_reason_still_says_why_in_swedish() -> None:
    status, body = answered(PermissionDenied())

    assert status == 403
    assert body["detail"] == "Du har inte behörighet att göra detta."


def test_a_services_validation_error_is_400_with_its_fields() -> None:
    status, body = answered(
        ValidationError({"title": ["Ange en rubrik."], "__all__": ["Ärendet är stängt."]})
    )

    assert status == 400
    assert body["code"] == "invalid"
    assert body["fields"] == {"title": ["Ange en rubrik."]}
    assert "Ärendet är stängt." in body["detail"]


def test_a_validation_error_keeps_its_own_code() -> None:
    status, body = answered(ValidationError("Kanske redan registrerad?", code="duplicate"))

    assert (status, body["code"]) == (400, "duplicate")


def test_a_conflict_is_409() -> None:
    status, body = answered(ValidationError("Sammanträdet är redan kallat.", code="conflict"))

    assert status == 409
    assert body == {"detail": "Sammanträdet är redan kallat.", "code": "conflict", "fields": {}}


def test_get_object_or_404_answers_404_in_swedish(db: None) -> None:
    with pytest.raises(Http404) as missing:
        get_object_or_404(Body, slug="finns-inte")

    status, body = answered(missing.value)

    assert status == 404
    assert body == {
        "detail": "Det som efterfrågades finns inte.",
        "code": "not_found",
        "fields": {},
    }


def test_an_unknown_body_is_404_with_the_apps_swedish_detail(api_client: Client) -> None:
    response = api_client.get("/api/v1/bodies/finns-inte")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Det finns ingen kommun eller region med kortnamnet finns-inte.",
        "code": "not_found",
        "fields": {},
    }


def test_wrong_parameters_are_422_with_swedish_messages_per_field(api_client: Client) -> None:
    response = api_client.post(
        "/api/v1/bodies/vanersborg/delegation/check",
        {"person": "en", "amount": -5, "conditions": "inte en lista", "delegate_unavailable": 3},
        content_type="application/json",
    )

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation"
    assert body["detail"] == "Anropets uppgifter är inte giltiga; se fälten."
    assert body["fields"] == {
        "decision": ["Fältet måste fyllas i."],
        "person": ["Ange ett heltal."],
        "amount": ["Ange ett värde som är minst 0."],
        "conditions": ["Ange en lista."],
        "delegate_unavailable": ["Ange true eller false."],
    }


def test_a_wrong_date_and_a_wrong_path_parameter_are_422_in_swedish(api_client: Client) -> None:
    date = api_client.get("/api/v1/bodies/vanersborg/delegation/rules?date=2026-13-01")
    path = api_client.get("/api/v1/bodies/vanersborg/delegation/orders/en")

    assert date.status_code == 422
    assert date.json()["fields"] == {
        "date": ["Ogiltigt datum 2026-13-01: ange det som ÅÅÅÅ-MM-DD."]
    }
    assert path.status_code == 422
    assert path.json()["fields"] == {"order_id": ["Ange ett heltal."]}


def test_a_body_that_is_not_json_is_400_in_swedish(api_client: Client) -> None:
    response = api_client.post(
        "/api/v1/bodies/vanersborg/delegation/check", "{inte json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Anropets innehåll kunde inte läsas som JSON.",
        "code": "invalid",
        "fields": {},
    }


def test_a_missing_row_is_404_in_swedish() -> None:
    status, body = answered(Body.DoesNotExist("Body matching query does not exist."))

    assert (status, body["detail"]) == (404, "Det som efterfrågades finns inte.")
