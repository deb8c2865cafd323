"""The plan and the agenda: standard items, ready cases, the delegated decisions to report,
the director as rapporteur in the board, and who may write a meeting at all."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.accounts.models import Role, User
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import (
    DAY,
    Board,
    at,
    delegated_decision,
    person,
    ready_case,
)
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

K = AgendaItem.Kind


def test_agenda_has_the_standard_items_the_ready_cases_and_the_delegated_decisions(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    case = ready_case(ks.organization, "Riktlinje för representation", route=[ks.organization])
    decision = delegated_decision(ks, "Ny enhetsindelning", DAY - datetime.timedelta(days=30))

    items = services.agenda_build(actor=secretary, meeting=meeting)

    assert [item.kind for item in items] == [
        K.OPENING,
        K.MINUTES_CHECKER,
        K.AGENDA_APPROVAL,
        K.CASE,
        K.DELEGATED_DECISIONS,
        K.COMMUNICATIONS,
        K.ASSIGNMENT_REPORTS,
    ]
    assert [item.position for item in items] == [1, 2, 3, 4, 5, 6, 7]
    assert items[3].case == case
    assert items[3].proposal == "att anta riktlinje för representation"
    assert list(items[4].reported_decisions.all()) == [decision]


def test_building_again_adds_only_the_case_that_became_ready(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    first = ready_case(ks.organization, "Första ärendet", route=[ks.organization])
    services.agenda_build(actor=secretary, meeting=meeting)
    second = ready_case(ks.organization, "Andra ärendet", route=[ks.organization])

    items = services.agenda_build(actor=secretary, meeting=meeting)

    assert [item.case for item in items if item.kind == K.CASE] == [first, second]
    assert len(items) == 8
    assert items[-1].kind == K.ASSIGNMENT_REPORTS


def test_a_case_ready_for_another_organ_stays_off_the_agenda(
    secretary: User, meeting: Meeting, ks: Board, body: Body
) -> None:
    council = organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COUNCIL, slug="kf", name="Kommunfullmäktige"
    )
    ready_case(ks.organization, "För fullmäktige", route=[council])

    items = services.agenda_build(actor=secretary, meeting=meeting)

    assert not [item for item in items if item.kind == K.CASE]


def test_a_case_on_one_meetings_agenda_is_not_put_on_the_next(
    secretary: User, schedule: Callable[..., Meeting], ks: Board
) -> None:
    ready_case(ks.organization, "Ett ärende", route=[ks.organization])
    services.agenda_build(actor=secretary, meeting=schedule())

    later = services.agenda_build(actor=secretary, meeting=schedule(DAY + datetime.timedelta(7)))

    assert not [item for item in later if item.kind == K.CASE]


def test_the_director_presents_the_board_cases_by_default(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    ready_case(ks.organization, "Ett ärende", route=[ks.organization])

    items = services.agenda_build(actor=secretary, meeting=meeting)

    case_item = next(item for item in items if item.kind == K.CASE)
    assert case_item.rapporteur == ks.director
    assert next(item for item in items if item.kind == K.OPENING).rapporteur is None


def test_the_director_hands_the_presentation_to_an_officer(
    secretary: User, meeting: Meeting, ks: Board, body: Body
) -> None:
    item = services.item_add(actor=secretary, meeting=meeting, title="Budgetuppföljning")
    officer = person(body, "Olle", "Ekonom")

    item = services.rapporteur_set(
        actor=secretary, item=item, rapporteur=officer, named_by=ks.director
    )

    assert (item.rapporteur, item.rapporteur_named_by) == (officer, ks.director)


def test_in_the_board_only_the_director_names_another_rapporteur(
    secretary: User, meeting: Meeting, ks: Board, body: Body
) -> None:
    item = services.item_add(actor=secretary, meeting=meeting, title="Budgetuppföljning")
    officer = person(body, "Olle", "Ekonom")

    with pytest.raises(ValidationError, match=r"4\.1\.2"):
        services.rapporteur_set(actor=secretary, item=item, rapporteur=officer)
    with pytest.raises(ValidationError, match=r"4\.1\.2"):
        services.rapporteur_set(actor=secretary, item=item, rapporteur=officer, named_by=ks.chair)


def test_items_move_and_the_others_close_up(secretary: User, meeting: Meeting) -> None:
    items = services.agenda_build(actor=secretary, meeting=meeting)
    last = items[-1]

    services.item_move(actor=secretary, item=last, position=1)

    titles = [item.kind for item in meeting.items.order_by("position")]
    assert titles[0] == K.ASSIGNMENT_REPORTS
    assert titles[1:] == [item.kind for item in items[:-1]]


def test_only_political_organs_meet(secretary: User, department: Organization) -> None:
    with pytest.raises(ValidationError, match="politiska organ"):
        services.meeting_schedule(
            actor=secretary, organization=department, starts_at=at(DAY), place="Rum 1"
        )


def test_the_plan_lists_the_years_meetings(schedule: Callable[..., Meeting], ks: Board) -> None:
    december = schedule()
    january = schedule(datetime.date(2027, 1, 12))

    assert list(selectors.meeting_plan(organization=ks.organization, year=2026)) == [december]
    assert list(selectors.meeting_plan(organization=ks.organization, year=2027)) == [january]


def test_a_user_without_the_secretary_role_may_not_plan(
    make_user: Callable[..., User], ks: Board
) -> None:
    officer = make_user("olle", Role.CASE_OFFICER)
    officer.person = ks.bo
    officer.save()

    with pytest.raises(PermissionDenied):
        services.meeting_schedule(actor=officer, organization=ks.organization, starts_at=at(DAY))


def test_a_secretary_of_another_body_may_not_touch_the_meeting(
    make_user: Callable[..., User], meeting: Meeting
) -> None:
    other = organisation.body_create(
        actor=None, slug="trollhattan", name="Trollhättans stad", kind=Body.Kind.MUNICIPALITY
    )
    stranger = make_user("sara", Role.SECRETARY)
    stranger.person = person(other, "Sara", "Sekreterare")
    stranger.save()

    with pytest.raises(PermissionDenied):
        services.agenda_build(actor=stranger, meeting=meeting)
