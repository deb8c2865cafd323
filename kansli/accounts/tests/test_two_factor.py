"""The second factor at sign-in: required of administrators and of a body's users when the body
says so, optional for others; set up with a code, asked after the password, recovery codes
good once, wrong codes throttled and logged without the code; the admin site behind it."""

import datetime
import logging
from collections.abc import Callable

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts import two_factor
from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.accounts.two_factor_views import PENDING_KEY
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

pytestmark = pytest.mark.usefixtures("second_factor_asked")
PASSWORD = "lösenord-för-test"


def code_of(key: str) -> str:
    return str(TOTP(bytes.fromhex(key)).token()).zfill(6)


def signed_in_with_password(username: str) -> Client:
    client = Client()
    response = client.post("/logga-in/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def operator(db: None) -> User:
    return User.objects.create_superuser("drift", password=PASSWORD)


@pytest.fixture
def administrator(make_user: Callable[..., User]) -> User:
    return make_user("adm", Role.ADMINISTRATOR)


def with_app(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_an_operator_with_only_a_password_cannot_reach_the_admin(operator: User) -> None:
    client = signed_in_with_password("drift")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/logga-in/tva-faktorer/app/?next=/admin/"
    assert client.get("/admin/accounts/user/").status_code == 302


def test_the_admin_site_itself_refuses_a_session_without_the_second_factor(
    operator: User, settings: Settings
) -> None:
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("SecondFactorMiddleware")
    ]
    client = signed_in_with_password("drift")

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_administrator_sets_up_the_app_gets_ten_recovery_codes_and_reaches_the_admin(
    administrator: User,
) -> None:
    client = signed_in_with_password("adm")
    sent = client.get("/admin/")
    assert sent["Location"] == "/logga-in/tva-faktorer/app/?next=/admin/"
    page = client.get(sent["Location"])
    assert "<svg" in page.text
    key = client.session[PENDING_KEY]
    assert two_factor.key_for_typing(key) in page.text

    wrong = client.post("/logga-in/tva-faktorer/app/", {"code": "000000", "next": "/admin/"})
    done = client.post("/logga-in/tva-faktorer/app/", {"code": code_of(key), "next": "/admin/"})

    assert "Koden stämmer inte" in wrong.text
    assert len(done.context["codes"]) == 10
    assert client.get("/admin/").status_code == 200


def test_a_user_with_the_app_gives_its_code_after_the_password(
    administrator: User, caplog: pytest.LogCaptureFixture
) -> None:
    device = with_app(administrator)
    client = signed_in_with_password("adm")
    assert client.get("/")["Location"] == "/logga-in/kod/?next=/"

    with caplog.at_level(logging.WARNING, logger="kansli.accounts.two_factor"):
        wrong = client.post("/logga-in/kod/", {"code": "123456", "next": "/"})
    assert "Koden stämmer inte" in wrong.text
    assert "123456" not in caplog.text
    assert "Second factor refused: wrong code" in caplog.text

    device.refresh_from_db()
    device.throttle_reset()
    right = client.post("/logga-in/kod/", {"code": code_of(device.key), "next": "/"})

    assert right["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_code_makes_the_next_wait(
    administrator: User, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(timezone.now(), tick=False)
    device = with_app(administrator)
    client = signed_in_with_password("adm")
    client.post("/logga-in/kod/", {"code": "123456"})

    throttled = client.post("/logga-in/kod/", {"code": code_of(device.key)})
    time_machine.shift(datetime.timedelta(seconds=30))
    after_the_wait = client.post("/logga-in/kod/", {"code": code_of(device.key)})

    assert "För många felaktiga koder" in throttled.text
    assert after_the_wait.status_code == 302


def test_a_recovery_code_signs_in_once(administrator: User) -> None:
    with_app(administrator)
    codes = two_factor.recovery_codes_renew(actor=administrator)

    first = signed_in_with_password("adm")
    used = first.post("/logga-in/kod/", {"code": codes[0].upper()})
    again = signed_in_with_password("adm").post("/logga-in/kod/", {"code": codes[0]})

    assert used.status_code == 302
    assert "Koden stämmer inte" in again.text
    assert two_factor.factors(administrator).recovery_codes_left == 9


def test_removing_the_app_needs_a_fresh_code(
    administrator: User, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(timezone.now(), tick=False)
    with_app(administrator)
    codes = two_factor.recovery_codes_renew(actor=administrator)
    client = signed_in_with_password("adm")
    client.post("/logga-in/kod/", {"code": codes[0]})

    refused = client.post("/logga-in/tva-faktorer/ta-bort/", {"proof": "zzzzzzzz"})
    time_machine.shift(datetime.timedelta(seconds=2))  # the throttle's wait after a wrong code
    removed = client.post("/logga-in/tva-faktorer/ta-bort/", {"proof": codes[1]})

    assert refused.status_code == 400
    assert removed.status_code == 302
    assert two_factor.factors(administrator) == two_factor.Factors(None, 0, [])
    # Required of an administrator: the next page sends it to set up a new app.
    assert client.get("/")["Location"] == "/logga-in/tva-faktorer/app/?next=/"


def test_others_may_sign_in_with_only_a_password(body: Body, make_user: Callable) -> None:
    make_user("anna")

    assert signed_in_with_password("anna").get("/").status_code == 200


def test_a_body_that_requires_it_requires_it_of_its_users(body: Body) -> None:
    organisation_person = organisation.person_create(
        actor=None, body=body, given_name="Anna", family_name="Ek"
    )
    user_create(actor=None, username="anna", password=PASSWORD, person=organisation_person)
    Body.objects.filter(pk=body.pk).update(second_factor_required=True)

    assert (
        signed_in_with_password("anna")
        .get("/")["Location"]
        .startswith("/logga-in/tva-faktorer/app/")
    )


def test_the_demo_may_turn_the_requirement_off(operator: User, settings: Settings) -> None:
    settings.KANSLI_SECOND_FACTOR_REQUIRED = False

    assert signed_in_with_password("drift").get("/admin/").status_code == 200


def test_a_session_signed_in_through_the_identity_provider_has_shown_its_factors(
    operator: User,
) -> None:
    request = RequestFactory().get("/admin/")
    request.user = operator
    request.session = SessionStore()
    request.session[BACKEND_SESSION_KEY] = "kansli.signon.backends.OidcBackend"

    assert two_factor.step_due(request, recheck=True) is None


def test_an_api_key_asks_for_no_second_factor(administrator: User) -> None:
    _token, key = token_create(actor=None, user=administrator, name="test")

    response = Client().get("/api/v1/bodies", headers={"Authorization": f"Bearer {key}"})

    assert response.status_code == 200


def test_only_the_user_changes_its_own_second_factor(db: None) -> None:
    with pytest.raises(PermissionDenied):
        two_factor.recovery_codes_renew(actor=AnonymousUser())
