"""The language of a request: Swedish, unless the visitor chose another with the switch."""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

P = ParamSpec("P")
R = TypeVar("R")


def request_language(request: HttpRequest) -> str:
    """The language the language switch's cookie names, if Kansli has it; else Swedish.

    The browser's Accept-Language is not asked: many Swedish officials run an English browser
    and should still read Swedish, the language of the municipality's records."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class CookieLocaleMiddleware:
    """Django's LocaleMiddleware without URL prefixes and without Accept-Language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request_language(request)
        request.LANGUAGE_CODE = language
        # The thread goes back to what it spoke before: tests run many requests on one thread.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


def in_records_language(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function in the language of the records, Swedish: what it writes is kept (a
    title, a description) or sent to others (an e-mail), whatever language the user who caused
    it reads."""

    @functools.wraps(function)
    def in_swedish(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return in_swedish
