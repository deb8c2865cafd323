"""Bearer-token authentication for the API."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from kansli.accounts.models import ApiToken
from kansli.accounts.selectors import token_for_key
from kansli.accounts.services import token_mark_used


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`; revoked keys and inactive users are refused."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = token_for_key(key=token, scope=ApiToken.Scope.API)
        if api_token is None:
            return None
        token_mark_used(token=api_token)
        request.user = api_token.user
        return api_token
