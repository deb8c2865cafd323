"""What the public portal shows of a body.

Everything is read as the anonymous public reads it, whoever asks: the registry's entries and
case titles through the registry's one visibility function (`kansli.registry.visibility`), a
meeting's agenda only once it is called (`kansli.meetings.policy.PUBLISHED`), and no file but
the public packet and the approved minutes, which the meetings' own public pages serve. A
signed-in official who opens the portal sees what the public sees, so what the portal shows is
the same to everyone.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from kansli.governance.models import GoverningDocument
from kansli.meetings import selectors as meetings
from kansli.meetings.models import Meeting, Notice, Posting
from kansli.organisation.models import Body, Membership, Organization
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.registry import selectors as registry
from kansli.registry.visibility import DocumentView
from kansli.search.selectors import SearchFilters, SearchResults, search

# The public: the one reader of everything the portal shows.
PUBLIC = AnonymousUser()
# How many of each the body's portal page shows before linking to the whole list.
SHOWN = 5
# The postlista's days the portal page looks back over.
POSTLISTA_DAYS = 7


@dataclass(frozen=True)
class Overview:
    """A body's portal page: a little of each public part, newest or soonest first."""

    body: Body
    notices: list[Notice]
    postings: list[Posting]
    postings_count: int
    coming: list[Meeting]
    approved: list[Meeting]
    entries: list[DocumentView]
    entries_since: datetime.date
    documents_count: int
    organs: list[Organization]


def overview(*, body: Body, on: datetime.date) -> Overview:
    notices = meetings.current_notices(body=body, on=on)
    postings = meetings.current_postings(body=body, on=on)
    since = on - datetime.timedelta(days=POSTLISTA_DAYS - 1)
    recent = registry.registry_list(body=body, start=since, end=on).reverse()[:SHOWN]
    return Overview(
        body=body,
        notices=list(notices[:SHOWN]),
        postings=list(postings[:SHOWN]),
        postings_count=notices.count() + postings.count(),
        coming=list(meetings.coming_meetings(body=body, on=on)[:SHOWN]),
        approved=list(meetings.approved_meetings(body=body)[:SHOWN]),
        entries=registry.document_views(user=PUBLIC, documents=recent),
        entries_since=since,
        documents_count=documents_in_force(body=body, on=on).count(),
        organs=list(political_organs(body=body, on=on)),
    )


def documents_in_force(*, body: Body, on: datetime.date) -> QuerySet[GoverningDocument]:
    """The body's governing documents meant for the public (`external`) and in force on the
    date: valid from a day not after it (or undated) and not ended before it, by name."""
    return (
        GoverningDocument.objects.filter(body=body, external=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .select_related("adopted_by")
        .order_by("name", "pk")
    )


def political_organs(*, body: Body, on: datetime.date) -> QuerySet[Organization]:
    """The body's elected organs (fullmäktige, styrelse, nämnder, utskott …) not dissolved on
    the date, in the organisation's order."""
    return (
        Organization.objects.filter(body=body, kind__in=Organization.POLITICAL_KINDS)
        .exclude(dissolved_on__lte=on)
        .order_by("position", "name", "pk")
    )


@dataclass(frozen=True)
class Organ:
    """An elected organ with its members and substitutes on a date."""

    organization: Organization
    members: list[Membership]
    substitutes: list[Membership]


def organs_with_members(*, body: Body, on: datetime.date) -> list[Organ]:
    return [
        Organ(
            organization=organization,
            members=list(members_on(organization=organization, on=on)),
            substitutes=list(substitutes_on(organization=organization, on=on)),
        )
        for organization in political_organs(body=body, on=on)
    ]


def public_search(*, body: Body, query: str, page: int = 1) -> SearchResults:
    """The body's registry searched as the public may: in the open text of its entries only
    (what the postlista shows), each hit through the visibility function."""
    return search(user=PUBLIC, query=query, filters=SearchFilters(body=body), page=page)
