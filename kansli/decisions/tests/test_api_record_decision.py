"""Recording through the API, as the token's own person: denied is 409 with the engine's
reasons and nothing saved; pending is 201 with a draft; the evidence completes it."""

import datetime

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.decisions.models import Decision
from kansli.decisions.tests.conftest import OTHER_DEPARTMENT, api_client_of
from kansli.organisation.models import Body

URL = "/api/v1/bodies/vanersborg/decisions"
REORGANISATION = {
    "decision_type": "organisationsforandring",
    "position": "kommundirektor",
    "concerning": OTHER_DEPARTMENT,
    "title": "Ny enhetsindelning inom barn- och utbildningsförvaltningen",
}


@pytest.fixture
def director_api(director: User) -> Client:
    return api_client_of(director)


def test_without_the_approval_the_api_saves_a_draft(director_api: Client) -> None:
    response = director_api.post(URL, REORGANISATION, content_type="application/json")

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["source"] == {
        "document": "Kommundirektörsinstruktion",
        "section": "5.2.3",
        "rule": "5.2.3",
    }
    assert (
        "Beslutet kräver godkännande av personal- och förhandlingsutskottet "
        "(Kommundirektörsinstruktion 5.2.3)." in body["verdict"]["reasons"]
    )
    assert body["decided_by"]["name"] == "Katarina Holmgren"


def test_the_evidence_records_the_draft(director_api: Client, today: datetime.date) -> None:
    draft = director_api.post(URL, REORGANISATION, content_type="application/json").json()

    response = director_api.post(
        f"{URL}/{draft['id']}/evidence",
        {"kind": "approval", "party": "pfu", "date": today.isoformat(), "note": "PFU § 12"},
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "recorded"
    assert body["report_to"]["slug"] == "ks"
    assert [e["party_name"] for e in body["evidence"]] == ["personal- och förhandlingsutskottet"]


def test_with_the_approval_the_decision_is_recorded_at_once(
    director_api: Client, today: datetime.date
) -> None:
    evidence = [{"kind": "approval", "party": "pfu", "date": today.isoformat()}]

    response = director_api.post(
        URL, {**REORGANISATION, "evidence": evidence}, content_type="application/json"
    )

    assert response.status_code == 201
    assert response.json()["status"] == "recorded"
    assert response.json()["decided_on"] == today.isoformat()


def test_a_denied_decision_is_409_with_the_reasons_and_nothing_is_saved(
    director_api: Client,
) -> None:
    company = {**REORGANISATION, "concerning": "vanersborgs-energi-ab"}

    response = director_api.post(URL, company, content_type="application/json")

    assert response.status_code == 409
    body = response.json()
    assert body["verdict"]["outcome"] == "denied"
    assert "(Kommundirektörsinstruktion 5.2.3)" in body["detail"]
    assert not Decision.objects.exists()


def test_bad_input_is_400_in_swedish(director_api: Client) -> None:
    unknown = director_api.post(
        URL, {**REORGANISATION, "concerning": "finns-inte"}, content_type="application/json"
    )
    both = director_api.post(
        URL, {**REORGANISATION, "organization": "ks"}, content_type="application/json"
    )
    odd_type = director_api.post(
        URL, {**REORGANISATION, "decision_type": "okand"}, content_type="application/json"
    )

    assert unknown.status_code == 400
    assert unknown.json()["detail"] == (
        "Vänersborgs kommun har ingen organisation med kortnamnet finns-inte."
    )
    assert both.status_code == 400
    assert odd_type.status_code == 400
    assert "Okänd beslutstyp" in odd_type.json()["detail"]
    assert not Decision.objects.exists()


def test_a_token_without_a_person_is_403(vanersborg: Body) -> None:
    client = api_client_of(user_create(actor=None, username="integration", password=None))

    response = client.post(URL, REORGANISATION, content_type="application/json")

    assert response.status_code == 403
    assert "kopplade till en person" in response.json()["detail"]
    assert not Decision.objects.exists()
