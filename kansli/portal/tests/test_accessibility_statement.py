"""The accessibility statement (tillgänglighetsredogörelse) that lagen (2018:1937) om
tillgänglighet till digital offentlig service asks for: open to everyone, linked from every
page, saying how accessible the site is, what is not, how to report a fault and who
supervises."""

from django.test import Client
from pytest_django.fixtures import Settings

from kansli.organisation.models import Body


def test_the_statement_names_what_the_law_asks_for(client: Client, body: Body) -> None:
    response = client.get("/tillganglighet/")

    assert response.status_code == 200
    text = response.text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "delvis förenlig med standarden WCAG 2.1 på nivå AA" in text
    assert "Innehåll som inte är tillgängligt" in text
    assert "Myndigheten för digital förvaltning (Digg)" in text
    assert 'href="https://www.digg.se/tdosanmalan"' in text
    assert body.name in text


def test_faults_are_reported_to_the_address_the_site_sets(
    client: Client, body: Body, settings: Settings
) -> None:
    settings.KANSLI_ACCESSIBILITY_CONTACT = "tillganglighet@vanersborg.se"

    text = client.get("/tillganglighet/").text

    assert 'href="mailto:tillganglighet@vanersborg.se"' in text


def test_every_page_links_the_statement(client: Client, body: Body) -> None:
    for path in ("/", f"/{body.slug}/", "/logga-in/"):
        assert 'href="/tillganglighet/"' in client.get(path).text, path
