"""The delegation API: rules in force with filters, the orders, one order with its rules, and
the check, which answers as the command does and refuses bad questions with 400."""

import pytest
from django.test import Client

from kansli.accounts.tests.api_client import api_client
from kansli.delegation.models import DelegationOrder


@pytest.fixture
def api(demo) -> Client:
    return api_client()


def test_rules_filter_by_decision_type_text_and_date(api):
    by_type = api.get(
        "/api/v1/bodies/vanersborg/delegation/rules", {"decision_type": "lonesattning"}
    ).json()
    by_text = api.get(
        "/api/v1/bodies/vanersborg/delegation/rules", {"q": "anställa STABSCHEF"}
    ).json()
    before = api.get("/api/v1/bodies/vanersborg/delegation/rules", {"date": "2018-01-01"}).json()

    assert [rule["number"] for rule in by_type] == ["5.1.4", "5.2.5"]
    assert [rule["number"] for rule in by_text] == ["5.1.1 a"]
    assert before == []


def test_rules_refuse_a_bad_date(api):
    response = api.get("/api/v1/bodies/vanersborg/delegation/rules", {"date": "2025-02-30"})

    assert response.status_code == 422


def test_orders_list_the_instruction_with_its_document(api):
    [order] = api.get("/api/v1/bodies/blekinge/delegation/orders").json()

    assert order["key"] == "blekinge-instruktion-landstingsdirektor-1.0"
    assert order["document"] == "Instruktion till landstingsdirektör"
    assert order["organization"]["slug"] == "regionstyrelsen"
    assert order["governing_document"] == "instruktion-landstingsdirektor"


def test_an_order_comes_with_its_decision_types_rules_and_duties(api):
    order = DelegationOrder.objects.get(body__slug="vanersborg")

    detail = api.get(f"/api/v1/bodies/vanersborg/delegation/orders/{order.pk}").json()

    assert len(detail["rules"]) == order.rules.count()
    assert detail["rules"][0]["source"] == {
        "document": "Kommundirektörsinstruktion",
        "section": "2.1",
    }
    assert detail["decision_types"][0] == {
        "code": "mal-och-ramar",
        "name": "Mål och ekonomiska ramar för verksamheten",
        "non_delegable": "mal-inriktning-omfattning-kvalitet",
    }
    assert len(detail["duties"]) == order.duties.count()
    assert {"holder", "text", "recurrence", "source"} <= detail["duties"][0].keys()


def test_an_order_of_another_body_is_not_found(api):
    order = DelegationOrder.objects.get(body__slug="vanersborg")

    response = api.get(f"/api/v1/bodies/blekinge/delegation/orders/{order.pk}")

    assert response.status_code == 404
    assert response.json()["detail"] == f"Region Blekinge har ingen delegationsordning {order.pk}."


def test_a_check_with_two_actors_is_a_bad_request(api):
    response = api.post(
        "/api/v1/bodies/vanersborg/delegation/check",
        {"position": "kommundirektor", "organization": "ks", "decision": "lonesattning"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Ange exakt en beslutsfattare: en befattning, person eller organisation.",
        "code": "invalid",
        "fields": {},
    }


def test_a_check_of_an_unknown_body_is_not_found(api):
    response = api.post(
        "/api/v1/bodies/finns-inte/delegation/check",
        {"position": "kommundirektor", "decision": "lonesattning"},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_the_delegation_api_needs_a_key(demo, client):
    assert client.get("/api/v1/bodies/vanersborg/delegation/rules").status_code == 401
