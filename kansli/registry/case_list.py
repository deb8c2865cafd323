"""The list of a body's cases, newest first, a page at a time by keyset.

A page starts after the last case of the page before (`after`: its id), not at an offset, so
fetching a page costs the same on the thousandth page as on the first and whatever the size
of the registry: the database walks the primary key index from that id and stops after one
page.
"""

from dataclasses import dataclass

from django.db.models import Count

from kansli.organisation.models import Body, Organization, Person
from kansli.registry.models import Case, Document
from kansli.registry.selectors import organs_of
from kansli.registry.visibility import CaseView, User, case_view

PAGE_SIZE = 25


@dataclass(frozen=True)
class CasePage:
    rows: list[tuple[CaseView, int]]  # each case as the user may see it, with its documents
    next_after: int | None  # the `after` of the next page, None on the last


def case_page(
    *,
    user: User,
    body: Body,
    after: int | None = None,
    organization: Organization | None = None,
    status: str = "",
    officer: Person | None = None,
    size: int = PAGE_SIZE,
) -> CasePage:
    """A page of the body's cases, newest first, starting after the case with id `after`."""
    cases = Case.objects.filter(organization_id__in=organs_of(body=body))
    if organization is not None:
        cases = cases.filter(organization=organization)
    if status:
        cases = cases.filter(status=status)
    if officer is not None:
        cases = cases.filter(case_officer=officer)
    if after is not None:
        cases = cases.filter(pk__lt=after)
    cases = cases.select_related("organization__body", "case_officer", "plan_class")
    found = list(cases.order_by("-pk")[: size + 1])
    page = found[:size]
    # Counted for the page's cases only, in a query of their own, so that the count does not
    # make the database group the whole table before it can stop after one page.
    counts = dict(
        Document.objects.filter(case__in=page)
        .values("case")
        .annotate(count=Count("pk"))
        .values_list("case", "count")
    )
    return CasePage(
        rows=[(case_view(user, case), counts.get(case.pk, 0)) for case in page],
        next_after=page[-1].pk if len(found) > size else None,
    )
