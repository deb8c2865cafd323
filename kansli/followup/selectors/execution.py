"""The evidence that execution and assignments give the director's duty dashboard: the duty to
see every decision executed (seed 002 3.1) and to keep the board informed of how its
assignments progress (seed 000), read from the decisions app's selectors."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from kansli.decisions import selectors
from kansli.followup.evidence import Evidence, shortfall
from kansli.organisation.models import Body


def overdue_execution_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """The duty to see every decision executed (seed 002 3.1): green while no task is overdue."""
    return shortfall(
        selectors.execution_tasks(body=body, overdue_on=on).count(),
        found=ngettext_lazy(
            "%(count)d verkställighetsuppgift är försenad",
            "%(count)d verkställighetsuppgifter är försenade",
            "count",
        ),
        none=_("Ingen verkställighetsuppgift är försenad"),
        url=reverse("decisions:execution_list", args=[body.slug]) + "?forsenade=1",
    )


def late_assignment_reports_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """The duty to keep the board informed of how its assignments progress (seed 000): green
    while every ongoing assignment has been reported on in time."""
    return shortfall(
        sum(state.report_late for state in selectors.assignment_states(body=body, on=on)),
        found=ngettext_lazy(
            "%(count)d uppdrag saknar rapport i tid",
            "%(count)d uppdrag saknar rapport i tid",
            "count",
        ),
        none=_("Alla pågående uppdrag är rapporterade i tid"),
        url=reverse("decisions:assignment_list", args=[body.slug]) + "?sena=1",
    )
