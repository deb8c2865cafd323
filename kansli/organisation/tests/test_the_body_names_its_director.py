"""The director (KL 7 kap. 1 §) is the post the body names, one per body."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person, Position
from kansli.organisation.selectors import director_of, director_position

START = datetime.date(2024, 1, 1)


def post(body: Body, board: Organization, slug: str, *, director: bool) -> Position:
    return organisation.position_create(
        actor=None,
        body=body,
        organization=board,
        slug=slug,
        title=slug,
        heads_organization=False,
        is_director=director,
    )


def test_a_body_without_a_named_director_has_none(body: Body, board: Organization) -> None:
    post(body, board, "forvaltningschef", director=False)

    assert director_position(body=body) is None
    assert director_of(body=body, on=START) is None


def test_the_director_is_the_holder_of_the_named_post_on_the_date(
    body: Body, board: Organization
) -> None:
    director = post(body, board, "kommundirektor", director=True)
    anna, bo = (
        organisation.person_create(actor=None, body=body, given_name=name, family_name="D")
        for name in ("Anna", "Bo")
    )
    organisation.appointment_create(
        actor=None, person=anna, position=director, start=START, end=datetime.date(2024, 6, 30)
    )
    organisation.appointment_create(
        actor=None, person=bo, position=director, start=datetime.date(2024, 7, 1)
    )

    assert director_of(body=body, on=datetime.date(2024, 3, 1)) == anna
    assert director_of(body=body, on=datetime.date(2025, 3, 1)) == bo
    assert director_of(body=body, on=datetime.date(2023, 3, 1)) is None
    assert isinstance(director_of(body=body, on=START), Person)


def test_a_body_has_one_director_post(body: Body, board: Organization) -> None:
    post(body, board, "kommundirektor", director=True)

    with pytest.raises(ValidationError, match="Huvudmannen har redan en direktörsbefattning"):
        post(body, board, "regiondirektor", director=True)
