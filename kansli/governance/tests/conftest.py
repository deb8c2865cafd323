import pytest

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


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
