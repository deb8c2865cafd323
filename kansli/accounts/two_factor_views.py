"""The pages of the second factor (kansli.accounts.two_factor): giving a code (or using a
passkey) after the password, setting an authenticator app or a passkey up, the user's own page
with its recovery codes and passkeys, renaming a passkey, and removing the app or a passkey.
Each acts on the signed-in user's own account only: another user's passkey is not found."""

from dataclasses import dataclass
from typing import Any

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from kansli.accounts import two_factor
from kansli.accounts.models import User

# The key of the app being set up, kept in the session until a code made from it is shown.
PENDING_KEY = "kansli_second_factor_key"


def _code_input() -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"})


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Kod"), max_length=32, widget=_code_input())


class ProofForm(forms.Form):
    """The fresh proof before a factor is removed (two_factor.proof_check): a code for a user
    with the app, the password for one without."""

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget: forms.Widget
        if two_factor.proof_asks_for_code(user):
            label, widget = _("Kod från appen eller en reservkod"), _code_input()
        else:
            label = _("Ditt lösenord")
            widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
        self.fields["proof"] = forms.CharField(
            label=label, max_length=128, strip=False, widget=widget
        )


class PasskeyNameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Namn"), max_length=two_factor.PASSKEY_NAME_LENGTH)


@dataclass(frozen=True)
class PasskeyRow:
    """A passkey on the user's page, with its forms (ids of their own, as there are several)."""

    passkey: WebAuthnCredential
    rename: PasskeyNameForm
    remove: ProofForm


def _user(request: HttpRequest) -> User:
    """The signed-in user: these pages are for no one else (LoginRequiredMiddleware)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _next(request: HttpRequest) -> str:
    """Where the user was going, if it is a page of this site; the start page otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _signed_in_with(request: HttpRequest, device: Any) -> None:
    """The session has shown its second factor: a new session key, as after the password."""
    request.session.cycle_key()
    django_otp.login(request, device)


class PasskeyVerify(CompleteCredentialAuthenticationView):
    """A passkey instead of the code after the password: the package's check of the signature,
    then a new session key, as after a code."""

    def complete_auth(self, device: Any) -> None:
        _signed_in_with(self.request, device)


