"""The evidence the duty dashboard itself gathers from other stages: the basis for decision of
the cases on the board's coming agendas (preparation), and the delegated decisions not
reported to the board in time (decisions)."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from kansli.decisions.selectors import decisions_reported_late
from kansli.followup.evidence import Evidence, shortfall
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.selectors import in_board_group
from kansli.organisation.models import Body, Organization
from kansli.preparation.readiness import Readiness
from kansli.preparation.selectors import case_readiness
from kansli.registry.models import Case


@dataclass(frozen=True)
class ItemBasis:
    item: AgendaItem
    case: Case
    readiness: Readiness


def agenda_basis(*, body: Body, on: datetime.date) -> list[ItemBasis]:
    """The cases on the coming agendas of the board, its subcommittees and drafting
    committees (from the date on, not yet dealt with), each with what its basis lacks."""
    start = timezone.make_aware(datetime.datetime.combine(on, datetime.time.min))
    items = (
        AgendaItem.objects.filter(
            meeting__organization__body=body,
            meeting__starts_at__gte=start,
            kind=AgendaItem.Kind.CASE,
            case__isnull=False,
            status=AgendaItem.Status.PENDING,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting__organization__parent", "case")
        .order_by("meeting__starts_at", "position")
    )
    return [
        ItemBasis(item, item.case, case_readiness(case=item.case))
        for item in items
        if item.case is not None and in_board_group(item.meeting.organization)
    ]


def complete_basis_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """The duty to prepare the board's cases with an adequate basis for decision (seed 002
    4.1.1, seed 000): red while a case on a coming agenda lacks part of it."""
    basis = agenda_basis(body=body, on=on)
    total = len(basis)
    incomplete = sum(not entry.readiness.ready for entry in basis)
    if total:
        summary = ngettext(
            "%(count)d av %(total)d ärende på kommande dagordningar saknar fullständigt "
            "beslutsunderlag",
            "%(count)d av %(total)d ärenden på kommande dagordningar saknar fullständigt "
            "beslutsunderlag",
            total,
        ) % {"count": incomplete, "total": total}
    else:
        summary = _("Inga ärenden på kommande dagordningar")
    url = reverse("followup:agenda_basis", args=[body.slug])
    return Evidence(ok=incomplete == 0, summary=summary, count=incomplete, url=url)


def unreported_delegated_decisions_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """The duty to see that delegates' decisions are reported to the board as it has decided
    (seed 000; KL 7 kap. 8 §): red while one is past the day it was to be reported by, an
    urgent one's the board's next meeting (KL 6 kap. 39 §)."""
    board = Organization.objects.filter(body=body, kind=Organization.Kind.EXECUTIVE_BOARD).first()
    url = reverse("decisions:decisions_unreported", args=[body.slug])
    if board is None:
        return Evidence(ok=True, summary=_("Inga delegationsbeslut att anmäla"), count=0, url=url)
    return shortfall(
        decisions_reported_late(organization=board, on=on).count(),
        found=ngettext_lazy(
            "%(count)d delegationsbeslut är inte anmält i tid",
            "%(count)d delegationsbeslut är inte anmälda i tid",
            "count",
        ),
        none=_("Alla delegationsbeslut är anmälda i tid"),
        url=f"{url}?organisation={board.slug}",
    )
