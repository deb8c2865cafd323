"""An organ's number of seats (ledamöter) is the number decided, vacant seats included: the
quorum is counted on it. It is kept on the organization, at least one, and its page shows it."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


def test_the_page_shows_the_decided_number_of_seats(signed_in: Client, body: Body) -> None:
    committee = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.COMMITTEE,
        slug="socialnamnden",
        name="Socialnämnden",
        seats=11,
    )

    page = signed_in.get(
        reverse("organisation:organization_detail", args=[body.slug, committee.slug])
    )

    assert "11 ledamöter enligt beslut, vakanta platser medräknade" in page.text


def test_an_organ_without_seats_says_nothing_of_them(
    signed_in: Client, board: Organization
) -> None:
    page = signed_in.get(
        reverse("organisation:organization_detail", args=[board.body.slug, board.slug])
    )

    assert "enligt beslut" not in page.text


def test_the_number_of_seats_is_at_least_one(body: Body) -> None:
    with pytest.raises(ValidationError):
        organisation.organization_create(
            actor=None,
            body=body,
            kind=Organization.Kind.COMMITTEE,
            slug="tom",
            name="Tom nämnd",
            seats=0,
        )
