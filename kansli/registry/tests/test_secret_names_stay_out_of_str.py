"""A secret case's title and a masked description never go through str(): the admin's lists
of related rows and form choices know no user, so they name such a row by its number and the
mask (issue 11: the administrator read both on the delete page of their case officer)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.organisation import services as organisation
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.tests.refusals import Demo

MASK = "[Sekretess enligt OSL 26 kap. 1 §]"


@pytest.fixture
def secret_case(demo: Demo) -> Case:
    board = demo["vanersborg"].organizations.get(slug="ks")
    officer = organisation.person_create(
        actor=None, body=demo["vanersborg"], given_name="Alva", family_name="Arendesson"
    )
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Placering av barnet TITEL5501",
        case_officer=officer,
        secrecy_reference="OSL 26 kap. 1 §",
    )
    registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 11, 2),
        description="Läkarintyg BESKRIVNING5502",
        counterpart="Vårdcentralen Norr",
        secrecy_reference="OSL 26 kap. 1 §",
        description_masked=True,
    )
    return case


def test_a_secret_case_and_a_masked_document_name_themselves_by_number(secret_case: Case) -> None:
    document = secret_case.documents.get()

    assert str(secret_case) == f"{secret_case.number} {MASK}"
    assert str(document) == f"{document.number} {MASK}"


def test_the_admins_delete_page_of_the_case_officer_lists_them_masked(secret_case: Case) -> None:
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    url = reverse("admin:organisation_person_delete", args=[secret_case.case_officer_id])

    page = client.get(url).content.decode()

    assert "TITEL5501" not in page
    assert "BESKRIVNING5502" not in page
    assert secret_case.number in page
