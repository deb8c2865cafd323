"""The provider's people, read from the JSON file the test writes (PROVIDER_PEOPLE):
`{"anna": {"password": …, "email": …, "employee_number": …, "groups": […]}}`."""

import json
import os
from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import User
from django.http import HttpRequest
from oauth2_provider.oauth2_validators import OAuth2Validator


def people() -> dict[str, dict[str, Any]]:
    with open(os.environ["PROVIDER_PEOPLE"], encoding="utf-8") as file:
        result: dict[str, dict[str, Any]] = json.load(file)
    return result


class PeopleBackend(BaseBackend):
    """Signs in a person of the file with its password."""

    def authenticate(
        self, request: HttpRequest | None, username: str = "", password: str = "", **kwargs: Any
    ) -> Any:
        person = people().get(username)
        if person is None or person["password"] != password:
            return None
        user, _created = User.objects.get_or_create(username=username)
        return user

    def get_user(self, user_id: int) -> Any:
        return User.objects.filter(pk=user_id).first()


class Validator(OAuth2Validator):
    """Every claim in the ID token and the user info, read from the file at each sign-in."""

    oidc_claim_scope = None

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        person = people()[request.user.username]
        return {
            "email": person["email"],
            "employee_number": person["employee_number"],
            "groups": person["groups"],
        }
