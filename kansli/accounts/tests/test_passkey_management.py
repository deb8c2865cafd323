"""A user's own passkeys on "Två faktorer": each named ("Nyckel 1" until renamed), with the day
it was added and when it was last used; renamed by its user, removed on a fresh proof (a code
when the user has the app, the password otherwise); another user's passkey not found; the
recovery codes made for a first passkey as for an app, and kept while a factor remains; and the
first set-up that an account requires offers a passkey beside the app. The ceremonies in a real
browser are tests/browser/test_passkey.py."""

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from pytest_django.fixtures import Settings
from time_machine import TimeMachineFixture

from kansli.accounts import two_factor
from kansli.accounts.models import Role, User
from kansli.audit.models import Event

pytestmark = pytest.mark.usefixtures("second_factor_asked")
PASSWORD = "lösenord-för-test"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def passkey_of(user: User, credential_id: bytes, name: str = "") -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user, credential_id=credential_id, public_key=b"not a key", name=name
    )


def signed_in(user: User, device: Device | None = None) -> Client:
    """The user's browser after the password, and after the device if one is given."""
    client = Client()
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def rename_url(passkey: WebAuthnCredential) -> str:
    return reverse("two_factor_passkey_rename", args=[passkey.pk])


def remove_url(passkey: WebAuthnCredential) -> str:
    return reverse("two_factor_passkey_remove", args=[passkey.pk])


def events(action: str) -> list[Event]:
    return list(Event.objects.filter(action=f"user.{action}").order_by("seq"))


@pytest.fixture
def alice(make_user: Callable[..., User]) -> User:
    return make_user("alice", Role.REGISTRAR)


@pytest.fixture
def alices_passkey(alice: User) -> WebAuthnCredential:
    return passkey_of(alice, b"alices-passkey", "Jobbdatorn")


def test_a_new_passkey_is_named_with_the_first_number_its_user_has_not_used(alice: User) -> None:
    def add(credential_id: bytes) -> WebAuthnCredential:
        return two_factor.passkey_add(
            actor=alice, register=lambda: passkey_of(alice, credential_id)
        )

    first, second = add(b"one"), add(b"two")
    two_factor.passkey_rename(actor=alice, passkey=first, name="Telefonen")
    third = add(b"three")

    assert (first.name, second.name, third.name) == ("Telefonen", "Nyckel 2", "Nyckel 1")
    assert events("passkey_add")[-1].after == {"passkey": third.pk, "name": "Nyckel 1"}


def test_the_page_lists_each_passkey_with_its_name_the_day_it_was_added_and_its_last_use(
    alice: User, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=STOCKHOLM), tick=False)
    used = passkey_of(alice, b"used", "Jobbdatorn")
    passkey_of(alice, b"unused", "Säkerhetsnyckeln")
    WebAuthnCredential.objects.filter(pk=used.pk).update(
        last_used_at=datetime.datetime(2026, 3, 5, 8, 30, tzinfo=STOCKHOLM)
    )

    page = signed_in(alice, used).get(reverse("two_factor"))

    assert page.status_code == 200
    assert "Jobbdatorn" in page.text
    assert "Tillagd 2 mars 2026, senast använd 5 mars 2026 08:30." in page.text
    assert "Säkerhetsnyckeln" in page.text
    assert "Tillagd 2 mars 2026, inte använd än." in page.text


