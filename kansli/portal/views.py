"""The public portal's pages: the start page of every body and each body's portal, with its
approved minutes, its governing documents in force, its elected organs and a search of its
public registry. Open to everyone; what they show is what the public sees
(`kansli.portal.selectors`)."""

import datetime
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from kansli.audit.selectors import chain_head
from kansli.meetings import selectors as meetings
from kansli.meetings.policy import PUBLISHED
from kansli.organisation.models import Body
from kansli.portal import selectors
from kansli.portal.forms import PublicSearchForm, YearForm

# The public's start pages are rendered once and kept in the cache (Redis in production) for
# every anonymous visitor: until the next audited write (a new record moves the event log's
# head, which is part of the key, so it shows at the next request), and for at most this many
# seconds, for what changes with the clock alone (a notice's last day, a meeting begun). A
# signed-in user's pages name them and are never kept.
PUBLIC_PAGE_SECONDS = 60
# Stands for the visitor's CSRF token (the language switch's form) in a kept page: each answer
# gets the token of its own visitor.
_CSRF_SLOT = "kansli-csrf-token-of-the-visitor"


def _public_page(
    request: HttpRequest, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """The page rendered from the template with the context, kept for the anonymous visitor
    (`PUBLIC_PAGE_SECONDS`). A query string (the page has none of its own) is not kept: the
    page links back to its own address."""
    if request.user.is_authenticated or request.GET:
        return render(request, template, context())
    _seq, head = chain_head()
    key = f"portal:{translation.get_language()}:{request.path}:{head}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, context() | {"csrf_token": _CSRF_SLOT}, request)
        cache.set(key, html, PUBLIC_PAGE_SECONDS)
    return HttpResponse(html.replace(_CSRF_SLOT, get_token(request)))


def start(request: HttpRequest) -> HttpResponse:
    """The site's start page for the public: every body, each linking to its portal. Served
    at `/` by the shell (`kansli.web.views.home`) to the anonymous visitor."""
    return _public_page(
        request, "portal/start.html", lambda: {"bodies": Body.objects.order_by("name", "pk")}
    )


# The day the accessibility statement was last reviewed against the site, as the DOS law asks
# the statement to say; change it with the statement.
STATEMENT_REVIEWED = datetime.date(2026, 12, 4)


@login_not_required
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tillgänglighetsredogörelse) that the DOS law, lagen
    (2018:1937) om tillgänglighet till digital offentlig service, asks of every public site:
    how accessible it is, what is not yet, how to report a fault, and the supervisory
    authority."""
    context = {
        "bodies": Body.objects.order_by("name", "pk"),
        "contact": settings.KANSLI_ACCESSIBILITY_CONTACT,
        "reviewed": STATEMENT_REVIEWED,
    }
    return render(request, "portal/accessibility.html", context)


@login_not_required
@require_GET
def body_portal(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    return _public_page(
        request,
        "portal/body.html",
        lambda: {
            "body": body_,
            "overview": selectors.overview(body=body_, on=timezone.localdate()),
            "published": PUBLISHED,
        },
    )


@login_not_required
@require_GET
def search(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    form = PublicSearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = selectors.public_search(
            body=body_, query=form.cleaned_data["q"], page=form.cleaned_data["sida"] or 1
        )
    context = {
        "body": body_,
        "form": form,
        "results": results,
        "query": _query(form),
    }
    return render(request, "portal/search.html", context, status=400 if form.errors else 200)


def _query(form: PublicSearchForm) -> str:
    """The search's query string without its page, for the page links."""
    if not form.is_valid():
        return ""
    return urlencode({"q": form.cleaned_data["q"]})


@login_not_required
@require_GET
def minutes(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    form = YearForm(request.GET or None)
    year = timezone.localdate().year
    if form.is_valid() and form.cleaned_data["ar"] is not None:
        year = form.cleaned_data["ar"]
    years = sorted(
        {day.year for day in meetings.approved_meetings(body=body_).dates("starts_at", "year")}
        | {year},
        reverse=True,
    )
    context = {
        "body": body_,
        "form": form,
        "year": year,
        "years": years,
        "meetings": meetings.approved_meetings(body=body_, year=year),
    }
    return render(request, "portal/minutes.html", context, status=400 if form.errors else 200)


@login_not_required
@require_GET
def documents(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    context = {
        "body": body_,
        "today": today,
        "documents": selectors.documents_in_force(body=body_, on=today),
    }
    return render(request, "portal/documents.html", context)


@login_not_required
@require_GET
def organisation(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    context = {
        "body": body_,
        "today": today,
        "organs": selectors.organs_with_members(body=body_, on=today),
    }
    return render(request, "portal/organisation.html", context)
