"""The postlista as RSS 2.0 and Atom (Django's syndication framework): the documents a body
registered in the last weeks, the latest first.

A feed is shared and cached by its readers, so it always reads as the anonymous public through
the registry's visibility function (`kansli.registry.visibility.document_view`), whoever
fetches it: a secret document's masked fields stay masked, a private person's name reads as
the postlista shows it, and no file is linked.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kansli.organisation.models import Body
from kansli.registry import selectors
from kansli.registry.visibility import DocumentView

# The documents registered in this many days up to today, at most LIMIT of them.
DAYS = 30
LIMIT = 100


def public(feed: Feed) -> Callable[..., HttpResponse]:
    """The feed as a view anyone may fetch (LoginRequiredMiddleware is on)."""

    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return feed(request, **kwargs)

    return login_not_required(view)


class RegistryListFeed(Feed):
    def get_object(self, request: HttpRequest, body: str) -> Body:
        return get_object_or_404(Body, slug=body)

    def title(self, obj: Body) -> str:
        return _("Postlista, %(body)s") % {"body": obj.name}

    def link(self, obj: Body) -> str:
        return reverse("registry:registry_list", args=[obj.slug])

    def description(self, obj: Body) -> str:
        return _("Handlingar registrerade hos %(body)s de senaste %(days)s dagarna.") % {
            "body": obj.name,
            "days": DAYS,
        }

    def items(self, obj: Body) -> list[DocumentView]:
        end = timezone.localdate()
        start = end - datetime.timedelta(days=DAYS - 1)
        documents = selectors.registry_list(body=obj, start=start, end=end).reverse()[:LIMIT]
        return selectors.document_views(user=AnonymousUser(), documents=documents)

    def item_title(self, item: DocumentView) -> str:
        return f"{item.document.number} {item.description}"

    def item_description(self, item: DocumentView) -> str:
        return "\n".join(
            [
                _("Ärende: %(number)s %(title)s")
                % {"number": item.case.case.number, "title": item.case.title},
                _("Riktning: %(direction)s") % {"direction": item.document.get_direction_display()},
                _("Avsändare/mottagare: %(counterpart)s") % {"counterpart": item.counterpart},
                _("Datum: %(date)s") % {"date": f"{item.document.date:%Y-%m-%d}"},
            ]
            + (
                [_("Sekretess: %(reference)s") % {"reference": item.document.secrecy_reference}]
                if item.document.secrecy_reference
                else []
            )
        )

    def item_link(self, item: DocumentView) -> str:
        body = item.case.case.organization.body.slug
        day = timezone.localdate(item.document.registered_at)
        return f"{reverse('registry:registry_list', args=[body])}?datum={day:%Y-%m-%d}&period=dag"

    def item_guid(self, item: DocumentView) -> str:
        body = item.case.case.organization.body.slug
        return f"{reverse('registry:registry_list', args=[body])}#{item.document.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: DocumentView) -> datetime.datetime:
        return item.document.registered_at

    def item_updateddate(self, item: DocumentView) -> datetime.datetime:
        return item.document.registered_at


class RegistryListAtomFeed(RegistryListFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Body) -> str:
        return self.description(obj)
