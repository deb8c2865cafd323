"""Governing documents current and known: past their review date, and acknowledged by every
manager in their current version."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from kansli.accounts.models import User
from kansli.followup.selectors import documents as selectors
from kansli.followup.services import documents as services
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Person
from kansli.tests.html import main

TODAY = datetime.date(2026, 11, 25)
TEXT = "1. Inledning\n\nText.\n\n2. Ansvar\n\nMer text.\n"


@pytest.fixture
def current(document: GoverningDocument) -> GoverningDocument:
    governance.version_add(
        actor=None,
        document=document,
        number="1.0",
        text=TEXT,
        valid_from=datetime.date(2019, 1, 30),
    )
    return document


def test_a_document_past_its_review_date_turns_the_line_red(
    current: GoverningDocument, body: Body
) -> None:
    assert selectors.documents_past_review_evidence(body=body, on=TODAY).ok
    governance.document_update(actor=None, document=current, review_by=datetime.date(2026, 6, 30))
    red = selectors.documents_past_review_evidence(body=body, on=TODAY)
    assert (red.ok, red.count) == (False, 1)
    assert red.url == f"/{body.slug}/uppfoljning/styrdokument/?oversyn=1"
    assert selectors.documents_past_review_evidence(body=body, on=datetime.date(2026, 6, 30)).ok


def test_the_line_is_red_until_every_manager_has_acknowledged_the_current_version(
    current: GoverningDocument, body: Body, director: Person, director_user: User
) -> None:
    red = selectors.unacknowledged_documents_evidence(body=body, on=TODAY)
    assert (red.ok, red.count) == (False, 1)
    services.document_acknowledge(actor=director_user, document=current)
    green = selectors.unacknowledged_documents_evidence(body=body, on=TODAY)
    assert (green.ok, green.count) == (True, 0)
    # A revised version must be acknowledged anew.
    governance.version_add(
        actor=None, document=current, number="2.0", text=TEXT, valid_from=datetime.date(2026, 1, 1)
    )
    assert not selectors.unacknowledged_documents_evidence(body=body, on=TODAY).ok


def test_a_manager_acknowledges_once_and_others_not_at_all(
    current: GoverningDocument, director_user: User, member_user: User
) -> None:
    services.document_acknowledge(actor=director_user, document=current)
    with pytest.raises(ValidationError, match="redan"):
        services.document_acknowledge(actor=director_user, document=current)
    with pytest.raises(PermissionDenied):
        services.document_acknowledge(actor=member_user, document=current)


def test_the_document_page_lists_who_has_and_has_not_acknowledged(
    client: Client, current: GoverningDocument, body: Body, director_user: User
) -> None:
    client.force_login(director_user)
    url = f"/{body.slug}/uppfoljning/styrdokument/{current.slug}/"
    page = client.get(url).content.decode()
    assert "Katarina Holmgren" in page
    assert "inte kvitterat" in page
    assert client.post(url).status_code == 302
    page = client.get(url).content.decode()
    assert "inte kvitterat" not in page
    assert 'method="post">' not in main(page)
    csv = client.get(url + "?format=csv").content.decode("utf-8-sig")
    assert "Katarina Holmgren" in csv
    listing = client.get(f"/{body.slug}/uppfoljning/styrdokument/?format=csv")
    assert "Kommundirektörsinstruktion" in listing.content.decode("utf-8-sig")


def test_the_demo_instruction_of_vanersborg_is_past_review(demo: dict[str, Body]) -> None:
    assert not selectors.documents_past_review_evidence(body=demo["vanersborg"], on=TODAY).ok
    assert selectors.documents_past_review_evidence(body=demo["blekinge"], on=TODAY).ok
