"""Has this letter been registered already? Documents of the body from the same sender, with a
description much like it, registered in the last 30 days: the registrar is warned and confirms.

Only a document of the same direction can be the same letter: the reply to an incoming letter
goes out to its sender, about the same thing, and is no duplicate of it.
"""

import datetime
from difflib import SequenceMatcher

from django.db.models import QuerySet
from django.utils import timezone

from kansli.organisation.models import Body
from kansli.registry.models import Document

WITHIN_DAYS = 30
# How alike two descriptions must be (difflib's ratio, 0 to 1) to be taken for the same.
SIMILAR = 0.6


def _alike(first: str, second: str) -> bool:
    return SequenceMatcher(None, first.casefold(), second.casefold()).ratio() >= SIMILAR


def possible_duplicates(
    *,
    body: Body,
    counterpart: str,
    description: str,
    direction: str,
    now: datetime.datetime | None = None,
) -> list[Document]:
    """The body's documents of the direction, from or to `counterpart`, in the last 30 days
    whose description is alike."""
    since = (now or timezone.now()) - datetime.timedelta(days=WITHIN_DAYS)
    same_sender: QuerySet[Document] = Document.objects.filter(
        case__organization__body=body,
        counterpart__iexact=counterpart.strip(),
        direction=direction,
        registered_at__gte=since,
    ).select_related("case__organization__body", "case_officer")
    return [d for d in same_sender.order_by("-registered_at") if _alike(d.description, description)]
