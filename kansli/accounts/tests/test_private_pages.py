"""What a signed-in user or an API key was sent is not stored by browsers or proxies; what
the public sees may be."""

from collections.abc import Callable

from django.http import HttpResponse
from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.tests.api_client import api_client
from kansli.organisation.models import Body


def stored(response: HttpResponse) -> bool:
    return "no-store" not in response.get("Cache-Control", "")


def test_a_page_for_a_signed_in_user_is_not_stored(
    client: Client, body: Body, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("anna"))

    for path in ("/", f"/{body.slug}/organisation/", f"/{body.slug}/anslagstavla/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not stored(response), path


def test_an_api_answer_to_a_key_is_not_stored(body: Body) -> None:
    response = api_client().get("/api/v1/bodies")

    assert response.status_code == 200
    assert not stored(response)


def test_the_public_notice_board_may_be_stored(client: Client, body: Body) -> None:
    response = client.get(f"/{body.slug}/anslagstavla/")

    assert response.status_code == 200
    assert stored(response)
