from collections.abc import Callable

from django.conf import settings
from django.test import Client

from kansli.accounts.models import User


def test_signing_in_leads_to_the_overview(client: Client, make_user: Callable[..., User]) -> None:
    make_user("anna")

    response = client.post(
        "/logga-in/", {"username": "anna", "password": "lösenord-för-test"}, follow=True
    )

    assert response.redirect_chain == [("/", 302)]
    assert "<h1>Översikt</h1>" in response.text
    assert "Inloggad som" in response.text


def test_a_wrong_password_is_refused_in_swedish(
    client: Client, make_user: Callable[..., User]
) -> None:
    make_user("anna")

    response = client.post("/logga-in/", {"username": "anna", "password": "fel"})

    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in response.text


def test_repeated_failures_lock_the_login(client: Client, make_user: Callable[..., User]) -> None:
    make_user("anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/logga-in/", {"username": "anna", "password": "fel"})

    assert response.status_code == 429
    assert "Inloggningen är tillfälligt spärrad" in response.text
    assert "försöka igen om 1 timme" in response.text


def test_signing_out_is_a_button_that_posts(signed_in: Client) -> None:
    page = signed_in.get("/")
    assert 'action="/logga-ut/"' in page.text

    response = signed_in.post("/logga-ut/")

    assert response["Location"] == "/logga-in/"
    after = signed_in.get("/")
    assert after.status_code == 200
    assert "<h1>Kommuner och regioner</h1>" in after.text
    assert 'action="/logga-ut/"' not in after.text
