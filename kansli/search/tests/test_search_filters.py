"""Search results narrowed by organization, year, classification, status, dates and
direction."""

import datetime
from collections.abc import Callable

from kansli.accounts.models import User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.search.selectors import SearchFilters, search


def found(user: User, **filters: object) -> set[str]:
    results = search(user=user, query="budget", filters=SearchFilters(**filters))
    return {hit.view.document.number for hit in results.hits}


def test_each_filter_narrows_the_hits(
    body: Body,
    board: Organization,
    case: Case,
    officer: User,
    register: Callable[..., Document],
) -> None:
    committee = organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COMMITTEE, slug="sn", name="Socialnämnden"
    )
    later = registry.case_open(
        actor=None,
        organization=committee,
        title="Socialnämndens budget",
        classification="2.1",
        opened_on=datetime.date(2027, 2, 1),
    )
    letter = register(case, "Synpunkter på budgeten")
    reply = register(
        case,
        "Svar om budgeten",
        direction=Document.Direction.OUTGOING,
        date=datetime.date(2026, 3, 2),
    )
    other = register(later, "Budgetunderlag", date=datetime.date(2027, 2, 3))
    registry.case_close(actor=None, case=later, closed_on=datetime.date(2027, 3, 1))
    everything = {letter.number, reply.number, other.number}

    assert found(officer) == everything
    assert found(officer, body=body) == everything
    assert found(officer, organization=committee) == {other.number}
    assert found(officer, year=2026) == {letter.number, reply.number}
    assert found(officer, classification="1.2") == {letter.number, reply.number}
    assert found(officer, classification="1.2.3") == {letter.number, reply.number}
    assert found(officer, classification="2") == {other.number}
    assert found(officer, status=Case.Status.CLOSED) == {other.number}
    assert found(officer, direction=Document.Direction.OUTGOING) == {reply.number}
    assert found(officer, date_from=datetime.date(2026, 3, 1)) == {reply.number, other.number}
    assert found(officer, date_to=datetime.date(2026, 3, 1)) == {letter.number}


def test_results_come_a_page_at_a_time(
    case: Case, officer: User, register: Callable[..., Document]
) -> None:
    for n in range(5):
        register(case, f"Budget del {n}")

    first = search(user=officer, query="budget", per_page=2)
    last = search(user=officer, query="budget", per_page=2, page=3)

    assert (first.total, first.pages, len(first.hits), first.has_next) == (5, 3, 2, True)
    assert (len(last.hits), last.has_next, last.has_previous) == (1, False, True)
