"""The economy against the budget: each organization's budget and outcome year to date, the
deviations past the body's threshold, and the initiatives the director owes the board about
them (seed 000, "Ekonomiskt ansvar")."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from kansli.followup.evidence import Evidence, shortfall
from kansli.followup.models import BudgetInitiative, BudgetLine, DeviationThreshold, Outcome
from kansli.meetings.models import AgendaItem
from kansli.organisation.models import Body, Organization


@dataclass(frozen=True)
class Standing:
    """One organization's budget and outcome from January through `month` (the last month with
    an outcome; 0 before the first import of the year), and whether it is past the threshold."""

    organization: Organization
    year: int
    month: int
    budget: Decimal
    outcome: Decimal
    past_threshold: bool

    @property
    def deviation(self) -> Decimal:
        """How much the outcome exceeds the budget (net cost: more is worse)."""
        return self.outcome - self.budget


def threshold_of(*, body: Body) -> DeviationThreshold | None:
    return DeviationThreshold.objects.filter(body=body).first()


def is_past(threshold: DeviationThreshold | None, budget: Decimal, outcome: Decimal) -> bool:
    """Does the outcome exceed the budget by more than the threshold: its share of the budget,
    or its amount when that is set and reached first?"""
    if threshold is None:
        return False
    limits = [abs(budget) * threshold.percent / 100]
    if threshold.amount is not None:
        limits.append(threshold.amount)
    return outcome - budget > min(limits)


def economy_standing(*, body: Body, year: int) -> list[Standing]:
    """Every organization of the body with a budget or an outcome in the year, in tree order."""
    budgets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    outcomes: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for model, into in ((BudgetLine, budgets), (Outcome, outcomes)):
        rows = model.objects.filter(organization__body=body, year=year)
        for organization_id, month, amount in rows.values_list("organization", "month", "amount"):
            into[organization_id][month] = amount
    organizations = Organization.objects.filter(pk__in={*budgets, *outcomes}).order_by(
        "position", "name"
    )
    threshold = threshold_of(body=body)
    standing = []
    for organization in organizations:
        months = outcomes[organization.pk]
        through = max(months, default=0)
        budget = sum(
            (amount for month, amount in budgets[organization.pk].items() if month <= through),
            Decimal(0),
        )
        outcome = sum(months.values(), Decimal(0))
        standing.append(
            Standing(
                organization=organization,
                year=year,
                month=through,
                budget=budget,
                outcome=outcome,
                past_threshold=through > 0 and is_past(threshold, budget, outcome),
            )
        )
    return standing


def _decided_item() -> Exists:
    return Exists(
        AgendaItem.objects.filter(case=OuterRef("case"), status=AgendaItem.Status.DECIDED)
    )


def budget_initiatives(*, body: Body, year: int | None = None) -> QuerySet[BudgetInitiative]:
    rows = BudgetInitiative.objects.filter(organization__body=body).select_related(
        "organization", "case"
    )
    return rows if year is None else rows.filter(year=year)


def budget_initiatives_open(*, body: Body, on: datetime.date) -> QuerySet[BudgetInitiative]:
    """Initiatives taken by the day that the board has not dealt with: not marked dealt with,
    and no agenda item of their case decided yet."""
    return (
        budget_initiatives(body=body)
        .filter(opened_on__lte=on, dealt_with_on__isnull=True)
        .exclude(_decided_item())
    )


def budget_initiatives_decided(*, body: Body) -> QuerySet[BudgetInitiative]:
    """Open initiatives whose case the board has decided at a meeting, not yet marked."""
    return budget_initiatives(body=body).filter(dealt_with_on__isnull=True).filter(_decided_item())


def deviations_without_initiative(*, body: Body, on: datetime.date) -> list[Standing]:
    """Deviations past the threshold this year for which no initiative covers their month."""
    standing = [row for row in economy_standing(body=body, year=on.year) if row.past_threshold]
    covered = set(budget_initiatives(body=body, year=on.year).values_list("organization", "month"))
    return [
        row
        for row in standing
        if not any(
            organization == row.organization.pk and month >= row.month
            for organization, month in covered
        )
    ]


def open_budget_initiatives_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Green when a threshold is set and every deviation past it has been dealt with by the
    board; red while an initiative is open or a deviation has none."""
    url = reverse("followup:economy", args=[body.slug])
    if threshold_of(body=body) is None:
        return Evidence(
            ok=False, summary=_("Ingen gräns för budgetavvikelse är satt."), count=None, url=url
        )
    return shortfall(
        budget_initiatives_open(body=body, on=on).count()
        + len(deviations_without_initiative(body=body, on=on)),
        found=ngettext_lazy(
            "%(count)d budgetavvikelse väntar på styrelsen.",
            "%(count)d budgetavvikelser väntar på styrelsen.",
            "count",
        ),
        none=_("Inga budgetavvikelser väntar på styrelsen."),
        url=url,
    )
