import json

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from kansli.organisation.models import Body
from kansli.web.errors import server_error
from kansli.web.tests.error_urls import REASON

ERROR_URLS = "kansli.web.tests.error_urls"
LAYOUT = 'aria-label="Huvudmeny"'


def test_an_unknown_address_gets_a_swedish_page_with_the_navigation(
    signed_in: Client, body: Body
) -> None:
    response = signed_in.get("/vanersborg/styrdokument/finns-inte/")

    assert response.status_code == 404
    assert "<h1>Sidan finns inte</h1>" in response.text
    assert LAYOUT in response.text


def test_the_server_error_page_renders_without_a_request() -> None:
    html = render_to_string("500.html")

    assert "<h1>Något gick fel</h1>" in html
    assert "Logga ut" not in html


@pytest.mark.urls(ERROR_URLS)
def test_a_refusal_shows_its_swedish_reason_in_the_layout(signed_in: Client) -> None:
    response = signed_in.get("/test/nekad/")

    assert response.status_code == 403
    assert "<h1>Du har inte behörighet</h1>" in response.text
    assert REASON in response.text
    assert LAYOUT in response.text
    assert "Forbidden" not in response.text


@pytest.mark.urls(ERROR_URLS)
def test_a_refusal_without_a_reason_says_so_in_swedish(signed_in: Client) -> None:
    response = signed_in.get("/test/nekad-utan-skal/")

    assert response.status_code == 403
    assert "Du har inte behörighet att se sidan eller att göra det du försökte." in response.text


@pytest.mark.urls(ERROR_URLS)
def test_a_server_error_gives_the_swedish_page_in_the_layout(visitor, settings) -> None:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(visitor)

    response = client.get("/test/trasig/")

    assert response.status_code == 500
    assert "<h1>Något gick fel</h1>" in response.text
    assert 'class="site-header"' in response.text


def test_a_form_without_its_csrf_token_gets_a_swedish_page(visitor) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(visitor)

    response = client.post("/logga-ut/")

    assert response.status_code == 403
    assert "<h1>Formuläret kunde inte skickas</h1>" in response.text
    assert LAYOUT in response.text
    assert "CSRF" not in response.text


def test_a_bad_request_gets_a_swedish_page() -> None:
    html = render_to_string("400.html")

    assert "<h1>Felaktig begäran</h1>" in html


@pytest.mark.urls(ERROR_URLS)
def test_a_refused_post_keeps_the_input_with_the_reason(signed_in: Client) -> None:
    response = signed_in.post("/test/anteckning/", {"rubrik": "Yttrande över detaljplan"})

    assert response.status_code == 403
    assert 'value="Yttrande över detaljplan"' in response.text
    assert REASON in response.text
    assert LAYOUT in response.text


def test_an_unknown_api_address_answers_in_the_apis_error_body(db: None) -> None:
    response = Client().get("/api/v1/finns-inte")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Adressen finns inte i API:t.",
        "code": "not_found",
        "fields": {},
    }


def test_a_server_error_in_the_api_answers_in_the_apis_error_body() -> None:
    response = server_error(RequestFactory().get("/api/v1/bodies"))

    assert response.status_code == 500
    assert json.loads(response.content) == {
        "detail": "Ett oväntat fel inträffade. Felet är loggat.",
        "code": "server_error",
        "fields": {},
    }
