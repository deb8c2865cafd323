"""A company's ownership share: the part of it the body owns, in percent (0 < share <= 100),
kept on the organization of kind company only; 100 is a wholly owned company, which seed 002
6.1 ("Helägda bolag") limits the director's 6.1.2 to. The engine reads it from the register."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansli.delegation.selectors import authority_check
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Position


def company(body: Body, share: object, kind: str = Organization.Kind.COMPANY) -> Organization:
    return organisation.organization_create(
        actor=None, body=body, kind=kind, slug="bolaget", name="Bolaget AB", ownership=share
    )


@pytest.mark.parametrize("share", [Decimal(0), Decimal("-5"), Decimal("100.01")])
def test_the_share_is_above_nothing_and_at_most_all(body: Body, share: Decimal) -> None:
    with pytest.raises(ValidationError) as refused:
        company(body, share)

    assert "ownership" in refused.value.message_dict


def test_only_a_company_has_a_share(body: Body) -> None:
    with pytest.raises(ValidationError) as refused:
        company(body, Decimal(100), kind=Organization.Kind.COMMITTEE)

    assert refused.value.message_dict["ownership"] == [
        "Bara ett bolag har en ägarandel; lämna fältet tomt."
    ]


def test_the_page_says_whether_the_company_is_wholly_or_partly_owned(
    signed_in: Client, body: Body
) -> None:
    partly = company(body, Decimal(25))
    wholly = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.COMPANY,
        slug="helagt",
        name="Helägt AB",
        ownership=Decimal(100),
    )

    def page(org: Organization) -> str:
        url = reverse("organisation:organization_detail", args=[body.slug, org.slug])
        return signed_in.get(url).text

    assert "Delägt bolag: huvudmannen äger 25 procent." in page(partly)
    assert "Helägt bolag: huvudmannen äger hela bolaget." in page(wholly)


def test_the_demo_records_its_companies_shares(demo: dict[str, Body]) -> None:
    shares = dict(
        Organization.objects.filter(kind=Organization.Kind.COMPANY).values_list("slug", "ownership")
    )

    assert shares["vanersborgs-bostads-ab"] == Decimal(100)
    assert shares["blekingetrafiken-ab"] == Decimal(100)
    assert shares["fyrstads-bredband-ab"] == Decimal(25)


def test_the_director_prepares_a_ceos_hiring_only_in_a_wholly_owned_company(
    demo: dict[str, Body],
) -> None:
    vanersborg = demo["vanersborg"]

    def check(slug: str):
        return authority_check(
            body=vanersborg,
            decision_type="bereda-anstallning-vd",
            on=timezone.localdate(),
            position=Position.objects.get(body=vanersborg, slug="kommundirektor"),
            concerning=Organization.objects.get(body=vanersborg, slug=slug),
        )

    assert check("vanersborgs-bostads-ab").outcome == "requirements_pending"
    partly = check("fyrstads-bredband-ab")
    assert partly.outcome == "denied"
    assert partly.reasons == (
        "Regeln gäller bara helägda bolag, men Fyrstads Bredband AB ägs till 25 procent "
        "(Kommundirektörsinstruktion 6.1.2); ingen regel täcker beslutet för bolaget.",
    )
