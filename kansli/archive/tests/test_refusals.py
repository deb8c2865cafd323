"""Only the body's registrars export its closed cases to the e-archive: the service, the page
and the download refuse everyone else."""

import io
from typing import Any

from django.utils import timezone

from kansli.archive import services
from kansli.tests.refusals import Demo, RouteCase, ServiceCase


def _body(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg"}


def _export(demo: Demo) -> dict[str, Any]:
    return {
        "body": demo["vanersborg"],
        "closed_before": timezone.localdate(),
        "out": io.BytesIO(),
    }


SERVICES = [ServiceCase(services.archive_export, _export)]

ROUTES = [
    RouteCase("archive:export", _body),
    RouteCase(
        "archive:export_download",
        _body,
        data=lambda demo: {"avslutade_fore": timezone.localdate().isoformat()},
    ),
]
