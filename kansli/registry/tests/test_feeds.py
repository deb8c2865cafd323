"""The postlista as RSS and Atom: the documents registered in the last 30 days, read as the
anonymous public whoever fetches the feed, so a secret document's masked sender and
description, and a private person's name, never reach a feed reader."""

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.registry import services
from kansli.registry.models import Case, Document

ATOM = "{http://www.w3.org/2005/Atom}"
SECRET_MARKERS = ("Förälder Föräldersson", "kränkande behandling")


@pytest.fixture
def letters(case: Case, secret_letter: Document) -> list[Document]:
    """The secret letter, a public reply and a letter from a private person."""
    reply = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.OUTGOING,
        date=secret_letter.date,
        counterpart="Skolinspektionen",
        description="Yttrande till Skolinspektionen",
    )
    private = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=secret_letter.date,
        counterpart="Privata Personsson",
        counterpart_is_private_person=True,
        description="Synpunkt på skolskjutsen",
    )
    return [secret_letter, reply, private]


def parse(feed: str) -> ET.Element:
    return ET.fromstring(feed)  # noqa: S314 (our own feed)


def fetch(name: str, client: Client | None = None) -> str:
    response = (client or Client()).get(reverse(name, args=["vanersborg"]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_rss_feed_lists_the_postlista_as_the_public_reads_it(letters: list[Document]) -> None:
    rss = fetch("registry:registry_rss")

    channel = parse(rss).find("channel")
    assert channel is not None
    titles = [item.findtext("title") or "" for item in channel.findall("item")]
    assert len(titles) == 3
    assert any("Yttrande till Skolinspektionen" in title for title in titles)
    assert "Synpunkt på skolskjutsen" in rss
    assert "Privata Personsson" not in rss
    assert "[Privatperson]" in rss
    for marker in SECRET_MARKERS:
        assert marker not in rss


def test_the_atom_feed_has_an_entry_for_each_document_masked_alike(
    letters: list[Document],
) -> None:
    atom = fetch("registry:registry_atom")

    root = parse(atom)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == 3
    for marker in (*SECRET_MARKERS, "Privata Personsson"):
        assert marker not in atom


def test_staff_who_see_through_secrecy_still_get_the_public_feed(
    letters: list[Document], staff: Callable[..., User]
) -> None:
    client = Client()
    client.force_login(staff("rut", Role.REGISTRAR))

    rss = fetch("registry:registry_rss", client)

    for marker in (*SECRET_MARKERS, "Privata Personsson"):
        assert marker not in rss
