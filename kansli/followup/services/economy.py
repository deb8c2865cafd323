"""The economy against the budget: budget lines, outcomes imported from the ledger, the body's
threshold, and the initiative the director must take with the board when the outcome deviates
past it (seed 000, "Ekonomiskt ansvar": "ta initiativ till åtgärder och dialog med
[styrelsen] om [...] ekonomi avviker från beslutad budget")."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.models import BudgetInitiative, BudgetLine, DeviationThreshold, Outcome
from kansli.followup.policy import require_keep
from kansli.followup.selectors.economy import budget_initiatives_decided, economy_standing
from kansli.followup.selectors.ledger import LedgerRow, ledger_read
from kansli.followup.services.initiatives import board_case_open
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.selectors import meeting_day, minutes_name
from kansli.organisation.models import Body, Organization
from kansli.web.models import TaskRun
from kansli.web.progress import run_progress, run_start

# A row of the ledger: a budget line or an outcome.
Ledgered = TypeVar("Ledgered", BudgetLine, Outcome)


def _replace_months(
    actor: Actor, model: type[Ledgered], body: Body, rows: list[LedgerRow], **extra: object
) -> list[Ledgered]:
    """Replace the body's rows of every month in `rows` with `rows`: a month imported again is
    the ledger's new word on that month, for every organization."""
    by_year: dict[int, set[int]] = {}
    for row in rows:
        by_year.setdefault(row.year, set()).add(row.month)
    # One condition a year, not one a month: SQLite refuses an expression of thousands of terms.
    months = models.Q()
    for year, in_year in by_year.items():
        months |= models.Q(year=year, month__in=sorted(in_year))
    replaced = model._default_manager.filter(months, organization__body=body)
    # Nothing refers to a budget line or an outcome: each row goes alone, logged as it was.
    old = list(replaced.select_for_update())
    audit.append(
        actor=actor,
        changes=[
            audit.Change(audit.action_name(row, "delete"), row, before=audit.snapshot(row))
            for row in old
        ],
    )
    replaced.delete()
    return audit.create_many(
        actor=actor,
        instances=[
            model(
                organization=row.organization,
                year=row.year,
                month=row.month,
                amount=row.amount,
                **extra,
            )
            for row in rows
        ],
    )


@transaction.atomic
def budget_import(*, actor: Actor, body: Body, text: str) -> list[BudgetLine]:
    """Import the budget per organization and month from a CSV file (see `ledger_read`)."""
    require_keep(actor, body)
    return _replace_months(actor, BudgetLine, body, ledger_read(body=body, text=text))


@transaction.atomic
def budget_set(
    *, actor: Actor, organization: Organization, year: int, month: int, amount: Decimal
) -> BudgetLine:
    """Set one organization's budget for one month."""
    require_keep(actor, organization.body)
    found = BudgetLine.objects.filter(organization=organization, year=year, month=month).first()
    if found is None:
        line = BudgetLine(organization=organization, year=year, month=month, amount=amount)
        return audit.create(actor=actor, instance=line)
    return audit.update(actor=actor, instance=found, amount=amount)


@dataclass(frozen=True)
class Imported:
    outcomes: list[Outcome]
    initiatives: list[BudgetInitiative]


@transaction.atomic
def outcomes_import(
    *, actor: Actor, body: Body, text: str, source: str, on: datetime.date | None = None
) -> Imported:
    """Import the outcome per organization and month from a CSV file (see `ledger_read`), and
    take the initiatives the deviations now require."""
    require_keep(actor, body)
    rows = ledger_read(body=body, text=text)
    outcomes = _replace_months(
        actor, Outcome, body, rows, source=source[:300], imported_at=timezone.now()
    )
    on = on or timezone.localdate()
    initiatives = [
        initiative
        for year in sorted({row.year for row in rows})
        for initiative in deviations_check(actor=actor, body=body, on=on, year=year)
    ]
    return Imported(outcomes, initiatives)


