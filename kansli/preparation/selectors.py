"""Reading preparation: a case's readiness, its report and history, a case officer's cases."""

import datetime
from dataclasses import dataclass

from django.db.models import DateField, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from kansli.governance.selectors import instruction_in_force
from kansli.organisation.models import Body, Person
from kansli.preparation import readiness
from kansli.preparation.models import Preparation, Statement, StatusChange
from kansli.registry.models import Case


def preparation_of(*, case: Case) -> Preparation | None:
    """The case's preparation with what its pages show, or None if it has not begun."""
    return (
        Preparation.objects.select_related(
            "route",
            "step__organization",
            "organization",
            "referred_from",
            "rapporteur",
            "report_document",
        )
        .prefetch_related(
            "clauses",
            Prefetch("statements", Statement.objects.select_related("organization", "document")),
        )
        .filter(case=case)
        .first()
    )


def preparation_rule(*, body: Body, on: datetime.date) -> str:
    """What a case's readiness cites when it has no route: the body's own instruction."""
    instruction = instruction_in_force(body=body, on=on)
    return instruction.name if instruction is not None else ""


def readiness_facts(preparation: Preparation | None, *, rule: str) -> readiness.Facts:
    """The facts the readiness check needs, from a preparation loaded by `preparation_of`;
    `rule` is the body's rule for preparation (`preparation_rule`), cited without a route."""
    if preparation is None:
        return readiness.Facts(has_report=False, clauses=0, has_rapporteur=False, source=rule)
    referrer = preparation.referred_from
    return readiness.Facts(
        has_report=preparation.has_report,
        clauses=len(preparation.clauses.all()),
        has_rapporteur=preparation.rapporteur_id is not None,
        referred_from=referrer.name if referrer else None,
        has_referrer_statement=referrer is not None
        and any(s.organization_id == referrer.pk for s in preparation.statements.all()),
        has_financing=bool(preparation.financing.strip()),
        source=preparation.route.source if preparation.route else rule,
    )


def case_readiness(*, case: Case) -> readiness.Readiness:
    """What is missing before the case may go on an agenda."""
    rule = preparation_rule(body=case.organization.body, on=timezone.localdate())
    return readiness.check(readiness_facts(preparation_of(case=case), rule=rule))


def status_history(*, case: Case) -> QuerySet[StatusChange]:
    return StatusChange.objects.filter(preparation__case=case).select_related(
        "actor", "from_step__organization", "to_step__organization"
    )


@dataclass(frozen=True)
class OfficerCase:
    """A case on a case officer's list: its preparation, when it is due, what is missing."""

    case: Case
    preparation: Preparation | None
    readiness: readiness.Readiness
    due_on: datetime.date | None
    overdue: bool


# The officer's cases, those due first (undated last), then the newest: an order the
# database keeps, so that a page of them is read by keyset (`kansli.pagination`).
OFFICER_CASES_ORDER = ("due", "-opened_on", "-pk")
UNDATED = datetime.date(9999, 12, 31)


def officer_open_cases(*, officer: Person) -> QuerySet[Case]:
    """The officer's open cases in `OFFICER_CASES_ORDER`."""
    return (
        Case.objects.filter(case_officer=officer, status=Case.Status.OPEN)
        .select_related("organization__body", "case_officer")
        .annotate(due=Coalesce("preparation__due_on", Value(UNDATED, output_field=DateField())))
        .order_by(*OFFICER_CASES_ORDER)
    )


def officer_case_rows(*, cases: list[Case], today: datetime.date) -> list[OfficerCase]:
    """The cases with their preparation and readiness, in two more queries and the order given."""
    preparations = {
        p.case_id: p
        for p in Preparation.objects.filter(case__in=[case.pk for case in cases])
        .select_related("route", "referred_from")
        .prefetch_related("clauses", "statements")
    }
    rules = {
        body.pk: preparation_rule(body=body, on=today)
        for body in {case.organization.body for case in cases}
    }
    rows = []
    for case in cases:
        preparation = preparations.get(case.pk)
        due_on = preparation.due_on if preparation else None
        rows.append(
            OfficerCase(
                case=case,
                preparation=preparation,
                readiness=readiness.check(
                    readiness_facts(preparation, rule=rules[case.organization.body_id])
                ),
                due_on=due_on,
                overdue=due_on is not None and due_on < today,
            )
        )
    return rows


def officer_cases(*, officer: Person, today: datetime.date) -> list[OfficerCase]:
    """All the officer's open cases as rows, in `OFFICER_CASES_ORDER`; the pages read a page
    at a time (`officer_open_cases`, `officer_case_rows`)."""
    return officer_case_rows(cases=list(officer_open_cases(officer=officer)), today=today)


def preparations_of(*, person: Person) -> QuerySet[Preparation]:
    """The preparations under way (not yet decided) of open cases of the person's own body in
    which the person is the case officer or the rapporteur (föredragande), the earliest due
    first (undated last)."""
    return (
        Preparation.objects.filter(case__status=Case.Status.OPEN)
        .exclude(status=Preparation.Status.DECIDED)
        .filter(case__organization__body_id=person.body_id)
        .filter(Q(case__case_officer=person) | Q(rapporteur=person))
        .select_related("case__organization__body", "case__case_officer", "organization")
        .order_by(F("due_on").asc(nulls_last=True), "-case__opened_on", "-pk")
    )
