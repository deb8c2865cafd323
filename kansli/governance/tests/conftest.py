import datetime

import pytest

from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


@pytest.fixture
def department(body: Body, board: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.DEPARTMENT,
        slug="kommunstyrelseforvaltningen",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )


@pytest.fixture
def document(body: Body, board: Organization, department: Organization) -> GoverningDocument:
    return governance.document_create(
        actor=None,
        body=body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=department,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
    )


@pytest.fixture
def other_body() -> Body:
    return organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )


@pytest.fixture
def other_board(other_body: Body) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=other_body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="regionstyrelsen",
        name="Regionstyrelsen",
    )
