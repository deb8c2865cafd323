""" "Bygg dagordning" takes every case ready at the organ, whether or not the case has a route:
its preparation names the organ (by default the political organ whose case it is). Before,
a ready case without a route step was skipped, in Vänersborg and in Region Blekinge alike."""

import datetime

import pytest
from django.utils import timezone

from kansli.meetings import services
from kansli.meetings.models import AgendaItem
from kansli.meetings.tests.conftest import at
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.preparation import services as preparation
from kansli.preparation.models import Preparation
from kansli.registry import services as registry
from kansli.registry.models import Case

BODIES = {
    "vanersborg": ("Vänersborgs kommun", Body.Kind.MUNICIPALITY, "ks", "Kommunstyrelsen"),
    "blekinge": ("Region Blekinge", Body.Kind.REGION, "rs", "Regionstyrelsen"),
}


def board_of(slug: str) -> Organization:
    name, kind, board_slug, board_name = BODIES[slug]
    body = organisation.body_create(actor=None, slug=slug, name=name, kind=kind)
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug=board_slug,
        name=board_name,
    )


def ready_without_route(organization: Organization, title: str) -> Case:
    """A case of the organ prepared and set ready, with no route at all."""
    case = registry.case_open(actor=None, organization=organization, title=title)
    rapporteur = organisation.person_create(
        actor=None, body=organization.body, given_name="Rut", family_name="Föredragande"
    )
    preparation.report_save(
        actor=None,
        case=case,
        text="Tjänsteskrivelse.",
        clauses=[f"att anta {title.lower()}"],
        rapporteur=rapporteur,
    )
    preparation.status_change(actor=None, case=case, status=Preparation.Status.READY)
    return case


@pytest.mark.parametrize("slug", BODIES)
def test_a_ready_case_without_a_route_is_put_on_the_agenda(db: None, slug: str) -> None:
    board = board_of(slug)
    case = ready_without_route(board, "Riktlinje för representation")
    meeting = services.meeting_schedule(
        actor=None,
        organization=board,
        starts_at=at(timezone.localdate() + datetime.timedelta(days=13)),
    )

    items = services.agenda_build(actor=None, meeting=meeting)

    assert [item.case for item in items if item.kind == AgendaItem.Kind.CASE] == [case]
    assert case.preparation.organization == board


@pytest.mark.parametrize("slug", BODIES)
def test_a_case_without_a_route_goes_to_the_organ_its_preparation_names(
    db: None, slug: str
) -> None:
    board = board_of(slug)
    council = organisation.organization_create(
        actor=None, body=board.body, kind=Organization.Kind.COUNCIL, slug="f", name="Fullmäktige"
    )
    case = ready_without_route(board, "Budget")
    preparation.preparation_plan(actor=None, case=case, route=None, organization=council)
    day = at(timezone.localdate() + datetime.timedelta(days=13))
    board_meeting = services.meeting_schedule(actor=None, organization=board, starts_at=day)
    council_meeting = services.meeting_schedule(actor=None, organization=council, starts_at=day)

    on_board = services.agenda_build(actor=None, meeting=board_meeting)
    on_council = services.agenda_build(actor=None, meeting=council_meeting)

    assert not [item for item in on_board if item.case_id]
    assert [item.case for item in on_council if item.case_id] == [case]


def test_with_a_route_the_organ_is_the_routes_current_step(db: None) -> None:
    board = board_of("vanersborg")
    council = organisation.organization_create(
        actor=None, body=board.body, kind=Organization.Kind.COUNCIL, slug="kf", name="KF"
    )
    case = ready_without_route(board, "Taxa")
    route = preparation.route_create(
        actor=None, body=board.body, name="KS, KF", organizations=[board, council]
    )

    preparation.preparation_plan(actor=None, case=case, route=route)
    assert Preparation.objects.get(case=case).organization == board
    preparation.route_advance(actor=None, case=case)
    assert Preparation.objects.get(case=case).organization == council
