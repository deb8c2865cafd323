"""Signing in and out: Django's own views, with the Swedish sign-in form and pages."""

from django.contrib.auth import views as auth_views
from django.urls import path

from kansli.accounts.forms import SignInForm

urlpatterns = [
    path(
        "logga-in/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
]
