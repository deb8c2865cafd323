"""Signing in and out: Django's own views, with the Swedish sign-in form and pages; the second
factor's pages under the sign-in's path (kansli.accounts.two_factor_views)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from kansli.accounts import two_factor_views
from kansli.accounts.forms import SignInForm

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
]
