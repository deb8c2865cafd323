"""The pages of the second factor (kansli.accounts.two_factor): giving a code (or using a
passkey) after the password, setting an authenticator app up, the user's own page with its
recovery codes and passkeys, and removing the app. Each acts on the signed-in user's own
account only."""

from typing import Any

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp_webauthn.views import CompleteCredentialAuthenticationView

from kansli.accounts import two_factor
from kansli.accounts.models import User

# The key of the app being set up, kept in the session until a code made from it is shown.
PENDING_KEY = "kansli_second_factor_key"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}),
    )


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
    then the recovery codes, shown once."""
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


def overview(request: HttpRequest) -> HttpResponse:
    """The user's own second factor: the app, the recovery codes left, what to do."""
    return _overview(request, CodeForm())


def _overview(request: HttpRequest, form: CodeForm, status: int = 200) -> HttpResponse:
    user = _user(request)
    context = {
        "factors": two_factor.factors(user),
        "required": two_factor.is_required(user),
        "form": form,
    }
    return render(request, "two_factor/overview.html", context, status=status)


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
    """The app and the recovery codes removed, on a fresh code."""
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            two_factor.authenticator_remove(actor=_user(request), code=form.cleaned_data["code"])
        except ValidationError as refusal:
            form.add_error("code", refusal)
        else:
            messages.success(request, _("Autentiseringsappen och reservkoderna är borttagna."))
            return redirect("two_factor")
    return _overview(request, form, status=400)
