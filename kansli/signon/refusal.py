"""The page of a refused sign-on, shared by OpenID Connect's and SAML's views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def refused(request: HttpRequest, message: str) -> HttpResponse:
    """The Swedish page of a refused sign-on (the reason is in the log, not here)."""
    return render(request, "signon/refused.html", {"message": message}, status=403)
