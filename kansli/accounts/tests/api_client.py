"""A test client for the API, carrying a fresh key of its own user."""

from django.test import Client

from kansli.accounts.services import token_create, user_create


def api_client(username: str = "api-klient") -> Client:
    user = user_create(actor=None, username=username, password=None)
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})
