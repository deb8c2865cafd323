"""Signing in and out: Django's own views, with the Swedish sign-in form and pages; the second
factor's pages under the sign-in's path (kansli.accounts.two_factor_views), and the passkeys'
ceremonies of django-otp-webauthn, under the names its template tags look for."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as passkeys

from kansli.accounts import two_factor_views
from kansli.accounts.forms import SignInForm

passkey_urlpatterns = [
    path(
        "registrera/start/",
        passkeys.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registrera/klar/",
        two_factor_views.PasskeyRegister.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "logga-in/start/",
        passkeys.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "logga-in/klar/",
        two_factor_views.PasskeyVerify.as_view(),
        name="credential-authentication-complete",
    ),
    # The scripts' texts: the package's, in Swedish from Kansli's own catalogue.
    path(
        "texter.js",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn", "kansli.accounts"]),
        name="js-i18n-catalog",
    ),
]

urlpatterns = [
    path(
        "logga-in/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("logga-in/kod/", two_factor_views.verify, name="two_factor_verify"),
    path("logga-in/tva-faktorer/", two_factor_views.overview, name="two_factor"),
    path("logga-in/tva-faktorer/app/", two_factor_views.setup, name="two_factor_setup"),
    path(
        "logga-in/tva-faktorer/reservkoder/",
        two_factor_views.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("logga-in/tva-faktorer/ta-bort/", two_factor_views.remove, name="two_factor_remove"),
    path(
        "logga-in/tva-faktorer/nycklar/tillagd/",
        two_factor_views.passkey_added,
        name="two_factor_passkey_added",
    ),
    path(
        "logga-in/tva-faktorer/nycklar/<int:pk>/namn/",
        two_factor_views.passkey_rename,
        name="two_factor_passkey_rename",
    ),
    path(
        "logga-in/tva-faktorer/nycklar/<int:pk>/ta-bort/",
        two_factor_views.passkey_remove,
        name="two_factor_passkey_remove",
    ),
    path("logga-in/nyckel/", include((passkey_urlpatterns, "otp_webauthn"))),
]
