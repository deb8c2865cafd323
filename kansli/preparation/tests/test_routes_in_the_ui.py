"""Routes are set up in the interface, not only in /admin/: the body's registrars and secretaries
list, create and change a route and its organs in order; anyone else is refused and sees none."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.preparation import services
from kansli.preparation.models import Route
from kansli.registry.models import Case

ROUTES = reverse("preparation:route_list", args=["vanersborg"])


def signed_in(body: Body, username: str, role: Role) -> Client:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.title(), family_name="Test"
    )
    client = Client()
    client.force_login(
        user_create(actor=None, username=username, password=None, roles=[role], person=person)
    )
    return client


def organs(route: Route) -> list[str]:
    return [step.organization.short_name for step in route.steps.order_by("position")]


def test_the_secretary_creates_a_route_with_its_organs_in_order(
    body: Body, board: Organization, subcommittee: Organization, council: Organization
) -> None:
    client = signed_in(body, "sekreterare", Role.SECRETARY)
    form = {
        "namn": "Till fullmäktige",
        "grund": "Kommundirektörsinstruktion 4.1.1",
        "organ_1": subcommittee.pk,
        "organ_2": board.pk,
        "organ_4": council.pk,
    }

    response = client.post(ROUTES, form)
    page = client.get(ROUTES).content.decode()

    route = Route.objects.get()
    assert response.status_code == 302
    assert (route.name, route.source) == ("Till fullmäktige", "Kommundirektörsinstruktion 4.1.1")
    assert organs(route) == ["AU", "KS", "KF"]
    assert "AU → KS → KF" in page


def test_the_registrar_changes_the_order_and_adds_an_organ(
    body: Body, board: Organization, subcommittee: Organization, council: Organization
) -> None:
    route = services.route_create(
        actor=None, body=body, name="AU, KS", organizations=[subcommittee, board]
    )
    client = signed_in(body, "registrator", Role.REGISTRAR)
    url = reverse("preparation:route_edit", args=["vanersborg", route.pk])

    shown = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "namn": "KS, AU, KF",
            "organ_1": board.pk,
            "organ_2": subcommittee.pk,
            "organ_3": council.pk,
        },
    )

    route.refresh_from_db()
    assert f'<option value="{subcommittee.pk}" selected>' in shown
    assert response.status_code == 302
    assert route.name == "KS, AU, KF"
    assert organs(route) == ["KS", "AU", "KF"]


def test_an_organ_cases_have_passed_is_not_taken_out(
    body: Body, board: Organization, subcommittee: Organization, case: Case, officer: User
) -> None:
    route = services.route_create(
        actor=None, body=body, name="AU, KS", organizations=[subcommittee, board]
    )
    services.preparation_plan(actor=officer, case=case, route=route)

    with pytest.raises(ValidationError, match="Arbetsutskottet kan inte tas bort"):
        services.route_update(actor=None, route=route, name="KS", organizations=[board])

    assert organs(route) == ["AU", "KS"]


def test_an_organ_is_in_a_route_once(
    body: Body, board: Organization, subcommittee: Organization
) -> None:
    client = signed_in(body, "sekreterare", Role.SECRETARY)

    response = client.post(ROUTES, {"namn": "Dubbel", "organ_1": board.pk, "organ_2": board.pk})

    assert response.status_code == 400
    assert "Ett organ kan bara finnas en gång i ärendegången." in response.content.decode()
    assert not Route.objects.exists()


@pytest.mark.parametrize("role", [Role.CASE_OFFICER, Role.ELECTED_MEMBER])
def test_staff_without_the_registry_role_are_refused(
    body: Body, board: Organization, role: Role
) -> None:
    route = services.route_create(actor=None, body=body, name="Hemlig väg", organizations=[board])
    client = signed_in(body, "annan", role)
    url = reverse("preparation:route_edit", args=["vanersborg", route.pk])

    for response in (client.get(ROUTES), client.get(url), client.post(url, {"namn": "X"})):
        assert response.status_code == 403
        assert "Hemlig väg" not in response.content.decode()
    assert client.post(ROUTES, {"namn": "Ny", "organ_1": board.pk}).status_code == 403
    route.refresh_from_db()
    assert route.name == "Hemlig väg"
    assert Route.objects.count() == 1


def test_another_bodys_secretary_and_the_public_are_refused(
    body: Body, board: Organization
) -> None:
    route = services.route_create(actor=None, body=body, name="Hemlig väg", organizations=[board])
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = signed_in(other, "olle", Role.SECRETARY)
    url = reverse("preparation:route_edit", args=["vanersborg", route.pk])

    assert stranger.get(ROUTES).status_code == 403
    assert stranger.get(url).status_code == 403
    assert "Hemlig väg" not in stranger.get(ROUTES).content.decode()
    assert Client().get(ROUTES).status_code == 302
    assert (
        stranger.get(reverse("preparation:route_edit", args=["blekinge", route.pk])).status_code
        == 404
    )
