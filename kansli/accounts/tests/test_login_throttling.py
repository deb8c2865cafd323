"""Sign-in throttling: a username is locked at one address, an address across usernames."""

from collections.abc import Callable

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, RequestFactory

from kansli.accounts.models import User
from kansli.accounts.throttle import address_behind_proxy

PASSWORD = "lösenord-för-test"  # the password make_user gives
ATTACKER = "203.0.113.7"
PROXY = "198.51.100.1"
ELSEWHERE = "192.0.2.44"


@pytest.fixture
def anna(make_user: Callable[..., User]) -> User:
    return make_user("anna")


def sign_in(username: str, password: str, address: str) -> HttpResponse:
    return Client(REMOTE_ADDR=address).post(
        "/logga-in/", {"username": username, "password": password}
    )


def spray(address: str, failures: int) -> None:
    """Wrong passwords from one address, each username tried once less than its own limit."""
    per_username = settings.AXES_FAILURE_LIMIT - 1
    for attempt in range(failures):
        response = sign_in(f"gissning-{attempt // per_username}", "Sommar2026!", address)
        assert response.status_code == 200


def test_an_address_spraying_many_usernames_is_locked_for_every_username(anna: User) -> None:
    spray(ATTACKER, settings.AXES_ADDRESS_FAILURE_LIMIT - 1)
    assert sign_in("ny-gissning", "Sommar2026!", ATTACKER).status_code == 429

    assert sign_in("anna", PASSWORD, ATTACKER).status_code == 429
    assert sign_in("anna", PASSWORD, ELSEWHERE).status_code == 302


def test_the_address_limit_is_higher_than_a_usernames(anna: User) -> None:
    assert settings.AXES_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    spray(PROXY, settings.AXES_FAILURE_LIMIT * 2)

    assert sign_in("anna", PASSWORD, PROXY).status_code == 302


def test_guessing_a_colleagues_password_locks_it_at_that_address_only(anna: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in("anna", "fel", PROXY)
    assert response.status_code == 429
    assert sign_in("anna", PASSWORD, PROXY).status_code == 429

    assert sign_in("anna", PASSWORD, ELSEWHERE).status_code == 302


def test_signing_in_to_an_own_account_does_not_start_the_address_over(
    anna: User, make_user: Callable[..., User]
) -> None:
    make_user("mallory")
    spray(ATTACKER, settings.AXES_ADDRESS_FAILURE_LIMIT - 1)
    assert sign_in("mallory", PASSWORD, ATTACKER).status_code == 302

    assert sign_in("ny-gissning", "Sommar2026!", ATTACKER).status_code == 429
    assert sign_in("anna", PASSWORD, ATTACKER).status_code == 429


def test_a_success_clears_the_usernames_own_failures(anna: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in("anna", "fel", PROXY)
    assert sign_in("anna", PASSWORD, PROXY).status_code == 302

    assert sign_in("anna", "fel", PROXY).status_code == 200


def test_behind_a_proxy_the_address_is_the_one_the_proxy_forwarded(rf: RequestFactory) -> None:
    spoofed = rf.post("/logga-in/", headers={"X-Forwarded-For": f"{ELSEWHERE}, {ATTACKER}"})
    direct = rf.post("/logga-in/", REMOTE_ADDR=PROXY)

    assert address_behind_proxy(spoofed) == ATTACKER
    assert address_behind_proxy(direct) == PROXY


def test_a_username_longer_than_any_accounts_is_refused_before_it_is_tried(anna: User) -> None:
    response = sign_in("x" * 5000, PASSWORD, ATTACKER)

    assert response.status_code == 200
    assert response.context["form"].errors["username"] == [
        "Säkerställ att detta värde har som mest 150 tecken (den har 5000)."
    ]
    assert not AccessAttempt.objects.exists()
