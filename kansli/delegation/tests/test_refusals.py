"""A body's delegation orders are imported by its administrator or its secretaries (or the
system): `order_import` refuses everyone else. Drafts of new versions are the secretaries' and
the director's to make and read; only the system adopts one, for the organization's decision.
The orders, their rules and who may decide what are public records, read by every signed-in
user and API key of any body; what the signed-in user may decide is the user's own page."""

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kansli.accounts.models import User
from kansli.delegation import services
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.selectors import draft_order
from kansli.tests.refusals import (
    ADMINISTRATOR,
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


NOT_DRAFTING = (OTHER_BODY, LEDAMOT, HANDLAGGARE, ADMINISTRATOR, ANONYMOUS)


def _draft(demo: Demo) -> OrderDraft:
    return services.order_draft_create(
        actor=None,
        order=DelegationOrder.objects.get(body=demo["vanersborg"]),
        version="2.0",
        valid_from=timezone.localdate() + datetime.timedelta(days=400),
    )


def _first_rule(demo: Demo) -> dict[str, Any]:
    draft = _draft(demo)
    return {"draft": draft, "rule": draft_order(draft=draft).rules[0].id}


SERVICES: list[ServiceCase] = [
    ServiceCase(services.order_import, _import, NOT_IMPORTING),
    ServiceCase(
        services.order_draft_create,
        lambda demo: {
            "order": DelegationOrder.objects.get(body=demo["vanersborg"]),
            "version": "2.0",
            "valid_from": timezone.localdate() + datetime.timedelta(days=400),
        },
        NOT_DRAFTING,
    ),
    ServiceCase(services.order_draft_upload, _import, NOT_DRAFTING),
    ServiceCase(
        services.order_draft_set,
        lambda demo: {
            "draft": _draft(demo),
            "version": "3.0",
            "valid_from": timezone.localdate() + datetime.timedelta(days=500),
        },
        NOT_DRAFTING,
    ),
    ServiceCase(
        services.order_draft_rule_save,
        lambda demo: {"draft": (draft := _draft(demo)), "rule": draft_order(draft=draft).rules[0]},
        NOT_DRAFTING,
    ),
    ServiceCase(services.order_draft_rule_remove, _first_rule, NOT_DRAFTING),
    # Nobody signed in adopts a draft, those who draft it neither: the board's decision does.
    ServiceCase(
        services.order_draft_adopt,
        lambda demo: {
            "draft": (draft := _draft(demo)),
            "organization": draft.organization,
            "adopted_on": timezone.localdate(),
            "minute": "§ 1",
        },
        (*NOT_DRAFTING, "sekreterare", "direktor"),
    ),
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
    RouteCase(
        "delegation:order_draft_create",
        lambda demo: _body(demo) | {"order": _order(demo)},
        data=lambda demo: {"version": "2.0", "galler_fran": "2099-01-01"},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft_upload",
        _body,
        data=lambda demo: {"fil": SimpleUploadedFile("ordning.yaml", EXAMPLE.encode())},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft",
        lambda demo: _body(demo) | {"draft": _draft(demo).pk},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft",
        lambda demo: _body(demo) | {"draft": _draft(demo).pk},
        data=lambda demo: {"version": "3.0", "galler_fran": "2099-01-01"},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft_file",
        lambda demo: _body(demo) | {"draft": _draft(demo).pk},
        data=lambda demo: {"fil": SimpleUploadedFile("ordning.yaml", EXAMPLE.encode())},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft_rule_new",
        lambda demo: _body(demo) | {"draft": _draft(demo).pk},
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft_rule",
        lambda demo: (
            _body(demo)
            | {"draft": (rule := _first_rule(demo))["draft"].pk}
            | {"rule": rule["rule"]}
        ),
        refused=NOT_DRAFTING,
    ),
    RouteCase(
        "delegation:order_draft_rule_remove",
        lambda demo: (
            _body(demo)
            | {"draft": (rule := _first_rule(demo))["draft"].pk}
            | {"rule": rule["rule"]}
        ),
        data=lambda demo: {},
        refused=NOT_DRAFTING,
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