class PasskeyRegister(CompleteCredentialRegistrationView):
    """A passkey added: the package's check of the browser's answer, which counts as the
    session's second factor where it had none yet (a first set-up), then a new session key, as
    after the app's first code."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        shown = self.request.user.is_verified()
        response = super().post(*args, **kwargs)
        if not shown and self.request.user.is_verified():
            self.request.session.cycle_key()
        return response


def verify(request: HttpRequest) -> HttpResponse:
    """The code from the app, or a recovery code, after the password."""
    step = two_factor.step_due(request)
    if step is None:
        return redirect(_next(request))
    if step is two_factor.Step.SET_UP:
        return redirect(f"{resolve_url(step)}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            device = two_factor.code_verify(user=_user(request), code=form.cleaned_data["code"])
        except ValidationError as refusal:
            form.add_error("code", refusal)
        else:
            _signed_in_with(request, device)
            return redirect(_next(request))
    context = {"form": form, "next": _next(request), "factors": two_factor.factors(_user(request))}
    return render(request, "two_factor/verify.html", context)


def setup(request: HttpRequest) -> HttpResponse:
    """An authenticator app: its key as a QR code and as text, confirmed by a code from it;
    then the recovery codes, shown once. Or, the other way, a passkey (`passkey_added`)."""
    user = _user(request)
    if two_factor.factors(user).authenticator is not None:
        return redirect("two_factor")
    key = request.session.setdefault(PENDING_KEY, two_factor.new_key())
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            device = two_factor.authenticator_add(
                actor=user, key=key, code=form.cleaned_data["code"]
            )
        except ValidationError as refusal:
            form.add_error("code", refusal)
        else:
            del request.session[PENDING_KEY]
            _signed_in_with(request, device)
            return _recovery_codes(request, two_factor.recovery_codes_renew(actor=user))
    context = {
        "form": form,
        "next": _next(request),
        "qr": two_factor.key_qr_svg(user=user, key=key),
        "key": two_factor.key_for_typing(key),
        "required": two_factor.is_required(user),
    }
    return render(request, "two_factor/setup.html", context)


@require_POST
def passkey_added(request: HttpRequest) -> HttpResponse:
    """Where the page goes once a passkey is added, on the overview and at the set-up alike:
    the recovery codes, shown once, if the user has none (a first factor); else on to `next`."""
    user = _user(request)
    request.session.pop(PENDING_KEY, None)  # the app's key shown at the set-up, not used
    if two_factor.factors(user).recovery_codes_left == 0:
        try:
            codes = two_factor.recovery_codes_renew(actor=user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect("two_factor")
        return _recovery_codes(request, codes)
    messages.success(request, _("Nyckeln är tillagd."))
    return redirect(_next(request))


def overview(request: HttpRequest) -> HttpResponse:
    """The user's own second factor: the app, the passkeys, the recovery codes left, what to
    do."""
    return _overview(request)


def _overview(
    request: HttpRequest,
    *,
    form: ProofForm | None = None,
    failed: PasskeyRow | None = None,
) -> HttpResponse:
    """The page, with a form that was refused (status 400) in place of its blank one."""
    user = _user(request)
    factors = two_factor.factors(user)
    rows = [
        failed
        if failed is not None and failed.passkey.pk == passkey.pk
        else _passkey_row(user, passkey)
        for passkey in factors.passkeys
    ]
    context = {
        "factors": factors,
        "required": two_factor.is_required(user),
        "form": form or ProofForm(user),
        "passkeys": rows,
        "next": reverse("two_factor"),
    }
    status = 200 if form is None and failed is None else 400
    return render(request, "two_factor/overview.html", context, status=status)


def _passkey_auto_id(pk: int) -> str:
    """The ids of a passkey's forms, apart from the other passkeys' on the same page."""
    return f"id_passkey_{pk}_%s"


def _passkey_row(
    user: User,
    passkey: WebAuthnCredential,
    *,
    rename: PasskeyNameForm | None = None,
    remove: ProofForm | None = None,
) -> PasskeyRow:
    auto_id = _passkey_auto_id(passkey.pk)
    return PasskeyRow(
        passkey=passkey,
        rename=rename or PasskeyNameForm(initial={"name": passkey.name}, auto_id=auto_id),
        remove=remove or ProofForm(user, auto_id=auto_id),
    )


@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    try:
        codes = two_factor.recovery_codes_renew(actor=_user(request))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("two_factor")
    return _recovery_codes(request, codes)


def _recovery_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    return render(
        request, "two_factor/recovery_codes.html", {"codes": codes, "next": _next(request)}
    )


@require_POST
def remove(request: HttpRequest) -> HttpResponse:
    """The app removed (and the recovery codes, unless a passkey remains), on a fresh code."""
    user = _user(request)
    form = ProofForm(user, request.POST)
    if form.is_valid():
        try:
            two_factor.authenticator_remove(actor=user, proof=form.cleaned_data["proof"])
        except ValidationError as refusal:
            form.add_error("proof", refusal)
        else:
            messages.success(request, _("Autentiseringsappen är borttagen."))
            return redirect("two_factor")
    return _overview(request, form=form)


def _own_passkey(user: User, pk: int) -> WebAuthnCredential:
    """The signed-in user's passkey; another user's is not found."""
    return get_object_or_404(two_factor.passkeys_of(user), pk=pk)


@require_POST
def passkey_rename(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    passkey = _own_passkey(user, pk)
    form = PasskeyNameForm(request.POST, auto_id=_passkey_auto_id(pk))
    if form.is_valid():
        try:
            two_factor.passkey_rename(actor=user, passkey=passkey, name=form.cleaned_data["name"])
        except ValidationError as refusal:
            form.add_error("name", refusal)
        else:
            messages.success(request, _("Nyckeln heter nu %(name)s.") % {"name": passkey.name})
            return redirect("two_factor")
    return _overview(request, failed=_passkey_row(user, passkey, rename=form))


@require_POST
def passkey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """A passkey removed, on a fresh proof. The session stays signed in with the device whose
    code was the proof if it had shown the passkey removed."""
    user = _user(request)
    passkey = _own_passkey(user, pk)
    form = ProofForm(user, request.POST, auto_id=_passkey_auto_id(pk))
    if form.is_valid():
        shown_with_it = getattr(user, "otp_device", None) == passkey
        try:
            device = two_factor.passkey_remove(
                actor=user, passkey=passkey, proof=form.cleaned_data["proof"]
            )
        except ValidationError as refusal:
            form.add_error("proof", refusal)
        else:
            if shown_with_it and device is not None:
                django_otp.login(request, device)
            messages.success(request, _("Nyckeln är borttagen."))
            return redirect("two_factor")
    return _overview(request, failed=_passkey_row(user, passkey, remove=form))
