"""What an export to the e-archive takes: a body's closed cases, closed before a day."""

import datetime

from django.db.models import Prefetch, QuerySet

from kansli.bounds import require_year_in_bounds
from kansli.organisation.models import Body
from kansli.registry.models import Case, Document


def cases_to_export(*, body: Body, closed_before: datetime.date) -> QuerySet[Case]:
    """The body's cases closed before the day (not on it), the first closed first, with their
    documents in number order and the documents' files, in a few queries. A ValidationError on
    `closed_before` for a year out of bounds (`kansli.bounds`)."""
    require_year_in_bounds(closed_before, field="closed_before")
    documents = Document.objects.select_related("case_officer").prefetch_related("files")
    return (
        Case.objects.filter(
            organization__body=body, status=Case.Status.CLOSED, closed_on__lt=closed_before
        )
        .select_related("organization__body", "case_officer")
        .prefetch_related(Prefetch("documents", queryset=documents.order_by("sequence")))
        .order_by("closed_on", "id")
    )
