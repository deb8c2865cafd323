"""A signed-in session ends after a while without use, and after a working day at the latest."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts.models import User

MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def clock(time_machine: TimeMachineFixture) -> TimeMachineFixture:
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


@pytest.fixture
def signed_in(client: Client, make_user: Callable[..., User]) -> Client:
    client.force_login(make_user("anna"))
    assert client.get("/").status_code == 200
    return client


def test_a_session_used_within_the_idle_timeout_lasts(
    clock: TimeMachineFixture, signed_in: Client
) -> None:
    for _ in range(3):
        clock.shift(29 * MINUTE)
        assert signed_in.get("/").status_code == 200


def test_an_idle_session_is_signed_out_and_told_why(
    clock: TimeMachineFixture, signed_in: Client
) -> None:
    clock.shift(31 * MINUTE)

    response = signed_in.get("/organisation/", follow=True)

    assert response.redirect_chain == [("/logga-in/?next=/organisation/", 302)]
    assert "du inte har använt Kansli på 30 minuter" in response.text
    assert "_auth_user_id" not in signed_in.session


def test_a_session_ends_after_its_lifetime_however_busy(
    clock: TimeMachineFixture, signed_in: Client
) -> None:
    for _ in range(12 * 60 // 20):
        clock.shift(20 * MINUTE)
        assert signed_in.get("/").status_code == 200
    clock.shift(20 * MINUTE)

    response = signed_in.get("/", follow=True)

    assert response.redirect_chain == [("/logga-in/?next=/", 302)]
    assert "en inloggning varar högst 12 timmar" in response.text


def test_the_idle_timeout_is_a_setting(
    clock: TimeMachineFixture, signed_in: Client, settings: Settings
) -> None:
    settings.SESSION_IDLE_TIMEOUT = 5 * MINUTE
    clock.shift(6 * MINUTE)

    assert signed_in.get("/")["Location"] == "/logga-in/?next=/"


def test_an_htmx_request_of_an_ended_session_sends_the_page_to_sign_in(
    clock: TimeMachineFixture, signed_in: Client
) -> None:
    clock.shift(31 * MINUTE)

    response = signed_in.get("/", headers={"HX-Request": "true"})

    assert response["HX-Redirect"] == "/logga-in/"


def test_the_api_answers_an_ended_session_as_anyone_without_a_key(
    clock: TimeMachineFixture, signed_in: Client
) -> None:
    clock.shift(31 * MINUTE)

    assert signed_in.get("/api/v1/bodies").status_code == 401
