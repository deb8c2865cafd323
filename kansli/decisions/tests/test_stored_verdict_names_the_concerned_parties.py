"""A decision keeps the parties of the organization concerned as the engine resolved them: the
relation and the organization as data, worded on the page ("ordföranden i socialnämnden").
Verdicts stored before parties carried their relation kept only the name, and read as before."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.tests.conftest import organization

ATTENDING = [
    "Samråd med kommunstyrelsens ordförande",
    "Information i förväg till ordföranden i socialnämnden",
    "Information i förväg till chefen för socialförvaltningen",
]


@pytest.fixture
def attending(reorganise: Callable[..., Decision], vanersborg: object) -> Decision:
    """The director decides to attend the social committee's meetings (seed 002, 5.2.1):
    a draft until the chairs and the department head are consulted and told."""
    return reorganise(
        decision_type="narvaro-och-yttranderatt",
        concerning=organization(vanersborg, "socialnamnden"),
        title="Närvaro vid socialnämndens sammanträden",
    )


def labels_on_page(client: Client, decision: Decision) -> list[str]:
    response = client.get(f"/vanersborg/beslut/{decision.pk}/")
    assert response.status_code == 200
    return [row.label for row in response.context["requirements"]]


def test_the_stored_verdict_keeps_the_relation_and_the_page_words_it(
    attending: Decision, client: Client, director: User
) -> None:
    client.force_login(director)

    parties = [r["party"] for r in attending.verdict["requirements"]]

    assert [p.get("relation") for p in parties] == [
        None,
        {"code": "chair", "organization": "socialnamnden", "organization_name": "socialnämnden"},
        {
            "code": "head",
            "organization": "socialforvaltningen",
            "organization_name": "socialförvaltningen",
        },
    ]
    assert [p["name"] for p in parties][1:] == [
        "ordföranden i socialnämnden",
        "chefen för socialförvaltningen",
    ]
    assert labels_on_page(client, attending) == ATTENDING
    assert (
        "Beslutet kräver att ordföranden i socialnämnden informeras i förväg"
        in client.get(f"/vanersborg/beslut/{attending.pk}/").content.decode()
    )


def test_a_verdict_stored_with_names_only_reads_as_before(
    attending: Decision, client: Client, director: User
) -> None:
    verdict = attending.verdict
    for requirement in verdict["requirements"]:
        requirement["party"].pop("relation", None)
    Decision.objects.filter(pk=attending.pk).update(verdict=verdict)
    client.force_login(director)

    assert labels_on_page(client, attending) == ATTENDING


def test_a_company_is_consulted_through_its_board(
    reorganise: Callable[..., Decision], vanersborg: object, client: Client, director: User
) -> None:
    decision = reorganise(
        decision_type="bereda-anstallning-vd",
        concerning=organization(vanersborg, "vanersborgs-bostads-ab"),
        title="Rekrytering av VD",
    )
    client.force_login(director)

    assert labels_on_page(client, decision) == [
        "Samråd med styrelsen för Vänersborgs Bostads AB",
        "Samråd med kommunstyrelsens presidium",
    ]


def test_the_evidence_names_the_party_as_the_page_does(
    attending: Decision, client: Client, director: User, today: datetime.date
) -> None:
    client.force_login(director)

    client.post(
        f"/vanersborg/beslut/{attending.pk}/underlag/",
        {"krav": "notification:socialforvaltningen-chef", "datum": today.isoformat()},
    )

    assert attending.evidence.get().party_name == "chefen för socialförvaltningen"
