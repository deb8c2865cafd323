"""Every OParl object type that Kansli serves holds the properties OParl 1.1 requires, with
their types, on both demo bodies; the embedded objects clients expect are there; votes and
dissents appear as Popolo-shaped vendor properties once the minutes are approved."""

import json
from typing import Any

import jsonschema_rs
import pytest
from django.test import Client

from kansli.oparl.tests.conftest import DISSENT_REASONS, OParlWorld, Walk, walk
from kansli.oparl.tests.schema import BY_TYPE, LIST

pytestmark = pytest.mark.django_db

TYPES = {
    "System",
    "Body",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "LegislativeTerm",
    "Location",
}


def _getter(client: Client) -> Any:
    def get(url: str) -> tuple[int, str, Any]:
        response = client.get(url)
        text = response.content.decode()
        return response.status_code, text, json.loads(text)

    return get


def read_all(client: Client) -> Walk:
    seen = Walk()
    for _url, data in walk(_getter(client), "/oparl/v1/"):
        seen.texts.append(json.dumps(data, ensure_ascii=False))
        if "data" in data:
            jsonschema_rs.validate(LIST, data)
        seen.add(data)
    return seen


def _valid(data: dict[str, Any]) -> None:
    errors = [str(error) for error in jsonschema_rs.iter_errors(BY_TYPE[data["type"]], data)]
    assert not errors, (data["id"], errors)


def test_every_object_type_holds_its_required_properties_on_both_bodies(
    client: Client, world: OParlWorld
) -> None:
    """One walk of the whole API (the planted world is costly to build): every object of
    every list valid, each type fetched by its id the same, the embedded objects there, and
    an approved vote and dissent as Popolo-shaped vendor properties."""
    seen = read_all(client)

    assert set(seen.objects) == TYPES
    for rows in seen.objects.values():
        for row in rows:
            _valid(row)
    assert {row["shortName"] for row in seen.objects["Body"]} == {"vanersborg", "blekinge"}
    for body in ("vanersborg", "blekinge"):
        for kind in ("Organization", "Person", "Paper"):
            assert any(row["body"].endswith(f"/body/{body}/") for row in seen.objects[kind])
        assert any(f"/body/{body}/" in row["body"] for row in seen.objects["LegislativeTerm"])

    for rows in seen.objects.values():
        fetched = client.get(rows[0]["id"])
        assert fetched.status_code == 200, rows[0]["id"]
        _valid(fetched.json())
        assert fetched.json()["id"] == rows[0]["id"]

    meeting = client.get(f"/oparl/v1/meeting/{world.called.pk}/").json()
    paper = next(row for row in seen.objects["Paper"] if row["name"] == "Ny simhall")
    person = next(row for row in seen.objects["Person"] if row.get("membership"))
    assert meeting["agendaItem"][-1]["name"] == "Ny simhall"
    assert meeting["location"]["description"] == "Sessionssalen"
    assert paper["consultation"][0]["meeting"] == meeting["id"]
    assert [file["fileName"] for file in paper["auxiliaryFile"]] == ["forstudie.pdf"]
    assert person["membership"][0]["type"].endswith("/Membership")

    item = client.get(f"/oparl/v1/agenda-item/{world.voted.pk}/").json()
    (event,) = item["kansli:voteEvent"]
    counts = {row["option"]: row["value"] for row in event["counts"]}
    assert counts["yes"] > counts["no"] > 0
    assert event["result"] == "yes"
    assert len(event["votes"]) == counts["yes"] + counts["no"] + counts["abstain"]
    (dissent,) = item["kansli:dissent"]
    assert dissent["reasons"] == DISSENT_REASONS
    assert client.get(dissent["person"]).status_code == 200
