"""Every page is Swedish unless the visitor picks English with the language switch."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from kansli.language import in_records_language
from kansli.organisation.models import Body

pytestmark = pytest.mark.django_db


def switch(client: Client, language: str, next_url: str) -> None:
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url


def test_login_page_is_swedish_for_a_browser_asking_for_english(client: Client) -> None:
    response = client.get("/logga-in/", HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert 'lang="sv"' in content
    assert "Användarnamn" in content
    assert "Username" not in content


def test_an_anonymous_visitor_switches_the_login_page_to_english_and_back(
    client: Client,
) -> None:
    switch(client, "en", "/logga-in/")
    english = client.get("/logga-in/").content.decode()
    switch(client, "sv", "/logga-in/")
    swedish = client.get("/logga-in/").content.decode()

    assert "Username" in english
    assert "Användarnamn" not in english
    assert "Användarnamn" in swedish


def test_the_public_registry_list_follows_the_switch_with_its_html_lang(
    client: Client, body: Body
) -> None:
    page = f"/{body.slug}/postlista/"
    switch(client, "en", page)
    english = client.get(page)
    switch(client, "sv", page)
    swedish = client.get(page)

    assert english.status_code == swedish.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert english["Content-Language"] == "en"
    assert '<html lang="sv">' in swedish.content.decode()
    assert swedish["Content-Language"] == "sv"


def test_the_switch_offers_the_other_language_in_that_language(client: Client, body: Body) -> None:
    page = f"/{body.slug}/postlista/"
    swedish = client.get(page).content.decode()
    switch(client, "en", page)
    english = client.get(page).content.decode()

    assert 'lang="en">In English</button>' in swedish
    assert 'lang="sv">På svenska</button>' in english


def test_a_language_kansli_lacks_leaves_the_page_swedish(client: Client) -> None:
    client.cookies["django_language"] = "de"

    response = client.get("/logga-in/")

    assert "Användarnamn" in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_the_switch_never_sends_the_visitor_to_another_site(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://elak.example/"})

    assert response.status_code == 302
    assert "elak.example" not in response["Location"]


def test_what_is_kept_or_sent_to_others_is_written_in_swedish_whatever_the_user_reads() -> None:
    @in_records_language
    def heading() -> str:
        return gettext("Anslagstavla")

    with translation.override("en"):
        assert gettext("Anslagstavla") != "Anslagstavla"
        assert heading() == "Anslagstavla"
        assert translation.get_language() == "en"