@transaction.atomic
def ledger_import_start(
    *, actor: Actor, body: Body, text: str, source: str, budget: bool = False
) -> TaskRun:
    """Check a ledger file of outcomes (or the budget) now, every wrong line named, and import
    it by a background task queued once this transaction has committed
    (`kansli.followup.tasks.ledger_import`, which asks for the actor again): the user follows
    its progress on the run's page."""
    from kansli.followup.tasks import ledger_import  # the task module imports this one

    require_keep(actor, body)
    rows = ledger_read(body=body, text=text)
    run = run_start(
        user=actor,
        title=(_("Budgeten läses in") if budget else _("Utfallet läses in")) + f" ({source[:200]})",
        task=ledger_import,
        actor=actor.pk if actor is not None and actor.is_authenticated else None,
        body=body.pk,
        text=text,
        source=source,
        budget=budget,
    )
    run_progress(str(run.pk), done=0, total=len(rows))
    return run


@transaction.atomic
def threshold_set(
    *, actor: Actor, body: Body, percent: Decimal, amount: Decimal | None = None
) -> DeviationThreshold:
    """Set how far the outcome may exceed the budget before the director takes the initiative:
    a share of the budget year to date, or an amount if that is reached first."""
    require_keep(actor, body)
    found = DeviationThreshold.objects.filter(body=body).first()
    if found is None:
        threshold = DeviationThreshold(body=body, percent=percent, amount=amount)
        return audit.create(actor=actor, instance=threshold)
    return audit.update(actor=actor, instance=found, percent=percent, amount=amount)


def _paragraph(meeting: Meeting, minute_number: int) -> str:
    """Where the board dealt with it, as minutes cite it: "KS 2026-04-20 § 12"."""
    return f"{minutes_name(meeting)} § {minute_number}"


def _mark_decided(actor: Actor, body: Body) -> None:
    """Initiatives whose case the board has decided at a meeting are dealt with there."""
    for initiative in budget_initiatives_decided(body=body):
        items = AgendaItem.objects.filter(case=initiative.case, status=AgendaItem.Status.DECIDED)
        decided = items.select_related("meeting").order_by("meeting__starts_at").first()
        # The selector finds an item of the case decided, and a decided item has its paragraph.
        if decided is None or decided.minute_number is None:
            continue
        audit.update(
            actor=actor,
            instance=initiative,
            dealt_with_on=meeting_day(decided.meeting),
            dealt_with_in=_paragraph(decided.meeting, decided.minute_number),
        )


@transaction.atomic
def deviations_check(
    *, actor: Actor, body: Body, on: datetime.date, year: int | None = None
) -> list[BudgetInitiative]:
    """Take an initiative, on the day `on`, for each organization whose outcome in the year (the
    year of `on` unless given) exceeds its budget past the threshold: a case to the board, with
    the director as its officer. Once per deviation: none while the organization has one open,
    nor for a month an earlier one covered."""
    require_keep(actor, body)
    _mark_decided(actor, body)
    taken = []
    for row in economy_standing(body=body, year=year or on.year):
        earlier = BudgetInitiative.objects.filter(organization=row.organization, year=row.year)
        if (
            not row.past_threshold
            or earlier.filter(
                models.Q(month__gte=row.month) | models.Q(dealt_with_on__isnull=True)
            ).exists()
        ):
            continue
        case = board_case_open(
            actor=actor,
            body=body,
            title=_("Budgetavvikelse: %(organization)s, %(year)d till och med månad %(month)d")
            % {"organization": row.organization.name, "year": row.year, "month": row.month},
            on=on,
        )
        initiative = BudgetInitiative(
            organization=row.organization,
            year=row.year,
            month=row.month,
            budget=row.budget,
            outcome=row.outcome,
            opened_on=on,
            case=case,
        )
        taken.append(audit.create(actor=actor, instance=initiative))
    return taken


@transaction.atomic
def budget_initiative_deal_with(
    *, actor: Actor, initiative: BudgetInitiative, meeting: Meeting, minute_number: int
) -> BudgetInitiative:
    """Mark the initiative dealt with by the board at the meeting, under the paragraph (§)."""
    body = initiative.organization.body
    require_keep(actor, body)
    if initiative.dealt_with_on is not None:
        raise ValidationError(
            _("Styrelsen har redan behandlat initiativet (%(where)s).")
            % {"where": initiative.dealt_with_in},
            code="conflict",
        )
    if (
        meeting.organization.body_id != body.pk
        or meeting.organization.kind != Organization.Kind.EXECUTIVE_BOARD
    ):
        raise ValidationError(_("Initiativet behandlas av styrelsen i samma kommun eller region."))
    return audit.update(
        actor=actor,
        instance=initiative,
        dealt_with_on=meeting_day(meeting),
        dealt_with_in=_paragraph(meeting, minute_number),
    )
