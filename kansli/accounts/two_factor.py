"""A second factor at sign-in for local accounts (issue 17): an authenticator app's codes
(TOTP, RFC 6238), passkeys (WebAuthn, kansli.accounts.passkeys) and ten recovery codes, each of
them a django-otp device of the user's. The recovery codes stand in for the app or a passkey
and last as long as one of them does.

Who must have one: operators, anyone who can reach the admin site, the administrators, and
every user of a body that requires it (`Body.second_factor_required`), unless
KANSLI_SECOND_FACTOR_REQUIRED is off (the demo); and, whatever that says, a user whose factor
the administrator removed (`kansli.accounts.services.second_factor_reset`), until a new one is
added. Anyone else may set one up, and is then asked for it at each sign-in as well. A session
signed in through the municipality's identity provider (the `kansli.signon` backends) had its
factors checked there.

After the password, a session whose second factor is due is sent to give a code, or to set an
app up, before anything else (kansli.accounts.middleware.SecondFactorMiddleware); the admin
site asks on every request (kansli.accounts.admin_site). A wrong code is logged, without the
code, and makes the device wait before the next try: 1, 2, 4 ... seconds (django-otp's
throttling). Secrets and codes never reach the event log, which keeps everything for ever; its
events say what was done. API keys are no sign-in and ask for no second factor.
"""

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from django_otp_webauthn.models import WebAuthnCredential

from kansli.accounts.models import Role, User
from kansli.accounts.policy import Actor
from kansli.accounts.policy import User as Visitor
from kansli.audit import services as audit
from kansli.organisation.models import Person

logger = logging.getLogger(__name__)

RECOVERY_CODES = 10
# A passkey's name, as django-otp's Device.name holds it.
PASSKEY_NAME_LENGTH = 64
# The session's note that it owes no second factor: worked out once, not on every request. A
# role or a body's requirement given later counts from the next sign-in (the admin site asks
# each time).
NOT_DUE = "kansli_second_factor_not_due"
PROVIDER_BACKENDS = "kansli.signon."


class Step(StrEnum):
    """Where a session that owes its second factor is sent, by URL name."""

    VERIFY = "two_factor_verify"
    SET_UP = "two_factor_setup"


def is_required(user: Visitor) -> bool:
    """Must the user sign in with a second factor?"""
    if not isinstance(user, User):
        return False
    if user.second_factor_due:
        return True
    if not settings.KANSLI_SECOND_FACTOR_REQUIRED:
        return False
    if user.is_superuser or user.is_staff or user.has_role(Role.ADMINISTRATOR):
        return True
    return (
        user.person_id is not None
        and Person.objects.filter(pk=user.person_id, body__second_factor_required=True).exists()
    )


def by_provider(request: HttpRequest) -> bool:
    """Was the session signed in through an identity provider, which checked the factors?"""
    return str(request.session.get(BACKEND_SESSION_KEY, "")).startswith(PROVIDER_BACKENDS)


def is_done(request: HttpRequest) -> bool:
    """Has the signed-in session shown its second factor (here, or to the provider)?"""
    return getattr(request.user, "otp_device", None) is not None or by_provider(request)


def step_due(request: HttpRequest, *, recheck: bool = False) -> Step | None:
    """What the signed-in session must do before it goes on; None when its second factor is
    shown or not due. A session found to owe none is not asked again unless `recheck`."""
    if is_done(request) or (request.session.get(NOT_DUE) and not recheck):
        return None
    user = request.user
    if user_has_device(user):
        return Step.VERIFY
    if is_required(user):
        return Step.SET_UP
    request.session[NOT_DUE] = True
    return None


@dataclass(frozen=True)
class Factors:
    """A user's second factor as the user's own page shows it."""

    authenticator: TOTPDevice | None
    recovery_codes_left: int
    passkeys: list[WebAuthnCredential]


def passkeys_of(user: Visitor) -> QuerySet[WebAuthnCredential]:
    """The user's own passkeys, and no one else's: what the user's pages find a passkey in."""
    if not isinstance(user, User):
        return WebAuthnCredential.objects.none()
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk")


