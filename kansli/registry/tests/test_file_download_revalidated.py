"""A registered file never changes: its download carries its SHA-256 as ETag, answers 304 to
a browser that holds it, is kept by the reader's browser alone, and is still refused to whom
the registry's visibility hides it."""

import datetime
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload

MARKER = "DIARIEFIL5521"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(document: Document) -> str:
    return reverse("registry:file_download", args=["vanersborg", document.files.get().pk])


def test_a_file_is_revalidated_by_its_hash_and_kept_private(
    case: Case, staff: Callable[..., User]
) -> None:
    letter = registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 1, 15),
        description="Skrivelse",
        files=[upload("skrivelse.pdf", pdf_bytes(MARKER))],
    )
    client = signed_in(staff("siri"))

    first = client.get(url(letter))
    again = client.get(url(letter), headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200
    assert first["ETag"] == f'"{letter.files.get().sha256}"'
    assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"]
    assert MARKER.encode() in b"".join(first.streaming_content)
    assert again.status_code == 304
    assert again.content == b""


def test_a_secret_file_is_not_found_for_whom_it_is_hidden_even_with_its_etag(
    secret_letter: Document, staff: Callable[..., User], other_registrar: User
) -> None:
    etag = {"if-none-match": f'"{secret_letter.files.get().sha256}"'}

    responses = [
        signed_in(staff("siri")).get(url(secret_letter), headers=etag),
        signed_in(other_registrar).get(url(secret_letter), headers=etag),
        Client().get(url(secret_letter), headers=etag),
    ]

    assert [response.status_code for response in responses] == [404, 404, 302]
    assert not any("ETag" in response for response in responses)
