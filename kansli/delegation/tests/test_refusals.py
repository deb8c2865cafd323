"""A body's delegation orders are imported by its administrator or its secretaries (or the
system): `order_import` refuses everyone else. The orders, their rules and who may decide what
are public records, read by every signed-in user and API key of any body; what the signed-in
user may decide is the user's own page."""

from pathlib import Path
from typing import Any

import pytest

from kansli.accounts.models import User
from kansli.delegation import services
from kansli.delegation.models import DelegationOrder
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
NOT_IMPORTING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)
PUBLIC_READ = (ANONYMOUS,)
API = "/api/v1/bodies/{slug}/delegation"
GUIDE = Path(__file__).resolve().parents[3] / "docs" / "delegation-order-format.md"
EXAMPLE = GUIDE.read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]


def _import(demo: Demo) -> dict[str, Any]:
    return {"body": demo["vanersborg"], "text": EXAMPLE, "source_name": "ordning.yaml"}


SERVICES: list[ServiceCase] = [
    ServiceCase(services.order_import, _import, NOT_IMPORTING),
]


def _body(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg"}


def _slug(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg"}


def _order(demo: Demo) -> int:
    return DelegationOrder.objects.filter(body=demo["vanersborg"]).first().pk


ROUTES: list[RouteCase] = [
    RouteCase("delegation:who_decides", _body, refused=PUBLIC_READ),
    RouteCase("delegation:delegation_order_list", _body, refused=PUBLIC_READ),
    RouteCase(
        "delegation:delegation_order_detail",
        lambda demo: _body(demo) | {"order": _order(demo)},
        refused=PUBLIC_READ,
    ),
    RouteCase(
        "delegation:delegation_order_pdf",
        lambda demo: _body(demo) | {"order": _order(demo)},
        refused=PUBLIC_READ,
    ),
    # Each signed-in user's own powers; another body's user is pointed to its own body's page.
    RouteCase("delegation:my_powers", _body, refused=(ANONYMOUS,)),
    RouteCase(f"GET {API}/rules", _slug, refused=PUBLIC_READ),
    RouteCase(f"GET {API}/orders", _slug, refused=PUBLIC_READ),
    RouteCase(
        f"GET {API}/orders/{{order_id}}",
        lambda demo: _slug(demo) | {"order_id": _order(demo)},
        refused=PUBLIC_READ,
    ),
    # Asks the public order who may decide; it writes nothing.
    RouteCase(
        f"POST {API}/check",
        _slug,
        data=lambda demo: {"position": "kommundirektor", "decision": "x"},
        refused=PUBLIC_READ,
    ),
]


@pytest.mark.parametrize("username", ["admin", "sekreterare"])
def test_the_bodys_administrator_or_secretary_imports_an_order(demo: Demo, username: str) -> None:
    order = services.order_import(actor=User.objects.get(username=username), **_import(demo))

    assert order.body == demo["vanersborg"]
