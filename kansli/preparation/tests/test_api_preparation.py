"""The officer's report, the readiness and the status through the API."""

from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.organisation.models import Person
from kansli.registry.models import Case


def client_of(user: User) -> Client:
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_a_report_written_through_the_api_makes_the_case_ready(
    case: Case, officer: User, rapporteur: Person
) -> None:
    api = client_of(officer)
    base = f"/api/v1/bodies/vanersborg/registry/cases/{case.pk}"

    refused = api.post(f"{base}/status", {"status": "ready"}, content_type="application/json")
    written = api.put(
        f"{base}/report",
        {"text": "Bakgrund.", "clauses": ["att anta instruktionen"], "rapporteur": rapporteur.pk},
        content_type="application/json",
    )
    ready = api.post(f"{base}/status", {"status": "ready"}, content_type="application/json")

    assert refused.status_code == 409
    assert refused.json()["code"] == "conflict"
    assert "Tjänsteskrivelse saknas" in refused.json()["detail"]
    assert written.status_code == 200
    assert written.json()["clauses"] == ["att anta instruktionen"]
    assert api.get(f"{base}/readiness").json() == {"ready": True, "missing": []}
    assert ready.json()["status"] == "ready"
    assert [c["to_status"] for c in ready.json()["history"]] == ["preparing", "ready"]


def test_an_unprepared_case_lists_what_is_missing(case: Case, officer: User) -> None:
    response = client_of(officer).get(
        f"/api/v1/bodies/vanersborg/registry/cases/{case.pk}/preparation"
    )

    body = response.json()
    assert body["status"] == "preparing"
    assert [m["key"] for m in body["readiness"]["missing"]] == ["report", "clause", "rapporteur"]


def test_a_status_the_case_already_has_conflicts_and_an_unknown_one_is_bad_input(
    case: Case, officer: User
) -> None:
    api = client_of(officer)
    base = f"/api/v1/bodies/vanersborg/registry/cases/{case.pk}"

    again = api.post(f"{base}/status", {"status": "preparing"}, content_type="application/json")
    unknown = api.post(f"{base}/status", {"status": "klar"}, content_type="application/json")
    nobody = api.put(
        f"{base}/report",
        {"text": "Bakgrund.", "clauses": ["att anta"], "rapporteur": 999999},
        content_type="application/json",
    )

    assert again.status_code == 409
    assert again.json() == {
        "detail": "Ärendet har redan status under beredning.",
        "code": "conflict",
        "fields": {},
    }
    assert unknown.status_code == 400
    assert unknown.json() == {"detail": "Okänd status.", "code": "invalid", "fields": {}}
    assert nobody.status_code == 400
    assert nobody.json()["code"] == "invalid"
    assert nobody.json()["fields"] == {"rapporteur": ["Det finns ingen person med id 999999."]}
