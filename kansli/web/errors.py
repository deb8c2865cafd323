"""The error pages: Swedish, in the site's layout, and the API's error body under /api/.

Django renders 400.html, 403.html (with the refusal's reason as `exception`) and 404.html
itself; these handlers only answer the API's clients in JSON, where a page would be no use,
and give a failed CSRF check a Swedish page of its own.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from kansli.api import error_response

API_PREFIX = "/api/"


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: an address that leads nowhere, in the site or in the API."""
    if request.path.startswith(API_PREFIX):
        return error_response(request, 404, _("Adressen finns inte i API:t."))
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the page renders without the request's context, as Django's does, since
    whatever failed may fail again."""
    if request.path.startswith(API_PREFIX):
        return error_response(
            request, 500, _("Ett oväntat fel inträffade. Felet är loggat."), code="server_error"
        )
    return defaults.server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Django's reason is English and technical, so the page says what
    the user can do instead."""
    return render(request, "403_csrf.html", status=403)