def test_a_user_renames_its_own_passkey_and_the_event_log_keeps_both_names(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    client = signed_in(alice, alices_passkey)

    response = client.post(rename_url(alices_passkey), {"name": "  Min   laptop "})

    assert response.status_code == 302
    alices_passkey.refresh_from_db()
    assert alices_passkey.name == "Min laptop"
    [event] = events("passkey_rename")
    assert event.before == {"passkey": alices_passkey.pk, "name": "Jobbdatorn"}
    assert event.after == {"passkey": alices_passkey.pk, "name": "Min laptop"}


@pytest.mark.parametrize("name", ["", "   ", "x" * (two_factor.PASSKEY_NAME_LENGTH + 1)])
def test_an_empty_or_too_long_name_is_refused_and_the_name_kept(
    alice: User, alices_passkey: WebAuthnCredential, name: str
) -> None:
    response = signed_in(alice, alices_passkey).post(rename_url(alices_passkey), {"name": name})

    assert response.status_code == 400
    alices_passkey.refresh_from_db()
    assert alices_passkey.name == "Jobbdatorn"
    assert not events("passkey_rename")


def test_without_the_app_removing_a_passkey_takes_the_password(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    other = passkey_of(alice, b"other", "Telefonen")
    two_factor.recovery_codes_renew(actor=alice)
    client = signed_in(alice, other)

    without = client.post(remove_url(alices_passkey), {})
    wrong = client.post(remove_url(alices_passkey), {"proof": "fel lösenord"})
    removed = client.post(remove_url(alices_passkey), {"proof": PASSWORD})

    assert (without.status_code, wrong.status_code) == (400, 400)
    assert "Lösenordet stämmer inte." in wrong.text
    assert removed.status_code == 302
    assert two_factor.factors(alice).passkeys == [other]
    [event] = events("passkey_remove")
    assert event.before == {"passkey": alices_passkey.pk, "name": "Jobbdatorn"}
    # The recovery codes stand in for the passkey that remains.
    assert two_factor.factors(alice).recovery_codes_left == 10


def test_wrong_passwords_as_proof_are_throttled_as_the_sign_in_is(
    alice: User, alices_passkey: WebAuthnCredential, settings: Settings
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    other = passkey_of(alice, b"other", "Telefonen")
    client = signed_in(alice, other)

    wrong = [client.post(remove_url(alices_passkey), {"proof": "fel"}) for _ in range(3)]
    right = client.post(remove_url(alices_passkey), {"proof": PASSWORD})

    assert [response.status_code for response in wrong] == [400, 400, 400]
    assert right.status_code == 400
    assert "För många felaktiga lösenord i rad." in right.text
    assert two_factor.factors(alice).passkeys == [alices_passkey, other]
    assert not events("passkey_remove")


def test_with_the_app_removing_a_passkey_takes_a_fresh_code_not_the_password(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    app = TOTPDevice.objects.create(user=alice, name="app", confirmed=True)
    client = signed_in(alice, app)

    with_password = client.post(remove_url(alices_passkey), {"proof": PASSWORD})
    app.refresh_from_db()
    app.throttle_reset()
    code = str(TOTP(app.bin_key).token()).zfill(6)
    with_code = client.post(remove_url(alices_passkey), {"proof": code})

    assert with_password.status_code == 400
    assert "Koden stämmer inte." in with_password.text
    assert with_code.status_code == 302
    assert not WebAuthnCredential.objects.filter(user=alice).exists()


def test_removing_the_last_passkey_without_the_app_removes_the_recovery_codes_too(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    two_factor.recovery_codes_renew(actor=alice)

    two_factor.passkey_remove(actor=alice, passkey=alices_passkey, proof=PASSWORD)

    assert not StaticDevice.objects.filter(user=alice).exists()


def test_removing_the_app_keeps_the_recovery_codes_while_a_passkey_remains(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    app = TOTPDevice.objects.create(user=alice, name="app", confirmed=True)
    codes = two_factor.recovery_codes_renew(actor=alice)

    two_factor.authenticator_remove(actor=alice, proof=codes[0])

    assert not TOTPDevice.objects.filter(pk=app.pk).exists()
    assert two_factor.factors(alice).recovery_codes_left == 9


def test_another_users_passkey_is_not_found_and_nothing_changes(
    alice: User, alices_passkey: WebAuthnCredential, make_user: Callable[..., User]
) -> None:
    bob = make_user("bob")
    bobs = passkey_of(bob, b"bobs-passkey", "Bobs dator")
    client = signed_in(alice, alices_passkey)
    logged = Event.objects.count()

    renamed = client.post(rename_url(bobs), {"name": "Stulen"})
    removed = client.post(remove_url(bobs), {"proof": PASSWORD})

    assert (renamed.status_code, removed.status_code) == (404, 404)
    bobs.refresh_from_db()
    assert bobs.name == "Bobs dator"
    assert Event.objects.count() == logged


@pytest.mark.parametrize("who", ["alice", "anonymous"])
def test_the_services_refuse_anyone_but_the_passkeys_user(
    alice: User, make_user: Callable[..., User], who: str
) -> None:
    bobs = passkey_of(make_user("bob"), b"bobs-passkey", "Bobs dator")
    actor = alice if who == "alice" else AnonymousUser()
    logged = Event.objects.count()

    with pytest.raises(PermissionDenied):
        two_factor.passkey_rename(actor=actor, passkey=bobs, name="Stulen")
    with pytest.raises(PermissionDenied):
        two_factor.passkey_remove(actor=actor, passkey=bobs, proof=PASSWORD)
    assert WebAuthnCredential.objects.get(pk=bobs.pk).name == "Bobs dator"
    assert Event.objects.count() == logged


def test_the_anonymous_are_sent_to_sign_in_and_nothing_changes(
    alices_passkey: WebAuthnCredential,
) -> None:
    client = Client()

    responses = [
        client.post(rename_url(alices_passkey), {"name": "Stulen"}),
        client.post(remove_url(alices_passkey), {"proof": PASSWORD}),
        client.post(reverse("two_factor_passkey_added")),
    ]

    assert all(response["Location"].startswith("/logga-in/?") for response in responses)
    alices_passkey.refresh_from_db()
    assert alices_passkey.name == "Jobbdatorn"
    assert not StaticDevice.objects.exists()


def test_an_administrator_who_removes_its_last_passkey_is_sent_to_set_one_up(
    make_user: Callable[..., User],
) -> None:
    administrator = make_user("adm", Role.ADMINISTRATOR)
    passkey = passkey_of(administrator, b"adms-passkey", "Nyckel 1")
    client = signed_in(administrator, passkey)
    assert client.get("/").status_code == 200

    removed = client.post(remove_url(passkey), {"proof": PASSWORD})

    assert removed.status_code == 302
    assert client.get("/")["Location"] == "/logga-in/tva-faktorer/app/?next=/"


def test_the_required_set_up_offers_a_passkey_beside_the_app(
    make_user: Callable[..., User],
) -> None:
    make_user("adm", Role.ADMINISTRATOR)
    client = Client()
    client.post("/logga-in/", {"username": "adm", "password": PASSWORD})

    page = client.get("/logga-in/tva-faktorer/app/?next=/admin/")
    begun = client.post(reverse("otp_webauthn:credential-registration-begin"))

    assert 'id="passkey-register-button"' in page.text
    assert 'action="/logga-in/tva-faktorer/nycklar/tillagd/"' in page.text
    assert begun.status_code == 200
    assert "challenge" in begun.json()
    # The rest of the site still waits for the factor.
    assert client.get("/")["Location"] == "/logga-in/tva-faktorer/app/?next=/"


def test_after_a_first_passkey_the_recovery_codes_are_shown_once_then_the_user_goes_on(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    client = signed_in(alice, alices_passkey)
    added = reverse("two_factor_passkey_added")

    first = client.post(added, {"next": "/admin/"})
    second = client.post(added, {"next": "/logga-in/tva-faktorer/"})

    assert len(first.context["codes"]) == 10
    assert first.context["next"] == "/admin/"
    assert second["Location"] == "/logga-in/tva-faktorer/"
    assert two_factor.factors(alice).recovery_codes_left == 10


def test_a_user_with_only_a_passkey_may_sign_in_with_a_recovery_code_once(
    alice: User, alices_passkey: WebAuthnCredential
) -> None:
    codes = two_factor.recovery_codes_renew(actor=alice)
    client = Client()
    client.post("/logga-in/", {"username": "alice", "password": PASSWORD})

    page = client.get("/logga-in/kod/")
    used = client.post("/logga-in/kod/", {"code": codes[0], "next": "/"})

    assert "Har du inte nyckeln till hands" in page.text
    assert used["Location"] == "/"
    assert two_factor.factors(alice).recovery_codes_left == 9
