"""The REST API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each app contributes a router from its own `api.py`; authentication is by bearer token.
"""

from ninja import NinjaAPI

from kansli.accounts.api import TokenAuth
from kansli.governance.api import router as governance_router
from kansli.organisation.api import router as organisation_router

api = NinjaAPI(
    title="Kansli API",
    version="1",
    description="Kanslis API: organisation, styrdokument och (senare) ärenden och beslut.",
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("", organisation_router)
api.add_router("", governance_router)
