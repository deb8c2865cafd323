"""The preparation names the organ that deals with the case next: the route's current step, or
for a case without a route the organ named in the plan, by default the case's own political
organ. The report form offers it."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization
from kansli.preparation import services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case


def test_a_case_without_a_route_goes_to_its_own_organ(case: Case, officer: User) -> None:
    services.report_save(actor=officer, case=case, text="Bakgrund.", clauses=["att anta"])

    assert Preparation.objects.get(case=case).organization == case.organization


def test_the_plan_names_another_organ_for_a_case_without_a_route(
    case: Case, officer: User, council: Organization
) -> None:
    services.preparation_plan(actor=officer, case=case, route=None, organization=council)

    assert Preparation.objects.get(case=case).organization == council


def test_a_case_with_a_route_goes_by_its_route_not_by_a_named_organ(
    body: Body, case: Case, officer: User, board: Organization, council: Organization
) -> None:
    route = services.route_create(actor=None, body=body, name="KS", organizations=[board])

    with pytest.raises(ValidationError, match="ärendegångens organ"):
        services.preparation_plan(actor=officer, case=case, route=route, organization=council)


def test_an_administration_deals_with_no_case(
    case: Case, officer: User, department: Organization
) -> None:
    with pytest.raises(ValidationError, match="Bara politiska organ"):
        services.preparation_plan(actor=officer, case=case, route=None, organization=department)


def test_the_report_form_names_the_organ(case: Case, officer: User, council: Organization) -> None:
    client = Client()
    client.force_login(officer)
    url = reverse("preparation:report_edit", args=["vanersborg", case.pk])

    response = client.post(
        url,
        {"tjansteskrivelse": "Bakgrund.", "att_satser": "att anta", "behandlas_av": council.pk},
    )
    page = client.get(reverse("preparation:case_detail", args=["vanersborg", case.pk]))

    assert response.status_code == 302
    assert Preparation.objects.get(case=case).organization == council
    assert "Kommunfullmäktige" in page.content.decode()
