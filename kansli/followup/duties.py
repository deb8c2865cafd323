"""The director's duties in the body's instruction, each with the evidence that shows, on a
given day, whether it is being fulfilled: the lines of the duty dashboard.

The duties are the instruction's own, as its delegation order holds them (`delegation.Duty`,
each citing its section). Which evidence stands behind a duty is data: a file per body in
`data/` names, for a duty's id, the dotted names of the selectors that give its `Evidence`
where Kansli holds the data, or the rhythm of its attestation where the duty is done outside
Kansli. A duty the file does not name (an order imported for another body) is attested in the
rhythm its order gives it: per meeting of the board, or yearly. No duty goes without evidence.
"""

import datetime
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
from kansli.followup.evidence import Evidence, EvidenceSelector
from kansli.followup.rhythm import Rhythm, Rule
from kansli.followup.selectors.attestations import attestation_evidence
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body
from kansli.organisation.selectors import director_position

DATA_DIR = Path(__file__).resolve().parent / "data"

STATE_LABELS = {
    "ok": gettext_lazy("Uppfylld"),
    "due": gettext_lazy("Förfaller inom 30 dagar"),
    "missing": gettext_lazy("Brist"),
    "pending": gettext_lazy("Inget underlag ännu"),
}

# The area of a line: the module of its selector, or the attestations.
AREA_LABELS = {
    "dashboard": gettext_lazy("Beredning och anmälan"),
    "execution": gettext_lazy("Verkställighet och uppdrag"),
    "documents": gettext_lazy("Styrdokument"),
    "crisis": gettext_lazy("Krisberedskap och säkerhet"),
    "economy": gettext_lazy("Ekonomi"),
    "certification": gettext_lazy("Attesträtter"),
    "supervision": gettext_lazy("Uppsikt"),
    "talks": gettext_lazy("Samtal"),
    "attestations": gettext_lazy("Attesteras"),
}
ATTESTATIONS = "attestations"


@dataclass(frozen=True)
class DutyLine:
    """One line of the dashboard: a duty with one piece of its evidence. A duty with several
    selectors gives a line for each; a duty attested outside Kansli, one line for its rule."""

    key: str
    number: str
    text: str
    section: str
    section_url: str | None
    selector: str | None  # the dotted name, None for an attested duty
    rule: Rule | None  # the attestation's rhythm, None for a duty with a selector
    evidence: Evidence | None  # None when the selector is not (yet) there

    @property
    def state(self) -> str:
        """ "ok" (green), "due" (an attestation due within 30 days), "missing" (red) or
        "pending" (its selector is not built yet, never green)."""
        if self.evidence is None:
            return "pending"
        if not self.evidence.ok:
            return "missing"
        return "due" if self.evidence.due_soon else "ok"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def summary(self) -> str:
        """The evidence's summary; empty while there is none (the state says why)."""
        return self.evidence.summary if self.evidence is not None else ""

    @property
    def area(self) -> str:
        if self.selector is None:
            return ATTESTATIONS
        return self.selector.rsplit(".", 2)[-2]

    @property
    def area_label(self) -> str:
        return str(AREA_LABELS.get(self.area, self.area))


@dataclass(frozen=True)
class Backing:
    """What the body's data file says backs a duty: selectors, or an attestation rule."""

    selectors: tuple[str, ...] = ()
    rule: Rule | None = None


def _rule(data: dict[str, str]) -> Rule:
    return Rule(rhythm=Rhythm(data["rhythm"]), organ=data.get("organ"), events=data.get("events"))


@cache
def backings() -> dict[str, dict[str, Backing]]:
    """body slug -> duty id -> its selectors or its attestation rule, from `data/`."""
    found: dict[str, dict[str, Backing]] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_duty = {
            str(duty): Backing(selectors=tuple(names))
            for duty, names in data.get("evidence", {}).items()
        }
        by_duty |= {
            str(duty): Backing(rule=_rule(rule))
            for duty, rule in data.get("attestations", {}).items()
        }
        found[data["body"]] = by_duty
    return found


def default_rule(duty: InstructionDuty) -> Rule:
    """The attestation of a duty no data file names: per meeting of the board when its order
    says so, otherwise yearly (the director's yearly report to the board)."""
    if duty.recurrence == "per_meeting":
        return Rule(rhythm=Rhythm.PER_MEETING)
    return Rule(rhythm=Rhythm.YEARLY)


def backing_of(*, body: Body, duty: InstructionDuty) -> Backing:
    """What backs the duty: the body's data file's word, or the default attestation."""
    named = backings().get(body.slug, {}).get(duty.key)
    return named if named is not None else Backing(rule=default_rule(duty))


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
        )
        .select_related("order")
        .order_by("order__valid_from", "order_id", "position")
    )


def duty_line(
    *,
    body: Body,
    duty: InstructionDuty,
    backing: Backing,
    section_url: str | None,
    on: datetime.date,
) -> list[DutyLine]:
    """The duty's lines: one per selector, or the one of its attestation rule."""

    def line(selector: str | None, rule: Rule | None, evidence: Evidence | None) -> DutyLine:
        return DutyLine(
            key=duty.key,
            number=duty.number,
            text=duty.text,
            section=duty.source_section,
            section_url=section_url,
            selector=selector,
            rule=rule,
            evidence=evidence,
        )

    if backing.rule is not None:
        evidence = attestation_evidence(
            body=body, duty_key=duty.key, rule=backing.rule, start=duty.order.valid_from, on=on
        )
        return [line(None, backing.rule, evidence)]
    return [line(name, None, evidence_of(name, body=body, on=on)) for name in backing.selectors]


def duty_lines(*, body: Body, on: datetime.date) -> list[DutyLine]:
    """The dashboard: each of the director's duties with its source section and the evidence
    of each of its selectors, or of its attestations, on the date."""
    links = section_links(body=body)
    lines = []
    for duty in director_duties(body=body, on=on):
        link = links.get((duty.source_document, duty.source_section))
        section_url = (
            None if link is None else reverse("governance:section_detail", args=[body.slug, *link])
        )
        backing = backing_of(body=body, duty=duty)
        lines += duty_line(body=body, duty=duty, backing=backing, section_url=section_url, on=on)
    return lines


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters, as its GET parameters give them (empty: all)."""

    state: str = ""
    section: str = ""
    area: str = ""

    def keeps(self, line: DutyLine) -> bool:
        return (
            self.state in ("", line.state)
            and self.section in ("", line.section)
            and self.area in ("", line.area)
        )


def filtered(lines: list[DutyLine], filters: Filters) -> list[DutyLine]:
    return [line for line in lines if filters.keeps(line)]
