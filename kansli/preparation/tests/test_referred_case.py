"""A case that comes from another committee is ready only with that committee's statement and
the financing of the proposals (seed 000)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.organisation.models import Organization, Person
from kansli.preparation import selectors, services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case


def test_the_committees_statement_and_the_financing_complete_it(
    case: Case, officer: User, rapporteur: Person, committee: Organization
) -> None:
    services.preparation_plan(actor=officer, case=case, route=None, referred_from=committee)
    services.report_save(
        actor=officer,
        case=case,
        text="Socialnämnden föreslår ett nytt boende.",
        clauses=["att bygga boendet"],
        rapporteur=rapporteur,
    )
    missing = [m.key for m in selectors.case_readiness(case=case).missing]
    assert missing == ["statement", "financing"]
    with pytest.raises(ValidationError):
        services.status_change(actor=officer, case=case, status=Preparation.Status.READY)

    services.statement_add(
        actor=officer,
        case=case,
        organization=committee,
        received_on=datetime.date(2026, 2, 1),
        summary="Nämnden tillstyrker.",
    )
    services.report_save(
        actor=officer,
        case=case,
        text="Socialnämnden föreslår ett nytt boende.",
        clauses=["att bygga boendet"],
        financing="Inom ram för 2027.",
        rapporteur=rapporteur,
    )

    assert selectors.case_readiness(case=case).ready
    services.status_change(actor=officer, case=case, status=Preparation.Status.READY)


def test_only_a_committee_refers_a_case(
    case: Case, officer: User, subcommittee: Organization
) -> None:
    with pytest.raises(ValidationError, match="kan bara komma från en nämnd"):
        services.preparation_plan(actor=officer, case=case, route=None, referred_from=subcommittee)
