"""An OParl client reads the whole public data of a demo body over HTTP from a running server.

The issue suggested the PyPI package `stadt-bonn-oparl` (1.8.5). It cannot be used: it needs
Python 3.12 or later (Kansli runs on 3.11), and it, like its generated companion
`stadt-bonn-oparl-api-client` (1.8.6), speaks the API of Bonn's own OParl proxy (fixed paths
such as `/meetings/?id=…&body=…` with numeric ids), not OParl's URL ids and `links.next`, so it
cannot read an arbitrary OParl server. No other OParl client is on PyPI. The client here is
therefore the generic reading an OParl client does by the specification, over real HTTP
(the standard library's urllib) against Django's live server: from the System object to the
bodies, from each body to its lists, page by page by `links.next`, and every object by its id.
"""

import json
import urllib.request
from typing import Any

from kansli.oparl.tests.conftest import LIST_KEYS, walk
from kansli.organisation.models import Body


def _get(url: str) -> tuple[int, str, Any]:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (the live server)
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        text = response.read().decode()
        return response.status, text, json.loads(text)


def test_an_oparl_client_reads_every_list_of_both_bodies(
    live_server: Any, demo: dict[str, Body]
) -> None:
    read: dict[str, int] = {}
    objects: list[dict[str, Any]] = []
    for url, data in walk(_get, f"{live_server.url}/oparl/v1/"):
        if "data" in data:
            path = url.split("?")[0]
            read[path] = read.get(path, 0) + len(data["data"])
            objects += data["data"]

    for body in ("vanersborg", "blekinge"):
        lists = [path for path in read if f"/body/{body}/" in path]
        assert len(lists) == len(LIST_KEYS)
    persons = [row for row in objects if row["type"].endswith("/Person")]
    assert (
        len(persons)
        == Body.objects.get(slug="vanersborg")
        .persons.filter(memberships__isnull=False)
        .distinct()
        .count()
        + Body.objects.get(slug="blekinge")
        .persons.filter(memberships__isnull=False)
        .distinct()
        .count()
    )
    for row in objects[:: max(1, len(objects) // 40)]:
        status, _text, fetched = _get(row["id"])
        assert status == 200
        assert fetched["id"] == row["id"]
        assert row["id"].startswith(live_server.url)
