"""A case officer writes the report with a resolution clause and a rapporteur; only then may
the case be set ready for an agenda, and the change is kept in its history."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Person
from kansli.preparation import selectors, services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case


def write_report(case: Case, officer: User, rapporteur: Person | None) -> Preparation:
    return services.report_save(
        actor=officer,
        case=case,
        text="Instruktionen behöver ses över efter omorganisationen.",
        clauses=["att anta instruktionen", "", "att upphäva den tidigare instruktionen"],
        economic_consequences="Inga.",
        rapporteur=rapporteur,
    )


def test_a_written_report_makes_the_case_ready(
    case: Case, officer: User, rapporteur: Person
) -> None:
    preparation = write_report(case, officer, rapporteur)

    services.status_change(actor=officer, case=case, status=Preparation.Status.READY)

    preparation.refresh_from_db()
    assert preparation.status == Preparation.Status.READY
    assert [c.text for c in preparation.clauses.all()] == [
        "att anta instruktionen",
        "att upphäva den tidigare instruktionen",
    ]
    history = [(c.actor, c.from_status, c.to_status) for c in selectors.status_history(case=case)]
    assert history == [(officer, "", "preparing"), (officer, "preparing", "ready")]


def test_without_a_rapporteur_the_case_is_not_set_ready(case: Case, officer: User) -> None:
    write_report(case, officer, None)

    with pytest.raises(ValidationError) as refused:
        services.status_change(actor=officer, case=case, status=Preparation.Status.READY)

    assert refused.value.messages[0].startswith("Föredragande saknas")
    assert Preparation.objects.get(case=case).status == Preparation.Status.PREPARING


def test_rewriting_the_clauses_replaces_them_and_is_audited(
    case: Case, officer: User, rapporteur: Person
) -> None:
    write_report(case, officer, rapporteur)

    services.report_save(
        actor=officer, case=case, text="Ny text.", clauses=["att anta den nya instruktionen"]
    )

    preparation = Preparation.objects.get(case=case)
    assert [c.text for c in preparation.clauses.all()] == ["att anta den nya instruktionen"]
    assert Event.objects.filter(action="resolutionclause.delete").count() == 2
    assert preparation.rapporteur is None
