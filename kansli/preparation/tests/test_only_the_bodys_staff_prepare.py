"""Staff of another body may not prepare the case, nor name a rapporteur from elsewhere."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body
from kansli.preparation import services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case


@pytest.fixture
def other_body(db: None) -> Body:
    return organisation.body_create(
        actor=None, slug="trollhattan", name="Trollhättans stad", kind=Body.Kind.MUNICIPALITY
    )


def test_staff_of_another_body_are_refused(case: Case, other_body: Body) -> None:
    person = organisation.person_create(
        actor=None, body=other_body, given_name="Olle", family_name="Utomstående"
    )
    outsider = user_create(
        actor=None, username="olle", password=None, roles=[Role.CASE_OFFICER], person=person
    )

    with pytest.raises(PermissionDenied):
        services.report_save(actor=outsider, case=case, text="Text", clauses=["att göra"])

    assert not Preparation.objects.exists()


def test_a_rapporteur_of_another_body_is_refused(
    case: Case, officer: User, other_body: Body
) -> None:
    stranger = organisation.person_create(
        actor=None, body=other_body, given_name="Sven", family_name="Främling"
    )

    with pytest.raises(ValidationError, match="annan kommun"):
        services.report_save(
            actor=officer, case=case, text="Text", clauses=["att göra"], rapporteur=stranger
        )
