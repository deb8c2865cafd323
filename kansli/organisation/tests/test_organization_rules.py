import pytest
from django.core.exceptions import ValidationError
from django.test import Client

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


def test_placing_an_organization_under_its_own_child_in_the_admin_is_a_form_error(
    admin_client: Client, body: Body, board: Organization
) -> None:
    subcommittee = organisation.organization_create(
        actor=None, body=body, kind="subcommittee", slug="au", name="Arbetsutskottet", parent=board
    )

    response = admin_client.post(
        f"/admin/organisation/organization/{board.pk}/change/",
        {
            "body": body.pk,
            "parent": subcommittee.pk,
            "kind": board.kind,
            "slug": board.slug,
            "name": board.name,
            "position": board.position,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "En organisation kan inte ligga under sig själv." in response.text
    board.refresh_from_db()
    assert board.parent is None
