"""Fixtures of the web tests: a signed-in visitor, a small organisation and an instruction."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

INSTRUCTION_TEXT = """Kommundirektörsinstruktion

1. Inledning

Varje kommun ska ha en kommundirektör.

5. Arbetsuppgifter mot förvaltningar

5.2 Övriga nämnder och förvaltningar

Kommundirektören är chef över förvaltningscheferna.

5.2.3 Kommundirektörens ansvar

Kommundirektören ska

- leda förvaltningscheferna
- samordna <förvaltningarna>
"""


@pytest.fixture
def visitor(make_user: Callable[..., User]) -> User:
    return make_user("besokare")


@pytest.fixture
def signed_in(client: Client, visitor: User) -> Client:
    client.force_login(visitor)
    return client


@pytest.fixture
def staff(client: Client, body: Body) -> Client:
    """Signed in as a person of the body (with no role): the staff of the body."""
    person = organisation.person_create(
        actor=None, body=body, given_name="Siri", family_name="Stab"
    )
    client.force_login(user_create(actor=None, username="stab", password=None, person=person))
    return client


@pytest.fixture
def instruction(document: GoverningDocument, board: Organization) -> GoverningDocument:
    """The minimal `document` with its header's metadata, a revision and a version's text."""
    governance.document_update(
        actor=None,
        document=document,
        responsible="Chefen för kommunkontoret",
        published_on=datetime.date(2018, 1, 15),
        subject_area="Styrning och ledning",
        external=True,
        referenced_documents=["Delegeringsordning för kommunstyrelsen (KS 2017-12-20, § 246)"],
        laws=["Kommunallagen (2017:725)"],
        review_by=datetime.date(2020, 12, 31),
    )
    governance.revision_add(
        actor=None,
        document=document,
        decided_by=board,
        decided_on=datetime.date(2019, 1, 30),
        minute="§ 20",
    )
    governance.version_add(actor=None, document=document, number="1.0", text=INSTRUCTION_TEXT)
    return document
