"""Talks: the year's talks scheduled from the instruction's duties between the current holders,
recorded when held, flagged when overdue."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.accounts.models import User
from kansli.followup.models import Talk
from kansli.followup.selectors import talks as selectors
from kansli.followup.services import talks as services
from kansli.organisation.models import Body

ON = datetime.date(2026, 3, 1)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


def test_the_years_talks_follow_the_instruction(vanersborg: Body) -> None:
    director = User.objects.get(username="direktor")
    talks = services.talks_schedule(actor=director, body=vanersborg, on=ON)
    by_section = {}
    for talk in talks:
        by_section.setdefault(talk.source_section, []).append(talk)
    # 3.6: the board chair's evaluation talk with the director.
    [evaluation] = by_section["3.6"]
    assert evaluation.kind == Talk.Kind.EVALUATION
    assert evaluation.held_with.name == "Katarina Holmgren"
    # 5.1.4: salary talks with the six chiefs of staff; 5.2.5: with the four department heads.
    assert {t.held_with.name for t in by_section["5.1.4"]} >= {"Pia Strand", "Robert Sjögren"}
    assert len(by_section["5.1.4"]) == 6
    assert len(by_section["5.2.5"]) == 4
    assert all(t.held_by.name == "Katarina Holmgren" for t in by_section["5.2.5"])
    assert {t.due_on for t in talks} == {datetime.date(2026, 12, 31)}
    assert services.talks_schedule(actor=director, body=vanersborg, on=ON) == []


def test_blekinges_chair_holds_a_development_talk_with_the_director(demo: dict[str, Body]) -> None:
    director = User.objects.get(username="blekinge-direktor")
    [talk] = services.talks_schedule(actor=director, body=demo["blekinge"], on=ON)
    assert talk.kind == Talk.Kind.EVALUATION
    assert talk.held_with.name == "Charlotte Brandt"
    assert talk.source_section == "Styrelsen 4"


def test_an_unheld_talk_is_overdue_after_its_last_day(vanersborg: Body) -> None:
    director = User.objects.get(username="direktor")
    talks = services.talks_schedule(actor=director, body=vanersborg, on=ON)
    new_year = datetime.date(2027, 1, 1)
    assert selectors.overdue_talks_evidence(body=vanersborg, on=datetime.date(2026, 12, 31)).ok
    red = selectors.overdue_talks_evidence(body=vanersborg, on=new_year)
    assert (red.ok, red.count) == (False, len(talks))
    for talk in talks:
        services.talk_record(actor=director, talk=talk, held_on=datetime.date(2026, 10, 1))
    green = selectors.overdue_talks_evidence(body=vanersborg, on=new_year)
    assert (green.ok, green.count) == (True, 0)


def test_a_talk_is_recorded_once_and_not_in_advance(vanersborg: Body) -> None:
    director = User.objects.get(username="direktor")
    talk = services.talks_schedule(actor=director, body=vanersborg, on=ON)[-1]
    with pytest.raises(ValidationError, match="innan"):
        services.talk_record(actor=director, talk=talk, held_on=datetime.date(2099, 1, 1))
    services.talk_record(actor=director, talk=talk, held_on=ON, note="Lönekriterier genomgångna")
    with pytest.raises(ValidationError, match="redan"):
        services.talk_record(actor=director, talk=talk, held_on=ON)


def test_a_member_may_not_schedule_or_record_talks(vanersborg: Body) -> None:
    member = User.objects.get(username="ledamot")
    with pytest.raises(PermissionDenied):
        services.talks_schedule(actor=member, body=vanersborg, on=ON)
