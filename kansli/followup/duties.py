"""The director's duties in the body's instruction, each with the evidence that shows, on a
given day, whether it is being fulfilled: the lines of the duty dashboard.

The duties are the instruction's own, as its delegation order holds them (`delegation.Duty`,
each citing its section). Which evidence stands behind a duty is data: a file per body in
`data/` names, for a duty's id, the dotted names of the selectors that give its `Evidence`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy

from kansli.delegation.models import DelegationOrder
from kansli.delegation.models import Duty as InstructionDuty
from kansli.delegation.selectors import section_links
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body
from kansli.organisation.selectors import director_position
from kansli.texts import StrOrPromise

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Evidence:
    """What one duty's evidence shows today: green or red, in a sentence, with the number
    behind it and the list that number counts."""

    ok: bool  # green when True
    summary: str  # Swedish, e.g. "3 uppgifter är försenade"
    count: int  # the number behind the line (late items, missing reports...)
    url: str  # the list behind the line (a page of the followup app, filtered for the body)


EvidenceSelector = Callable[..., Evidence]


def shortfall(count: int, *, found: StrOrPromise, none: StrOrPromise, url: str) -> Evidence:
    """The evidence of a duty kept while nothing is found: red with `found`, an
    `ngettext_lazy` numbered by "count", worded for the count; green with `none`."""
    summary = found % {"count": count} if count else none
    return Evidence(ok=count == 0, summary=str(summary), count=count, url=url)


STATE_LABELS = {
    "ok": gettext_lazy("Uppfylld"),
    "missing": gettext_lazy("Brist"),
    "pending": gettext_lazy("Inget underlag ännu"),
    "untracked": gettext_lazy("Följs inte upp i Kansli"),
}


@dataclass(frozen=True)
class DutyLine:
    """One line of the dashboard: a duty with one piece of its evidence. A duty with several
    selectors gives a line for each; a duty with none, one line without evidence."""

    number: str
    text: str
    section: str
    section_url: str | None
    selector: str | None  # the dotted name, None when Kansli does not follow the duty up
    evidence: Evidence | None  # None when the selector is not (yet) there

    @property
    def state(self) -> str:
        """ "ok" (green), "missing" (red), "pending" (its selector is not built yet) or
        "untracked" (followed up outside Kansli); only "ok" is green."""
        if self.selector is None:
            return "untracked"
        if self.evidence is None:
            return "pending"
        return "ok" if self.evidence.ok else "missing"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def summary(self) -> str:
        """The evidence's summary; for a duty without evidence, why there is none."""
        return self.evidence.summary if self.evidence is not None else self.state_label


@cache
def evidence_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """body slug -> duty id -> the dotted names of its evidence selectors, from `data/`."""
    names: dict[str, dict[str, tuple[str, ...]]] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names[data["body"]] = {
            str(duty): tuple(selectors) for duty, selectors in data["evidence"].items()
        }
    return names


def evidence_of(name: str, *, body: Body, on: datetime.date) -> Evidence | None:
    """The evidence of the selector by its dotted name, or None while the selector, or the list
    its evidence links to, is not there: the areas behind the dashboard are built side by side,
    and one not built yet is shown as such (never as green) rather than break the page."""
    try:
        selector: EvidenceSelector = import_string(name)
        return selector(body=body, on=on)
    except (ImportError, NoReverseMatch):
        return None


def instruction_orders(*, body: Body, on: datetime.date) -> list[DelegationOrder]:
    """The body's instructions as loaded orders, in force on the date: per adopting
    organization and document, the latest version begun by then and not ended."""
    orders = (
        DelegationOrder.objects.filter(
            body=body,
            governing_document__kind=GoverningDocument.Kind.INSTRUCTION,
            valid_from__lte=on,
        )
        .select_related("governing_document")
        .order_by("valid_from", "pk")
    )
    current = {(order.organization_id, order.document): order for order in orders}
    return [order for order in current.values() if order.valid_to is None or order.valid_to >= on]


def director_duties(*, body: Body, on: datetime.date) -> list[InstructionDuty]:
    """Every duty the body's instruction in force gives its director, in the order's sequence:
    the duties held by the director's post (kommundirektör, regiondirektör)."""
    director = director_position(body=body)
    if director is None:
        return []
    return list(
        InstructionDuty.objects.filter(
            order__in=instruction_orders(body=body, on=on),
            holder_kind="position",
            holder_slug=director.slug,
        ).order_by("order__valid_from", "order_id", "position")
    )


def duty_lines(*, body: Body, on: datetime.date) -> list[DutyLine]:
    """The dashboard: each of the director's duties with its source section and the evidence
    of each of its selectors on the date."""
    links = section_links(body=body)
    selectors = evidence_names().get(body.slug, {})
    lines = []
    for duty in director_duties(body=body, on=on):
        link = links.get((duty.source_document, duty.source_section))
        section_url = (
            None if link is None else reverse("governance:section_detail", args=[body.slug, *link])
        )
        for name in selectors.get(duty.key, (None,)):
            lines.append(
                DutyLine(
                    number=duty.number,
                    text=duty.text,
                    section=duty.source_section,
                    section_url=section_url,
                    selector=name,
                    evidence=evidence_of(name, body=body, on=on) if name else None,
                )
            )
    return lines
