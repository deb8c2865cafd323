"""Only the body's administrators manage its webhook subscriptions and read their
deliveries: every service and API operation refuses everyone else, another body's
administrator included."""

from typing import Any

from kansli.integrations import services
from kansli.integrations.models import WebhookSubscription
from kansli.tests.refusals import (
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    Demo,
    RouteCase,
    ServiceCase,
)

OTHER_ADMINISTRATOR = "blekinge-admin"
# The demo's registrar of Vänersborg, who registers what a subscriber is told of.
REGISTRATOR = "registrator"
NOT_ADMINISTERING = (OTHER_BODY, OTHER_ADMINISTRATOR, REGISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)
URL = "http://127.0.0.1:9/kansli"


def _subscription(demo: Demo) -> WebhookSubscription:
    return services.subscription_create(
        actor=None, body=demo["vanersborg"], name="E-arkiv", url=URL, events=["case.closed"]
    )


def _new(demo: Demo) -> dict[str, Any]:
    return {"name": "E-tjänst", "url": URL, "events": ["document.registered"]}


SERVICES = [
    ServiceCase(
        services.subscription_create,
        lambda demo: {"body": demo["vanersborg"], **_new(demo)},
        refused=NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.subscription_update,
        lambda demo: {"subscription": _subscription(demo), "active": False, **_new(demo)},
        refused=NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.subscription_delete,
        lambda demo: {"subscription": _subscription(demo)},
        refused=NOT_ADMINISTERING,
    ),
]

API = "/api/v1/bodies/{slug}/webhooks"


def _one(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "subscription_id": _subscription(demo).pk}


ROUTES = [
    RouteCase(f"GET {API}", lambda demo: {"slug": "vanersborg"}, refused=NOT_ADMINISTERING),
    RouteCase(
        f"POST {API}", lambda demo: {"slug": "vanersborg"}, data=_new, refused=NOT_ADMINISTERING
    ),
    RouteCase(f"DELETE {API}/{{subscription_id}}", _one, refused=NOT_ADMINISTERING),
    RouteCase(f"GET {API}/{{subscription_id}}/deliveries", _one, refused=NOT_ADMINISTERING),
]
