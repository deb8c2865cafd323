"""Secrecy holds on every path (issue 11): as each persona, every page of the URL conf and
every API read of the OpenAPI description, with the ids of a planted world (`crawl.plant`),
and every e-mail sent; each secret field's marker appears only to those entitled to it.

ENTITLED is the rule of docs/security.md ("What is secret to whom") as a table: a marker, the
personas who may read it, and where (anywhere, or only on the routes named). Everyone else,
and every e-mail (the kallelse that leaves the system is the public version), must not.
"""

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from kansli.organisation.models import Body
from kansli.tests.crawl import (
    NOT_FETCHED,
    Fetched,
    Marker,
    Persona,
    World,
    api_operations,
    crawl,
    outbox,
    pages,
    plant,
)

pytestmark = pytest.mark.slow

ANYWHERE = None
MEMBERS_PACKET = frozenset({"meetings:meeting_document"})

# The case officer and the registrar see through the secrecy of their body's cases and
# documents; the organ's members read the members' packet whole.
SEE_THROUGH = {Persona.OFFICER: ANYWHERE, Persona.REGISTRAR: ANYWHERE}
IN_PACKET = SEE_THROUGH | {Persona.LEDAMOT: MEMBERS_PACKET}

ENTITLED: dict[Marker, dict[Persona, frozenset[str] | None]] = {
    Marker.CASE_TITLE: IN_PACKET,
    Marker.REPORT: IN_PACKET,
    Marker.CLAUSE: IN_PACKET,
    Marker.ECONOMY: IN_PACKET,
    Marker.FINANCING: IN_PACKET,
    Marker.STATEMENT: IN_PACKET,
    Marker.DESCRIPTION: IN_PACKET,
    Marker.SENDER: SEE_THROUGH,
    Marker.FILE: IN_PACKET,
    # A masked item's jäv ground is masked as the item is.
    Marker.SECRET_ITEM_JAV: SEE_THROUGH,
    # Before the minutes are approved, the secretary alone reads votes, jäv and reservations.
    Marker.PENDING_JAV: {Persona.SECRETARY: ANYWHERE},
    Marker.PENDING_DISSENT: {Persona.SECRETARY: ANYWHERE},
    # A delegated decision in a secret case is masked as the case's own decision is; the
    # organ it is reported to reads it in the members' packet.
    Marker.DELEGATION: IN_PACKET,
    # Another body's secrets: its registrar only.
    Marker.BLEKINGE_TITLE: {Persona.OTHER_BODY: ANYWHERE},
    Marker.BLEKINGE_REPORT: {Persona.OTHER_BODY: ANYWHERE},
}


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(demo: dict[str, Body]) -> World:
    return plant(demo)


def entitled(marker: Marker, persona: Persona | None, route: str) -> bool:
    if persona is None:  # an e-mail
        return False
    rule = ENTITLED[marker]
    if persona not in rule:
        return False
    return rule[persona] is ANYWHERE or route in rule[persona]


def leaks(persona: Persona | None, fetched: list[Fetched]) -> list[str]:
    return [
        f"{persona or 'e-post'}: {marker.name} at {entry.url} ({entry.route}, {entry.status})"
        for entry in fetched
        for marker in Marker
        if marker in entry.text and not entitled(marker, persona, entry.route)
    ]


def test_every_secret_reaches_only_those_entitled_on_every_path(world: World) -> None:
    found, unseen, routes = [], [], set()
    reads, _writes = api_operations(Client())
    for persona in Persona:
        fetched, fetched_routes = crawl(persona, world, reads)
        routes |= fetched_routes
        found += leaks(persona, fetched)
        seen = {marker for entry in fetched for marker in Marker if marker in entry.text}
        unseen += [
            f"{persona}: {marker.name}"
            for marker, rule in ENTITLED.items()
            if rule.get(persona, False) is ANYWHERE and marker not in seen
        ]
    mails = outbox()
    found += leaks(None, mails)

    assert not found, "Secrets reached those not entitled:\n" + "\n".join(found)
    assert mails, "no notice was e-mailed"
    assert not unseen, "The entitled never saw (the crawl missed a path):\n" + "\n".join(unseen)
    missed = {route.name for route in [*pages(), *reads]} - routes - NOT_FETCHED.keys()
    assert not missed, f"Routes not crawled: {sorted(missed)}"


def test_every_page_and_api_read_answers_head_as_it_answers_get(world: World) -> None:
    """HEAD wherever GET (RFC 9110 9.3.2): a proxy's or a monitor's HEAD gets the status a GET
    gets, never 405, and no body."""
    reads, _writes = api_operations(Client())
    got, _routes = crawl(Persona.SECRETARY, world, reads)
    headed, _routes = crawl(Persona.SECRETARY, world, reads, method="head")
    # The admin's pages of the latest event differ between the two: the crawl's reads log some.
    statuses = {entry.url: entry.status for entry in got}
    both = [entry for entry in headed if entry.url in statuses]
    differ = [
        f"{entry.route} {entry.url}: GET {statuses[entry.url]}, HEAD {entry.status}"
        for entry in both
        if entry.status != statuses[entry.url]
    ]
    assert len(both) > 0.95 * len(got) > 100
    assert not differ, "HEAD is answered otherwise than GET:\n" + "\n".join(differ)
    assert not [entry.url for entry in headed if entry.text.strip()]
