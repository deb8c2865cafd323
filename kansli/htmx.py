"""The request as django-htmx's middleware leaves it, for the type checker.

A view or middleware that reads `request.htmx` takes an `HtmxHttpRequest`, as django-htmx
documents: `HtmxMiddleware` (in MIDDLEWARE before every view and the session limits) sets
`htmx` on every request.
"""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
