import datetime

import pytest

from kansli.accounts.tests.api_client import api_client
from kansli.demo.seeds import VANERSBORG_INSTRUCTION, seed_text
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization


@pytest.fixture
def instruction(board: Organization) -> GoverningDocument:
    """Seed 002: Vänersborg's director's instruction, with its header, revision and text."""
    administration = organisation.organization_create(
        actor=None,
        body=board.body,
        kind=Organization.Kind.DEPARTMENT,
        slug="ksf",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )
    document = governance.document_create(
        actor=None,
        body=board.body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=administration,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
        responsible="Chefen för kommunkontoret",
        published_on=datetime.date(2018, 1, 15),
        laws=["Kommunallagen (2017:725)"],
    )
    governance.revision_add(
        actor=None,
        document=document,
        decided_by=board,
        decided_on=datetime.date(2019, 1, 30),
        minute="§ 20",
    )
    governance.version_add(
        actor=None,
        document=document,
        number="1.0",
        text=seed_text(VANERSBORG_INSTRUCTION),
        valid_from=datetime.date(2019, 1, 30),
    )
    return document


def test_documents_are_listed_with_their_metadata(instruction: GoverningDocument) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/documents")

    assert response.status_code == 200
    [document] = response.json()
    assert document["slug"] == "kommundirektorsinstruktion"
    assert document["kind"] == "instruction"
    assert document["adopted_by"]["short_name"] == "KS"
    assert document["adopted_on"] == "2017-12-20"
    assert document["adopted_minute"] == "§ 248"
    assert document["owner"]["name"] == "Kommunstyrelseförvaltningen"
    assert document["laws"] == ["Kommunallagen (2017:725)"]
    assert document["valid_until"] is None


def test_document_shows_revisions_and_the_current_version_with_every_section(
    instruction: GoverningDocument,
) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/documents/kommundirektorsinstruktion")

    assert response.status_code == 200
    document = response.json()
    assert document["responsible"] == "Chefen för kommunkontoret"
    assert [
        (r["decided_by"]["slug"], r["decided_on"], r["minute"]) for r in document["revisions"]
    ] == [("ks", "2019-01-30", "§ 20")]
    version = document["current_version"]
    assert version["number"] == "1.0"
    assert version["valid_from"] == "2019-01-30"
    sections = {s["key"]: s for s in version["sections"]}
    assert len(sections) == 40
    assert list(sections)[:3] == ["1", "2", "2.1"]
    assert sections["5.2.3"]["heading"] == "Organisationsförändringar"
    assert sections["5.2.3"]["level"] == 3


def test_document_without_a_version_has_no_current_version(board: Organization) -> None:
    governance.document_create(
        actor=None,
        body=board.body,
        slug="attestregler",
        kind=GoverningDocument.Kind.RULES,
        name="Attestregler",
        adopted_by=board,
        owner=board,
    )

    response = api_client().get("/api/v1/bodies/vanersborg/documents/attestregler")

    assert response.json()["current_version"] is None


def test_one_section_is_found_by_its_number(instruction: GoverningDocument) -> None:
    response = api_client().get(
        "/api/v1/bodies/vanersborg/documents/kommundirektorsinstruktion/sections/5.2.3"
    )

    assert response.status_code == 200
    section = response.json()
    assert (section["key"], section["number"], section["heading"]) == (
        "5.2.3",
        "5.2.3",
        "Organisationsförändringar",
    )
    assert section["text"].endswith("efter godkännande av PFU.")


def test_unknown_section_is_404_with_a_swedish_message(instruction: GoverningDocument) -> None:
    response = api_client().get(
        "/api/v1/bodies/vanersborg/documents/kommundirektorsinstruktion/sections/9.9"
    )

    assert response.status_code == 404
    assert response.json()["detail"] == "Kommundirektörsinstruktion har inget avsnitt 9.9."


def test_unknown_document_is_404_with_a_swedish_message(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/documents/skolplan")

    assert response.status_code == 404
    assert (
        response.json()["detail"]
        == "Vänersborgs kommun har inget styrdokument med kortnamnet skolplan."
    )
