"""Every page is Swedish, whatever language the browser asks for."""

from django.test import Client


def test_login_page_is_swedish_for_a_browser_asking_for_english(client: Client) -> None:
    response = client.get("/logga-in/", HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert 'lang="sv"' in content
    assert "Användarnamn" in content
    assert "Username" not in content
