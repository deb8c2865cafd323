"""A case officer's open cases, those due first, each with what it still lacks."""

import datetime

from kansli.accounts.models import User
from kansli.organisation.models import Organization, Person
from kansli.preparation import selectors, services
from kansli.registry import services as registry
from kansli.registry.models import Case


def test_due_cases_come_first_with_their_readiness(
    board: Organization, case: Case, officer: User, rapporteur: Person
) -> None:
    today = datetime.date(2026, 3, 2)
    urgent = registry.case_open(
        actor=None, organization=board, title="Budget 2027", case_officer=officer.person
    )
    services.preparation_plan(
        actor=officer, case=urgent, route=None, due_on=datetime.date(2026, 3, 1)
    )
    services.report_save(
        actor=officer, case=case, text="Text.", clauses=["att anta"], rapporteur=rapporteur
    )
    closed = registry.case_open(
        actor=None, organization=board, title="Gammalt", case_officer=officer.person
    )
    registry.case_close(actor=None, case=closed)

    rows = selectors.officer_cases(officer=officer.person, today=today)

    assert [row.case for row in rows] == [urgent, case]
    assert rows[0].overdue
    assert not rows[0].readiness.ready
    assert rows[1].readiness.ready
