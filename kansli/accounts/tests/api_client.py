"""A test client for the API, carrying a fresh key of its own user (of `person`, if given)."""

from django.test import Client

from kansli.accounts.services import token_create, user_create
from kansli.organisation.models import Person


def api_client(username: str = "api-klient", *, person: Person | None = None) -> Client:
    user = user_create(actor=None, username=username, password=None, person=person)
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})
