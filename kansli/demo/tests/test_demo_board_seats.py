import datetime

from django.utils import timezone

from kansli.demo.services import mandate_period
from kansli.organisation.models import Membership, Organization
from kansli.organisation.selectors import members_on, presidium, substitutes_on

PARTIES = {"S", "M", "SD", "C", "V", "KD", "L", "MP"}


def organization(body, slug):
    return Organization.objects.get(body=body, slug=slug)


def test_the_board_has_a_chair_and_13_members_today(demo):
    board = organization(demo["vanersborg"], "ks")
    today = timezone.localdate()

    members = members_on(organization=board, on=today)

    assert members.count() == 13
    assert members[0].role == Membership.Role.CHAIR
    assert [m.role for m in presidium(organization=board, on=today)] == [
        Membership.Role.CHAIR,
        Membership.Role.FIRST_VICE_CHAIR,
        Membership.Role.SECOND_VICE_CHAIR,
    ]
    assert substitutes_on(organization=board, on=today).count() == 13
    assert {m.party for m in members} <= PARTIES


def test_substitutes_are_called_in_rank_order(demo):
    council = organization(demo["vanersborg"], "kf")

    ranks = [m.rank for m in substitutes_on(organization=council, on=timezone.localdate())]

    assert ranks == sorted(ranks)
    assert len(set(ranks)) == len(ranks)


def test_the_board_of_the_previous_period_ended_when_it_did(demo):
    board = organization(demo["vanersborg"], "ks")
    start, _ = mandate_period(timezone.localdate())
    last_day = start - datetime.timedelta(days=1)

    previous = members_on(organization=board, on=last_day)

    assert previous.count() == 13
    assert {m.end for m in previous} == {last_day}
    assert set(previous.values_list("person", flat=True)) != set(
        members_on(organization=board, on=start).values_list("person", flat=True)
    )


def test_the_council_chair_does_not_chair_the_board(demo):
    today = timezone.localdate()
    council, board = (organization(demo["vanersborg"], slug) for slug in ("kf", "ks"))

    assert presidium(organization=council, on=today)[0].person != (
        presidium(organization=board, on=today)[0].person
    )


def test_every_political_organ_of_both_bodies_has_members_today(demo):
    today = timezone.localdate()
    organs = Organization.objects.filter(kind__in=Organization.POLITICAL_KINDS)

    empty = [o.name for o in organs if not members_on(organization=o, on=today).exists()]

    assert organs.count() > 10
    assert empty == []


def test_each_organ_has_its_decided_number_of_seats(demo):
    assert organization(demo["vanersborg"], "kf").seats == 51
    assert organization(demo["vanersborg"], "ks").seats == 13
    assert organization(demo["vanersborg"], "kommunstyrelseforvaltningen").seats is None
