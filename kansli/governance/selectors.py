"""Reading governing documents: lists, the review list, sections by key."""

import datetime

from django.db.models import F, Q, QuerySet

from kansli.governance.models import DocumentVersion, GoverningDocument, Section
from kansli.organisation.models import Body


def document_list(*, body: Body) -> QuerySet[GoverningDocument]:
    """The body's governing documents by name, with who adopted and who owns each."""
    return (
        GoverningDocument.objects.filter(body=body)
        .select_related("adopted_by", "owner")
        .order_by("name", "pk")
    )


def documents_past_review(*, body: Body, on: datetime.date) -> QuerySet[GoverningDocument]:
    """Documents whose review date lies before the date, the longest overdue first."""
    return document_list(body=body).filter(review_by__lt=on).order_by("review_by", "name", "pk")


def instruction_in_force(*, body: Body, on: datetime.date) -> GoverningDocument | None:
    """The body's instruction in force on the date (the director's instruction), the latest
    begun if several are; None when the body has none."""
    return (
        GoverningDocument.objects.filter(body=body, kind=GoverningDocument.Kind.INSTRUCTION)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .order_by(F("valid_from").desc(nulls_last=True), "-pk")
        .first()
    )


def section_by_key(
    *, document: GoverningDocument, key: str, version: DocumentVersion | None = None
) -> Section | None:
    """The section "5.2.3" (or "5.2.3.", or "arbetsgivaransvar") of a version of the document.

    Without a version, the current one. None when the document has no such section.
    """
    version = version or document.current_version
    if version is None:
        return None
    return Section.objects.filter(
        version=version, version__document=document, key=key.strip().rstrip(".")
    ).first()
