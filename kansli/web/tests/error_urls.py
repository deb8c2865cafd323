"""The site's URLs and a few that fail on purpose, for the error page tests."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import RequestContext, Template
from django.urls import path

from kansli.urls import handler404, handler500
from kansli.urls import urlpatterns as site
from kansli.web.forms import form_written

REASON = "Bara registratorer hos Vänersborgs kommun registrerar handlingar."


def refused(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied(REASON)


def refused_without_reason(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("trasig")


class NoteForm(forms.Form):
    rubrik = forms.CharField(label="Rubrik")


def register(data: dict) -> None:
    raise PermissionDenied(REASON)


PAGE = Template('{% extends "base.html" %}{% block content %}{{ form }}{% endblock %}')


def note(request: HttpRequest) -> HttpResponse:
    form = NoteForm(request.POST)
    written = form_written(form, register, done=redirect("web:home"))
    page = PAGE.render(RequestContext(request, {"form": form}))
    return written.response or HttpResponse(page, status=written.status)


urlpatterns = [
    path("test/nekad/", refused),
    path("test/nekad-utan-skal/", refused_without_reason),
    path("test/trasig/", broken),
    path("test/anteckning/", note),
    *site,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
