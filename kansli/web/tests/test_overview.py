import datetime

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Body


def test_the_overview_counts_the_bodys_organizations_persons_and_documents(
    staff: Client, instruction: GoverningDocument
) -> None:
    organisation.person_create(actor=None, body=instruction.body, given_name="A", family_name="B")

    response = staff.get("/")

    text = response.text
    assert "<h2>Vänersborgs kommun</h2>" in text
    assert "<dt>Organisationer</dt><dd>2</dd>" in text
    assert "<dt>Personer</dt><dd>2</dd>" in text
    assert "<dt>Styrdokument</dt><dd>1</dd>" in text


def test_the_overview_shows_how_many_documents_are_past_review(
    staff: Client, instruction: GoverningDocument
) -> None:
    governance.document_update(
        actor=None, document=instruction, review_by=timezone.localdate() - datetime.timedelta(1)
    )

    response = staff.get("/")

    assert "<dt>Passerat översynsdatum</dt><dd>1</dd>" in response.text
    assert 'href="/vanersborg/styrdokument/?passerat=on"' in response.text


def test_the_overview_and_the_navigation_show_the_users_own_body_only(staff: Client) -> None:
    organisation.body_create(actor=None, slug="blekinge", name="Region Blekinge", kind="region")

    response = staff.get("/")

    assert "<h2>Vänersborgs kommun</h2>" in response.text
    assert 'href="/vanersborg/organisation/"' in response.text
    assert "Region Blekinge" not in response.text
    assert 'href="/blekinge/' not in response.text


def test_an_operator_sees_every_body_with_links_to_its_areas(client: Client, body: Body) -> None:
    organisation.body_create(actor=None, slug="blekinge", name="Region Blekinge", kind="region")
    client.force_login(User.objects.create_superuser("drift", password="lösenord-för-test"))

    response = client.get("/")

    assert "<h2>Vänersborgs kommun</h2>" in response.text
    assert "<h2>Region Blekinge</h2>" in response.text
    assert 'href="/blekinge/organisation/"' in response.text
    assert 'href="/blekinge/styrdokument/"' in response.text


def test_the_navigation_marks_the_current_area(staff: Client) -> None:
    response = staff.get("/vanersborg/styrdokument/")

    assert 'href="/vanersborg/styrdokument/" aria-current="page"' in response.text
    assert 'href="/vanersborg/organisation/">' in response.text


def test_an_account_of_no_person_is_told_to_ask_the_administrator(
    signed_in: Client, body: Body
) -> None:
    response = signed_in.get("/")

    assert "Vänersborgs kommun" not in response.text
    assert "Be administratören koppla kontot till dig." in response.text
