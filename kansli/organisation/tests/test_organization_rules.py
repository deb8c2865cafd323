import pytest
from django.core.exceptions import ValidationError

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


def test_parent_of_another_body_is_refused(board: Organization) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )

    with pytest.raises(ValidationError) as error:
        organisation.organization_create(
            actor=None, body=region, kind="subcommittee", slug="au", name="AU", parent=board
        )

    assert error.value.messages == ["Den överordnade organisationen tillhör en annan huvudman."]

