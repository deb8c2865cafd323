"""Fixtures of the web tests: a signed-in visitor, a small organisation and an instruction."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
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
def department(body: Body, board: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.DEPARTMENT,
        slug="ksf",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )


@pytest.fixture
def instruction(body: Body, board: Organization, department: Organization) -> GoverningDocument:
    document = governance.document_create(
        actor=None,
        body=body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=department,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
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
