from django.template.loader import render_to_string
from django.test import Client

from kansli.organisation.models import Body


def test_an_unknown_address_gets_a_swedish_page_with_the_navigation(
    signed_in: Client, body: Body
) -> None:
    response = signed_in.get("/vanersborg/styrdokument/finns-inte/")

    assert response.status_code == 404
    assert "<h1>Sidan finns inte</h1>" in response.text
    assert 'aria-label="Huvudmeny"' in response.text


def test_the_server_error_page_renders_without_a_request() -> None:
    html = render_to_string("500.html")

    assert "<h1>Något gick fel</h1>" in html
    assert "Logga ut" not in html
