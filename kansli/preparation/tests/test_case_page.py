"""The case officer writes the report on the case's page, sets the case ready, and the page
shows the readiness, the documents as the visibility function allows and the history."""

import datetime

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization, Person
from kansli.preparation.models import Preparation
from kansli.registry import services as registry
from kansli.registry.models import Case, Document


@pytest.fixture
def officer(demo: dict[str, Body]) -> User:
    return User.objects.get(username="handlaggare")


@pytest.fixture
def case(officer: User) -> Case:
    board = Organization.objects.get(body__slug="vanersborg", slug="ks")
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer.person,
    )
    registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Anna Andersson",
        description="Läkarintyg",
        secrecy_reference="OSL 26 kap. 1 §",
        description_masked=True,
        counterpart_masked=True,
    )
    return case


def url(case: Case, tail: str = "") -> str:
    return f"/vanersborg/diarium/arenden/{case.pk}/{tail}"


def test_the_report_makes_the_case_ready(client: Client, officer: User, case: Case) -> None:
    client.force_login(officer)
    page = client.get(url(case)).content.decode()
    assert "Tjänsteskrivelse saknas." in page
    rapporteur = Person.objects.get(user__username="direktor")

    client.post(
        url(case, "tjansteskrivelse/"),
        {
            "tjansteskrivelse": "Instruktionen ses över.",
            "att_satser": "att anta instruktionen\natt upphäva den gamla",
            "foredragande": rapporteur.pk,
        },
    )
    response = client.post(url(case, "status/"), {"status": "ready"})

    assert response.status_code == 302
    page = client.get(url(case)).content.decode()
    assert "Inget saknas" in page
    assert "<li>att anta instruktionen</li>" in page
    assert Preparation.objects.get(case=case).status == Preparation.Status.READY
    assert "Klart för dagordning" in page


def test_setting_an_unready_case_ready_lists_what_is_missing(
    client: Client, officer: User, case: Case
) -> None:
    client.force_login(officer)

    response = client.post(url(case, "status/"), {"status": "ready"})

    assert response.status_code == 409
    assert "Statusen ändrades inte." in response.content.decode()
    assert "Föredragande saknas" in response.content.decode()


def test_a_colleague_sees_the_secret_document_masked(client: Client, case: Case) -> None:
    client.force_login(User.objects.get(username="direktor"))

    page = client.get(url(case)).content.decode()

    assert "[Sekretess enligt OSL 26 kap. 1 §]" in page
    assert "Läkarintyg" not in page
    assert "Anna Andersson" not in page


def test_my_cases_lists_the_officers_case_with_what_it_lacks(
    client: Client, officer: User, case: Case
) -> None:
    client.force_login(officer)

    page = client.get("/vanersborg/diarium/mina-arenden/").content.decode()

    assert case.number in page
    assert "Föredragande" in page


def test_the_case_list_shows_the_case(client: Client, officer: User, case: Case) -> None:
    client.force_login(officer)

    page = client.get("/vanersborg/diarium/").content.decode()

    assert case.number in page
    assert "Revidering av kommundirektörsinstruktion" in page
