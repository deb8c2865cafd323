"""The suite's sign-ins show their second factor: `Client.force_login` and `Client.login`
stand in for the password, and here for the code too, so that a test signing in an
administrator reaches its pages as one who signed in properly. The requirement stays on in the
test settings; the tests of the second factor itself ask for `second_factor_asked`."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansli.accounts import two_factor
from kansli.accounts.models import User


def _with_second_factor(login: Callable[..., None]) -> Callable[..., None]:
    def signed_in(client: Client, user: User, backend: Any = None) -> None:
        login(client, user, backend)
        if two_factor.is_required(user):
            device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
                user=user, name="test", confirmed=True
            )
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    return signed_in


@pytest.fixture
def second_factor_asked() -> None:
    """The test's sign-ins ask for the second factor as the site does."""


@pytest.fixture(autouse=True)
def second_factor_shown(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "second_factor_asked" not in request.fixturenames:
        # Client._login is where both force_login and login end.
        monkeypatch.setattr(Client, "_login", _with_second_factor(Client._login))  # type: ignore[attr-defined]
