"""RSS 2.0 and Atom feeds of the public side of meetings (Django's syndication framework): the
official notice board of a body, and the meetings of each political organ.

A feed is a path to the public like any page: it reads as the anonymous user whoever fetches
it (a feed is cached and shared by readers), so an agenda item of a secret case reads with its
title masked as the registry's visibility masks it, and nothing comes from the secretary's
side. The iCalendar feeds are `kansli.meetings.calendar`'s.
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

from kansli.meetings import selectors
from kansli.meetings.models import Meeting, Notice, Posting
from kansli.meetings.policy import PUBLISHED, item_title
from kansli.organisation.models import Body, Organization

# How many entries a feed carries: the latest, enough for a reader that polls daily.
LIMIT = 50


def public(feed: Feed) -> Callable[..., HttpResponse]:
    """The feed as a view anyone may fetch (LoginRequiredMiddleware is on)."""

    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return feed(request, **kwargs)

    return login_not_required(view)


def _start_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


# The notice board


class BoardFeed(Feed):
    """What was posted on the body's notice board, the latest first: the approval of minutes
    (KL 8 kap. 12 §), the council's announcements (KL 5 kap. 11 §) and other notices."""

    def get_object(self, request: HttpRequest, body: str) -> Body:
        return get_object_or_404(Body, slug=body)

    def title(self, obj: Body) -> str:
        return _("Anslagstavla, %(body)s") % {"body": obj.name}

    def link(self, obj: Body) -> str:
        return reverse("meetings:posting_board", args=[obj.slug])

    def description(self, obj: Body) -> str:
        return _("Tillkännagivanden på den officiella anslagstavlan för %(body)s.") % {
            "body": obj.name
        }

    def items(self, obj: Body) -> list[Posting | Notice]:
        return selectors.board_feed_entries(body=obj, on=timezone.localdate(), limit=LIMIT)

    def item_title(self, item: Posting | Notice) -> str:
        if isinstance(item, Notice):
            return item.title
        words = {
            "organization": item.meeting.organization.name,
            "date": f"{selectors.meeting_day(item.meeting):%Y-%m-%d}",
        }
        if item.item is not None:
            words["number"] = str(item.item.minute_number)
            return _("Protokollsparagraf § %(number)s justerad: %(organization)s %(date)s") % words
        return _("Protokoll justerat: %(organization)s %(date)s") % words

    def item_description(self, item: Posting | Notice) -> str:
        if isinstance(item, Notice):
            return item.content  # the notice as it was posted, escaped when it was rendered
        return _(
            "Justerat %(approved)s, anslaget %(posted)s. Sista dag att överklaga är %(last)s; "
            "tillkännagivandet tas ned %(down)s. Protokollet förvaras: %(kept)s."
        ) % {
            "approved": f"{item.approved_on:%Y-%m-%d}",
            "posted": f"{item.posted_on:%Y-%m-%d}",
            "last": f"{item.last_appeal_day:%Y-%m-%d}",
            "down": f"{item.taken_down_on:%Y-%m-%d}",
            "kept": item.minutes_kept_at,
        }

    def item_link(self, item: Posting | Notice) -> str:
        if isinstance(item, Notice):
            return reverse("meetings:notice_detail", args=[item.body.slug, item.pk])
        body = item.meeting.organization.body
        return reverse("meetings:posting_board", args=[body.slug]) + f"#anslag-{item.pk}"

    def item_guid(self, item: Posting | Notice) -> str:
        kind = "notice" if isinstance(item, Notice) else "posting"
        return f"{self.item_link(item)}#{kind}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Posting | Notice) -> datetime.datetime:
        return _start_of(item.posted_on)

    def item_updateddate(self, item: Posting | Notice) -> datetime.datetime:
        return _start_of(item.posted_on)


class BoardAtomFeed(BoardFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Body) -> str:
        return self.description(obj)


# The meetings of an organ


class MeetingsFeed(Feed):
    """The meetings of a political organ, the latest planned first: time, place and status,
    and once the meeting is called its agenda as the public reads it."""

    def get_object(self, request: HttpRequest, body: str, organization: str) -> Organization:
        return get_object_or_404(
            Organization.objects.select_related("body"),
            body__slug=body,
            slug=organization,
            kind__in=Organization.POLITICAL_KINDS,
        )

    def title(self, obj: Organization) -> str:
        return _("Sammanträden: %(organization)s, %(body)s") % {
            "organization": obj.name,
            "body": obj.body.name,
        }

    def link(self, obj: Organization) -> str:
        return reverse("meetings:public_calendar", args=[obj.body.slug])

    def description(self, obj: Organization) -> str:
        return _("Planerade, kallade och hållna sammanträden med %(organization)s.") % {
            "organization": obj.name
        }

    def items(self, obj: Organization) -> list[Meeting]:
        return list(
            Meeting.objects.filter(organization=obj)
            .select_related("organization__body")
            .order_by("-starts_at", "-pk")[:LIMIT]
        )

    def item_title(self, item: Meeting) -> str:
        when = timezone.localtime(item.starts_at)
        title = _("%(organization)s %(date)s klockan %(time)s") % {
            "organization": item.organization.name,
            "date": f"{when:%Y-%m-%d}",
            "time": f"{when:%H:%M}",
        }
        if item.status == Meeting.Status.CANCELLED:
            return _("Inställt: %(title)s") % {"title": title}
        return title

    def item_description(self, item: Meeting) -> str:
        lines = [
            _("Plats: %(place)s") % {"place": item.place or _("meddelas senare")},
            _("Status: %(status)s") % {"status": item.get_status_display()},
        ]
        if item.status in PUBLISHED:
            anonymous = AnonymousUser()
            titles = [item_title(anonymous, agenda_item)[0] for agenda_item in _agenda(item)]
            lines += [
                _("Ärenden:"),
                *(f"{number}. {title}" for number, title in enumerate(titles, 1)),
            ]
        return "\n".join(lines)

    def item_link(self, item: Meeting) -> str:
        body = item.organization.body.slug
        if item.status in PUBLISHED:
            return reverse("meetings:public_agenda", args=[body, item.pk])
        return reverse("meetings:public_calendar", args=[body]) + f"#sammantrade-{item.pk}"

    def item_guid(self, item: Meeting) -> str:
        return f"{reverse('meetings:public_agenda', args=[item.organization.body.slug, item.pk])}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Meeting) -> datetime.datetime:
        return item.notice_sent_at or item.starts_at

    def item_updateddate(self, item: Meeting) -> datetime.datetime:
        stamps = [item.notice_sent_at, item.opened_at, item.closed_at, item.approved_at]
        stamps.append(item.cancelled_at)
        return max((stamp for stamp in stamps if stamp is not None), default=item.starts_at)


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Organization) -> str:
        return self.description(obj)


def _agenda(meeting: Meeting) -> Any:
    return meeting.items.select_related("case__organization").order_by("position")
