"""The board's supervision of committees and companies (uppsiktsplikt, KL 6 kap. 1 §; seed 002
5.2.2): the periodic reports they owe, which are missing or late, the board's overview of a
year, and the director's initiatives under the duty."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from kansli.followup.evidence import Evidence, shortfall
from kansli.followup.models import ReportTemplate, SupervisionInitiative, SupervisionReport
from kansli.organisation.models import Body, Organization


def periods(year: int, interval_months: int) -> list[tuple[datetime.date, datetime.date]]:
    """The reporting periods of a year: from January, `interval_months` long, the last one
    ending with December."""
    found = []
    for first in range(1, 13, interval_months):
        last = min(first + interval_months - 1, 12)
        end = datetime.date(year, last, calendar.monthrange(year, last)[1])
        found.append((datetime.date(year, first, 1), end))
    return found


def report_templates(*, body: Body) -> QuerySet[ReportTemplate]:
    return ReportTemplate.objects.filter(body=body)


def supervision_reports(*, body: Body, year: int | None = None) -> QuerySet[SupervisionReport]:
    rows = SupervisionReport.objects.filter(template__body=body).select_related(
        "template", "organization", "document"
    )
    return rows if year is None else rows.filter(period_start__year=year)


def reports_missing(*, body: Body, on: datetime.date) -> QuerySet[SupervisionReport]:
    """Reports past their due date that have not come."""
    return supervision_reports(body=body).filter(filed_on__isnull=True, due_on__lt=on)


def reports_late(*, body: Body, on: datetime.date) -> QuerySet[SupervisionReport]:
    """Reports that came after their due date."""
    return supervision_reports(body=body).filter(filed_on__gt=F("due_on"), filed_on__lte=on)


class State:
    FILED = "filed"
    LATE = "late"
    MISSING = "missing"
    DUE = "due"


STATE_LABELS = {
    State.FILED: gettext_lazy("lämnad"),
    State.LATE: gettext_lazy("lämnad för sent"),
    State.MISSING: gettext_lazy("saknas"),
    State.DUE: gettext_lazy("ska lämnas"),
}


def report_state(report: SupervisionReport, on: datetime.date) -> str:
    if report.filed_on is not None:
        return State.LATE if report.filed_on > report.due_on else State.FILED
    return State.MISSING if report.due_on < on else State.DUE


@dataclass(frozen=True)
class Cell:
    report: SupervisionReport
    state: str

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass(frozen=True)
class OverviewRow:
    """One organization's reports under one template, a cell per period (None: none owed)."""

    template: ReportTemplate
    organization: Organization
    cells: list[Cell | None]


@dataclass(frozen=True)
class Overview:
    template: ReportTemplate
    periods: list[tuple[datetime.date, datetime.date]]
    rows: list[OverviewRow]


def supervision_overview(*, body: Body, year: int, on: datetime.date) -> list[Overview]:
    """The board's view of a year: for each template, organization by period, each report's
    state as of `on`."""
    reports = list(supervision_reports(body=body, year=year).order_by("organization__name"))
    overview = []
    for template in report_templates(body=body):
        spans = periods(year, template.interval_months)
        starts = [start for start, _end in spans]
        by_organization: dict[Organization, list[Cell | None]] = {}
        for report in reports:
            if report.template_id != template.pk or report.period_start not in starts:
                continue
            cells = by_organization.setdefault(report.organization, [None] * len(spans))
            cells[starts.index(report.period_start)] = Cell(report, report_state(report, on))
        rows = [
            OverviewRow(template, organization, cells)
            for organization, cells in by_organization.items()
        ]
        overview.append(Overview(template, spans, rows))
    return overview


def supervision_initiatives(*, body: Body) -> QuerySet[SupervisionInitiative]:
    return SupervisionInitiative.objects.filter(organization__body=body).select_related(
        "organization", "case"
    )


def missing_supervision_reports_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Green when the body asks its committees and companies for reports and none is past its
    due date without having come."""
    url = reverse("followup:supervision", args=[body.slug])
    if not report_templates(body=body).exists():
        return Evidence(
            ok=False, summary=_("Inga rapporter begärs in för uppsikten."), count=None, url=url
        )
    return shortfall(
        reports_missing(body=body, on=on).count(),
        found=ngettext_lazy(
            "%(count)d rapport för uppsikten saknas.",
            "%(count)d rapporter för uppsikten saknas.",
            "count",
        ),
        none=_("Alla rapporter för uppsikten har kommit in i tid eller är inte sena än."),
        url=url,
    )
