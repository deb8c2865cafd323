"""Nobody but the case's officer and the body's registrars and secretaries prepares a case:
every preparation service, page and API operation refuses the wrong user."""

from typing import Any

from kansli.organisation.models import Body
from kansli.preparation import services
from kansli.preparation.models import Preparation
from kansli.preparation.tests.builders import open_case, organ, ready_case, route, today
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.tests.refusals import (
    OUTSIDERS,
    Demo,
    RouteCase,
    ServiceCase,
)


def _vanersborg(demo: Demo) -> Body:
    return demo["vanersborg"]


def _case(demo: Demo) -> dict[str, Any]:
    return {"case": open_case(_vanersborg(demo))}


def _ready(demo: Demo) -> dict[str, Any]:
    return {"case": ready_case(_vanersborg(demo))}


def _case_url(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "case": open_case(_vanersborg(demo)).pk}


def _ready_url(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "case": ready_case(_vanersborg(demo)).pk}


def _route_url(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "route": route(_vanersborg(demo)).pk}


def _api_case(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "case_id": open_case(_vanersborg(demo)).pk}


def _api_ready(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "case_id": ready_case(_vanersborg(demo)).pk}


SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.route_create,
        lambda demo: {
            "body": _vanersborg(demo),
            "name": "KS, KF",
            "organizations": [organ(_vanersborg(demo), "ks"), organ(_vanersborg(demo), "kf")],
        },
    ),
    ServiceCase(
        services.route_update,
        lambda demo: {
            "route": route(_vanersborg(demo)),
            "name": "KS",
            "organizations": [organ(_vanersborg(demo), "ks")],
        },
    ),
    ServiceCase(
        services.preparation_plan,
        lambda demo: _case(demo) | {"route": route(_vanersborg(demo))},
    ),
    ServiceCase(
        services.report_save,
        lambda demo: _case(demo) | {"text": "Bakgrund.", "clauses": ["att anta instruktionen"]},
    ),
    ServiceCase(
        services.report_upload,
        lambda demo: _case(demo) | {"upload": upload("tjansteskrivelse.pdf", pdf_bytes("TS"))},
    ),
    ServiceCase(
        services.statement_add,
        lambda demo: (
            _case(demo)
            | {"received_on": today(), "author": "Miljöförbundet", "summary": "Tillstyrker."}
        ),
    ),
    ServiceCase(
        services.status_change,
        lambda demo: _ready(demo) | {"status": Preparation.Status.READY},
    ),
    ServiceCase(services.route_advance, _ready),
]

REPORT = {
    "tjansteskrivelse": "Bakgrund.",
    "att_satser": "att anta instruktionen",
    "ekonomi": "",
    "finansiering": "",
}

ROUTES: list[RouteCase] = [
    RouteCase("preparation:case_detail", _case_url, refused=OUTSIDERS),
    RouteCase("preparation:my_cases", lambda demo: {"body": "vanersborg"}, refused=OUTSIDERS),
    RouteCase("preparation:report_edit", _case_url),
    RouteCase("preparation:report_edit", _case_url, data=lambda demo: REPORT),
    RouteCase(
        "preparation:statement_create",
        _case_url,
        data=lambda demo: {"fran": "Miljöförbundet", "inkom": today(), "sammanfattning": "Ja."},
    ),
    RouteCase("preparation:route_list", lambda demo: {"body": "vanersborg"}),
    RouteCase(
        "preparation:route_list",
        lambda demo: {"body": "vanersborg"},
        data=lambda demo: {"namn": "KS", "organ_1": organ(_vanersborg(demo), "ks").pk},
    ),
    RouteCase("preparation:route_edit", _route_url),
    RouteCase(
        "preparation:route_edit",
        _route_url,
        data=lambda demo: {"namn": "KS", "organ_1": organ(_vanersborg(demo), "ks").pk},
    ),
    RouteCase("preparation:status_update", _ready_url, data=lambda demo: {"status": "ready"}),
    RouteCase("preparation:status_update", _ready_url, data=lambda demo: {"atgard": "nasta-organ"}),
    RouteCase(
        "GET /api/v1/bodies/{slug}/registry/cases/{case_id}/preparation",
        _api_case,
        refused=OUTSIDERS,
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/registry/cases/{case_id}/readiness",
        _api_case,
        refused=OUTSIDERS,
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/registry/cases/{case_id}/status",
        _api_ready,
        data=lambda demo: {"status": "ready"},
    ),
    RouteCase(
        "PUT /api/v1/bodies/{slug}/registry/cases/{case_id}/report",
        _api_case,
        data=lambda demo: {"text": "Bakgrund.", "clauses": ["att anta instruktionen"]},
    ),
]

PUBLIC: dict[str, str] = {}
