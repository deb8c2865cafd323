"""The language of a request: Swedish, unless the visitor chose another with the switch."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