def _apps_of(user: User) -> QuerySet[TOTPDevice]:
    """The user's authenticator app, once confirmed by a first code (one at most)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def factors(user: User) -> Factors:
    recovery = StaticDevice.objects.filter(user=user).first()
    return Factors(
        authenticator=_apps_of(user).first(),
        recovery_codes_left=recovery.token_set.count() if recovery is not None else 0,
        passkeys=list(passkeys_of(user)),
    )


def proof_asks_for_code(user: User) -> bool:
    """Does the fresh proof before a factor is removed take a code (the user has the app), or
    the password (the user has none)?"""
    return _apps_of(user).exists()


def new_key() -> str:
    """A new secret for an authenticator app: 160 bits, as RFC 4226 recommends, in hex."""
    return random_hex(20)


def key_for_typing(key: str) -> str:
    """The secret as an app takes it when typed: base32, in groups of four."""
    text = base64.b32encode(bytes.fromhex(key)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_qr_svg(*, user: User, key: str) -> str:
    """The secret as a QR code for the app to scan, an SVG to put in the page."""
    url = TOTPDevice(user=user, key=key).config_url
    return segno.make(url, error="m").svg_inline(
        scale=4, light="#fff", title=_("QR-kod för autentiseringsappen")
    )


def _require_own(actor: Actor) -> User:
    """The second factor is the signed-in user's own, changed by the user alone."""
    if not isinstance(actor, User) or not actor.is_active:
        raise PermissionDenied(_("Bara användaren själv kan ändra sin andra faktor."))
    # The account itself, not the request's lazy stand-in for it, is the events' object.
    return User.objects.get(pk=actor.pk)


