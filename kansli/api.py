"""The REST API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each app contributes a router from its own `api.py`; authentication is by bearer token.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from kansli.accounts.api import TokenAuth
from kansli.decisions.api import router as decisions_router
from kansli.delegation.api import router as delegation_router
from kansli.followup.api import router as followup_router
from kansli.governance.api import router as governance_router
from kansli.meetings.api import router as meetings_router
from kansli.organisation.api import router as organisation_router
from kansli.preparation.api import router as preparation_router
from kansli.registry.api import router as registry_router
from kansli.search.api import router as search_router


class KansliAPI(NinjaAPI):
    @property
    def urls(self) -> tuple[list, str, str]:
        """The API's URLs, exempt from the site's login redirect: a token, not a session,
        admits a client, and a client without one gets 401 from the API itself."""
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            login_not_required(pattern.callback)
        return patterns, app_name, namespace


api = KansliAPI(
    title="Kansli API",
    version="1",
    description=(
        "Kanslis API: organisation och styrdokument. Varje anrop kräver en API-nyckel "
        "(`Authorization: Bearer <nyckel>`); nycklar skapas med `kansli apitoken create`. "
        "Sammanträden och anslagstavlan kan läsas utan nyckel, så som allmänheten ser dem."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("", organisation_router, tags=["organisation"])
api.add_router("", governance_router, tags=["styrdokument"])
api.add_router("", delegation_router, tags=["delegation"])
api.add_router("", decisions_router, tags=["beslut"])
api.add_router("", registry_router, tags=["diarium"])
api.add_router("", search_router, tags=["diarium"])
api.add_router("", preparation_router, tags=["beredning"])
api.add_router("", meetings_router, tags=["sammanträden"])
api.add_router("", followup_router, tags=["uppföljning"])


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": _("En giltig API-nyckel krävs.")}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response
