import pytest
from django.test import Client

from kansli.governance.models import GoverningDocument

PAGES = [
    "/vanersborg/organisation/",
    "/vanersborg/organisation/ks/",
    "/vanersborg/personer/1/",
    "/vanersborg/styrdokument/",
]
# A published governing document is the public's to read (governance.policy.may_read;
# kansli/governance/tests/test_document_reading.py).


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_an_anonymous_visitor_to_the_login(
    client: Client, instruction: GoverningDocument, path: str
) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/logga-in/?next={path}"


def test_the_start_page_is_open_to_everyone_as_the_public_portal(
    client: Client, instruction: GoverningDocument
) -> None:
    response = client.get("/")

    assert response.status_code == 200
    assert "<h1>Kommuner och regioner</h1>" in response.text
    assert '<a href="/vanersborg/">Vänersborgs kommun</a>' in response.text
    assert 'href="#main"' in response.text


def test_the_login_page_is_open_to_everyone(client: Client) -> None:
    response = client.get("/logga-in/")

    assert response.status_code == 200
    assert '<html lang="sv">' in response.text
    assert "<h1>Logga in</h1>" in response.text
    assert 'href="#main"' in response.text
