"""A case follows its body's route, organ by organ, and each move is in its history."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.preparation import selectors, services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case


def test_the_case_goes_from_au_to_ks_to_kf(
    body: Body,
    board: Organization,
    subcommittee: Organization,
    council: Organization,
    case: Case,
    officer: User,
) -> None:
    route = services.route_create(
        actor=None,
        body=body,
        name="Ärende till fullmäktige",
        organizations=[subcommittee, board, council],
    )

    services.preparation_plan(actor=officer, case=case, route=route)
    services.route_advance(actor=officer, case=case, note="AU § 12")
    services.route_advance(actor=officer, case=case)

    preparation = Preparation.objects.get(case=case)
    assert preparation.step.organization == council
    moves = [
        (c.from_step and c.from_step.organization.short_name, c.to_step.organization.short_name)
        for c in selectors.status_history(case=case)
        if c.to_step
    ]
    assert moves == [(None, "AU"), ("AU", "KS"), ("KS", "KF")]
    with pytest.raises(ValidationError, match="gått igenom alla organ"):
        services.route_advance(actor=officer, case=case)


def test_a_route_goes_through_the_bodys_own_organs(
    body: Body, board: Organization, outsider_organ: Organization
) -> None:
    with pytest.raises(ValidationError):
        services.route_create(
            actor=None, body=body, name="Fel", organizations=[board, outsider_organ]
        )


@pytest.fixture
def outsider_organ(db: None) -> Organization:
    other = organisation.body_create(
        actor=None, slug="trollhattan", name="Trollhättans stad", kind=Body.Kind.MUNICIPALITY
    )
    return organisation.organization_create(
        actor=None, body=other, kind=Organization.Kind.COUNCIL, slug="kf", name="Fullmäktige"
    )
