"""The economy and supervision pages (and the economy API) show this year unless asked for
another, and "this year" is the local one: at 23:30 UTC on 31 December it is already 00:30 on
New Year's Day in Sweden, and the pages show the new year."""

import datetime

import pytest
from time_machine import TimeMachineFixture

from kansli.followup.years import year_asked

NEW_YEARS_NIGHT = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def new_years_night(time_machine: TimeMachineFixture) -> None:
    time_machine.move_to(NEW_YEARS_NIGHT, tick=False)


@pytest.mark.usefixtures("new_years_night")
@pytest.mark.parametrize("asked", [None, "", "nästa", "-1", "1899", "2201", 1899])
def test_without_a_valid_year_it_is_the_new_local_year(asked: str | int | None) -> None:
    assert year_asked(asked) == 2027


@pytest.mark.parametrize("asked", ["2026", 2026, "1900", "2200"])
def test_a_year_within_the_bounds_is_taken(asked: str | int) -> None:
    assert year_asked(asked) == int(asked)


@pytest.mark.usefixtures("new_years_night")
@pytest.mark.parametrize(
    ("page", "heading"),
    [("ekonomi", "Budget och utfall 2027"), ("uppsikt", "Uppsikt över nämnder och bolag 2027")],
)
def test_the_pages_show_the_new_year_after_local_midnight(
    client, body, committee, member_user, page: str, heading: str
) -> None:
    client.force_login(member_user)

    response = client.get(f"/vanersborg/uppfoljning/{page}/")

    assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.parametrize("page", ["ekonomi", "uppsikt"])
def test_the_year_input_offers_the_years_within_the_bounds(
    client, body, committee, member_user, page: str
) -> None:
    client.force_login(member_user)

    response = client.get(f"/vanersborg/uppfoljning/{page}/")

    assert 'name="ar" type="number" min="1900" max="2200"' in response.content.decode()