def _enrolled(user: User) -> None:
    """The user has a second factor again: a reset's demand to add one is met."""
    if user.second_factor_due:
        audit.update(actor=user, instance=user, second_factor_due=False)


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def authenticator_add(*, actor: Actor, key: str, code: str) -> TOTPDevice:
    """The actor's authenticator app, once it has shown a code made from the key."""
    user = _require_own(actor)
    if TOTPDevice.objects.filter(user=user).exists():
        raise ValidationError(_("Du har redan en autentiseringsapp. Ta bort den först."))
    device = TOTPDevice(user=user, key=key, name=_("Autentiseringsapp"), confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    code = _clean(code)
    if not (code.isdigit() and totp.verify(int(code), device.tolerance)):
        raise ValidationError(
            _("Koden stämmer inte. Kontrollera att appen visar koden för Kansli och försök igen.")
        )
    device.last_t = totp.t()  # the code may not be used again to sign in
    device.save()
    _enrolled(user)
    audit.record(actor=user, action=audit.action_name(user, "second_factor_add"), instance=user)
    return device


def _has_factor(user: User) -> bool:
    """Has the user an app or a passkey, which the recovery codes stand in for?"""
    return _apps_of(user).exists() or passkeys_of(user).exists()


@transaction.atomic
def recovery_codes_renew(*, actor: Actor) -> list[str]:
    """Ten new recovery codes for the actor, each good for one sign-in; the old ones stop.
    Returned to be shown once: only the user keeps them."""
    user = _require_own(actor)
    if not _has_factor(user):
        raise ValidationError(
            _(
                "Reservkoder hör till en autentiseringsapp eller en nyckel. "
                "Lägg till en av dem först."
            )
        )
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Reservkoder"), confirmed=True)
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    audit.record(actor=user, action=audit.action_name(user, "recovery_codes_renew"), instance=user)
    return codes


def passkey_add(*, actor: Actor, register: Callable[[], WebAuthnCredential]) -> WebAuthnCredential:
    """The actor's passkey, once `register` (django-otp-webauthn's ceremony, which checks the
    browser's answer and stores the public key) has made it, named "Nyckel 1" (or the first
    number the user's passkeys do not have yet); written to the event log."""
    user = _require_own(actor)
    with transaction.atomic():
        passkey = register()
        passkey.name = _passkey_name_free(user)
        passkey.save(update_fields=["name"])
        _enrolled(user)
        audit.record(
            actor=user,
            action=audit.action_name(user, "passkey_add"),
            instance=user,
            after=_passkey_logged(passkey),
        )
    return passkey


def _passkey_name_free(user: User) -> str:
    taken = set(passkeys_of(user).values_list("name", flat=True))
    number = 1
    while _("Nyckel %(number)d") % {"number": number} in taken:
        number += 1
    return _("Nyckel %(number)d") % {"number": number}


def _passkey_logged(passkey: WebAuthnCredential) -> dict[str, Any]:
    """What the event log keeps of a passkey: which one and its name, never its key."""
    return {"passkey": passkey.pk, "name": passkey.name}


def _require_own_passkey(actor: Actor, passkey: WebAuthnCredential) -> User:
    """A passkey is changed by its user alone; the pages find it among the user's own
    (`passkeys_of`), and another's is refused here too."""
    user = _require_own(actor)
    if passkey.user_id != user.pk or not passkey.confirmed:
        raise PermissionDenied(_("Bara användaren själv kan ändra sina nycklar."))
    return user


def passkey_rename(*, actor: Actor, passkey: WebAuthnCredential, name: str) -> WebAuthnCredential:
    """The actor's own passkey under a new name, so that the user can tell them apart."""
    user = _require_own_passkey(actor, passkey)
    name = " ".join(name.split())
    if not name or len(name) > PASSKEY_NAME_LENGTH:
        raise ValidationError(
            _("Ge nyckeln ett namn på högst %(length)d tecken.") % {"length": PASSKEY_NAME_LENGTH}
        )
    with transaction.atomic():
        before = _passkey_logged(passkey)
        passkey.name = name
        passkey.save(update_fields=["name"])
        audit.record(
            actor=user,
            action=audit.action_name(user, "passkey_rename"),
            instance=user,
            before=before,
            after=_passkey_logged(passkey),
        )
    return passkey


def passkey_remove(*, actor: Actor, passkey: WebAuthnCredential, proof: str) -> Device | None:
    """The actor's own passkey removed, on a fresh proof (`proof_check`); the recovery codes go
    with the last passkey when there is no app. Returns the device that gave the proof, if a
    code did."""
    user = _require_own_passkey(actor, passkey)
    device = proof_check(user=user, proof=proof)
    with transaction.atomic():
        logged = _passkey_logged(passkey)
        passkey.delete()
        _recovery_codes_follow(user)
        audit.record(
            actor=user,
            action=audit.action_name(user, "passkey_remove"),
            instance=user,
            before=logged,
        )
    return device


def authenticator_remove(*, actor: Actor, proof: str) -> None:
    """The actor's authenticator app removed, on a fresh code of it or a recovery code
    (`proof_check`); the recovery codes too unless a passkey remains."""
    user = _require_own(actor)
    proof_check(user=user, proof=proof)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        _recovery_codes_follow(user)
        audit.record(
            actor=user, action=audit.action_name(user, "second_factor_remove"), instance=user
        )


def _recovery_codes_follow(user: User) -> None:
    """The recovery codes stand in for the app or a passkey: with neither left, they go."""
    if not _has_factor(user):
        StaticDevice.objects.filter(user=user).delete()


def proof_check(*, user: User, proof: str) -> Device | None:
    """The one rule before a factor is removed: a fresh code from the app (or a recovery code)
    when the user has the app, the password when the user has none. Returns the device whose
    code it was; a wrong proof is logged without it and refused."""
    if proof_asks_for_code(user):
        return code_verify(user=user, code=proof)
    _password_verify(user=user, password=proof)
    return None


def _password_verify(*, user: User, password: str) -> None:
    """The user's password as proof, throttled as the sign-in is (AXES_FAILURE_LIMIT wrong
    passwords within AXES_COOLOFF_TIME hours, then none is tried until the time has passed), so
    that a session left open is no way to guess the password. Logged without the password."""
    failures = f"kansli:two-factor-password-failures:{user.pk}"
    if cache.get(failures, 0) >= settings.AXES_FAILURE_LIMIT:
        logger.warning("Second factor refused: throttled", extra={"user_id": user.pk})
        raise ValidationError(
            _("För många felaktiga lösenord i rad. Vänta en stund och försök igen.")
        )
    if user.check_password(password):
        cache.delete(failures)
        return
    cache.add(failures, 0, timeout=settings.AXES_COOLOFF_TIME * 3600)
    cache.incr(failures)
    logger.warning("Second factor refused: wrong password", extra={"user_id": user.pk})
    raise ValidationError(_("Lösenordet stämmer inte."))


def code_verify(*, user: User, code: str) -> Device:
    """The device that accepts the code: the app for six digits, a recovery code otherwise.
    A wrong code counts against the device's throttle and is logged without the code."""
    code = _clean(code)
    model: type[TOTPDevice | StaticDevice] = (
        TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    )
    # The throttle's count is written whether or not the code is right: the transaction ends
    # before the refusal is raised.
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            refusal = "no such device"
        elif not device.verify_is_allowed()[0]:
            refusal = "throttled"
        elif not device.verify_token(code):
            refusal = "wrong code"
        else:
            return device
    logger.warning(
        "Second factor refused: %s", refusal, extra={"user_id": user.pk, "device": model.__name__}
    )
    if refusal == "throttled":
        raise ValidationError(_("För många felaktiga koder i rad. Vänta en stund och försök igen."))
    raise ValidationError(_("Koden stämmer inte."))
