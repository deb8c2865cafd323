"""Users and API keys are the administrator's of the user's own body (giving only roles it
holds), or, for a user's own keys, the user's: every accounts service refuses the wrong user.
A passkey's pages are its own user's alone (the services' refusals are in
test_passkey_management.py: kansli.accounts.two_factor is no services module). The overview is
every signed-in user's; signing in and out is everyone's."""

import secrets
from typing import Any

from django_otp_webauthn.models import WebAuthnCredential

from kansli.accounts import services
from kansli.accounts.models import Role, User
from kansli.organisation.models import Person
from kansli.tests.refusals import (
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    PERSONAS,
    Demo,
    RouteCase,
    ServiceCase,
)

OTHER_ADMINISTRATOR = "blekinge-admin"
# Vänersborg's administrator revokes Vänersborg's users' keys; nobody else but the user does.
NOT_ADMINISTERING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)


def _new_user(demo: Demo) -> dict[str, Any]:
    """A registrar's account for a person of Vänersborg who has none: the administrator, who is
    no registrar, may not give that role either."""
    person = Person.objects.filter(body=demo["vanersborg"], user__isnull=True).first()
    return {
        "username": "ny-registrator",
        "password": "lösenord-för-test",
        "roles": [Role.REGISTRAR],
        "person": person,
    }


def _registrar(demo: Demo) -> dict[str, Any]:
    return {"user": User.objects.get(username="registrator"), "name": "Rapporter"}


def _registrars_passkey(demo: Demo) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=User.objects.get(username="registrator"),
        credential_id=secrets.token_bytes(16),  # one per case: the ids are unique
        public_key=b"not a key",
        name="Nyckel 1",
    )


def _token(demo: Demo) -> dict[str, Any]:
    token, _key = services.token_create(actor=None, **_registrar(demo))
    return {"token": token}


SERVICES: list[ServiceCase] = [
    ServiceCase(services.user_create, _new_user, (*PERSONAS, OTHER_ADMINISTRATOR)),
    # A key lets one act as the registrar: the administrator, no registrar, may not make one.
    ServiceCase(services.token_create, _registrar, (*PERSONAS, OTHER_ADMINISTRATOR)),
    ServiceCase(services.token_revoke, _token, NOT_ADMINISTERING),
    # A registrar who lost the phone: its body's administrator removes the second factor.
    ServiceCase(
        services.second_factor_reset,
        lambda demo: {"user": User.objects.get(username="registrator")},
        NOT_ADMINISTERING,
    ),
]

ROUTES: list[RouteCase] = [
    # A passkey is its user's alone: anyone else's request does not find it (404).
    RouteCase(
        "two_factor_passkey_rename",
        lambda demo: {"pk": _registrars_passkey(demo).pk},
        data=lambda demo: {"name": "Stulen"},
    ),
    RouteCase(
        "two_factor_passkey_remove",
        lambda demo: {"pk": _registrars_passkey(demo).pk},
        data=lambda demo: {"proof": "lösenord-för-test"},
    ),
    # The way on after one's own passkey was added: the public is sent to sign in.
    RouteCase("two_factor_passkey_added", data=lambda demo: {}, refused=(ANONYMOUS,)),
]

PUBLIC: dict[str, str] = {
    "login": "signing in is for everyone (throttled per address and username)",
    "logout": "signing out ends one's own session only",
}


def test_the_administrator_creates_a_user_of_its_body_with_a_role_it_holds(demo: Demo) -> None:
    arguments = _new_user(demo) | {"roles": [Role.ADMINISTRATOR]}

    user = services.user_create(actor=User.objects.get(username="admin"), **arguments)

    assert user.roles == [Role.ADMINISTRATOR]
    assert user.is_staff
    assert not user.is_superuser


def test_a_user_makes_its_own_keys_and_the_administrator_revokes_those_of_its_body(
    demo: Demo,
) -> None:
    registrar = User.objects.get(username="registrator")
    administrator = User.objects.get(username="admin")

    own, _key = services.token_create(actor=registrar, user=registrar, name="Egen")
    services.token_revoke(actor=administrator, token=own)

    own.refresh_from_db()
    assert own.revoked_at is not None
