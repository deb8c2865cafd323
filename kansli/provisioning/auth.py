"""Who the directory is: a bearer provisioning key (kansli.accounts.ApiToken, scope
PROVISIONING, `kansli apitoken create --scim`) of an account holding the administrator's role
in its body. No key, a revoked one or an API key is 401; a key of another account 403. A
signed-in browser session counts for nothing here."""

import json
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django_scim import constants
from django_scim.middleware import SCIMAuthCheckMiddleware

from kansli.accounts.models import ApiToken
from kansli.accounts.policy import provisioned_body
from kansli.accounts.selectors import token_for_key
from kansli.accounts.services import token_mark_used


def _error(status: int, detail: str) -> HttpResponse:
    body = {"schemas": [constants.SchemaURI.ERROR], "detail": detail, "status": str(status)}
    return HttpResponse(json.dumps(body), content_type=constants.SCIM_CONTENT_TYPE, status=status)


def _bearer_key(request: HttpRequest) -> str:
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else ""


class BearerTokenCheck(SCIMAuthCheckMiddleware):
    """Around every SCIM view (django-scim2's AUTH_CHECK_MIDDLEWARE)."""

    def process_request(self, request: HttpRequest, *args: Any) -> HttpResponse | None:
        key = _bearer_key(request)
        token = token_for_key(key=key, scope=ApiToken.Scope.PROVISIONING) if key else None
        if token is None:
            request.user = AnonymousUser()
            response = _error(
                401, _("En giltig nyckel för provisionering krävs (Authorization: Bearer).")
            )
            response["WWW-Authenticate"] = 'Bearer realm="Kansli SCIM"'
            return response
        token_mark_used(token=token)
        request.user = token.user
        if provisioned_body(token.user) is None:
            return _error(
                403,
                _("Nyckeln tillhör inte en administratör i en kommun eller region."),
            )
        return None

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        return response
