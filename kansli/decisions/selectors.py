"""Reading the register of decisions, and putting a decision to the delegation engine as it
would be made."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.decisions.models import Decision, Evidence
from kansli.delegation import engine
from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import authority_check, engine_for, rules_for
from kansli.governance.models import GoverningDocument, Section
from kansli.governance.selectors import section_by_key
from kansli.organisation.models import Body, Organization, Person, Position

Capacity = Position | Organization | None


def decision_verdict(
    *,
    body: Body,
    decision_type: str,
    decided_by: Person,
    capacity: Capacity,
    concerning: Organization | None,
    amount: Decimal | None,
    on: datetime.date,
    done: Iterable[tuple[str, str]] = (),
) -> engine.Verdict:
    """The engine's answer for the decision: asked of the position or organization it is made
    in the capacity of, or of the person with all their posts and seats when none is given."""
    if isinstance(capacity, Position):
        actor = {"position": capacity}
    elif isinstance(capacity, Organization):
        actor = {"organization": capacity}
    else:
        actor = {"person": decided_by}
    return authority_check(
        body=body,
        decision_type=decision_type,
        on=on,
        concerning=concerning,
        amount=amount,
        done=done,
        **actor,
    )


def requirements_before(verdict: engine.Verdict | None) -> list[tuple[str, str, str]]:
    """(kind, party key, party name) of each requirement before the decision the verdict
    names; none when there is no verdict or it denies the decision."""
    if verdict is None or verdict.outcome == "denied":
        return []
    return [
        (status.requirement.kind, status.requirement.party.key, status.requirement.party.name)
        for status in verdict.requirements
        if status.requirement.when == "before"
    ]


def decision_type_name(*, body: Body, code: str) -> str:
    decision_type = engine_for(body=body).decision_type(body.slug, code)
    return decision_type.name if decision_type is not None else code


def decision_type_choices(*, body: Body, on: datetime.date) -> list[tuple[str, str]]:
    """The decision types some rule in force on the date covers, as (code, name) by name."""
    codes = {rule.decision_type for rule in rules_for(body=body, on=on)}
    choices = [(code, decision_type_name(body=body, code=code)) for code in codes]
    return sorted(choices, key=lambda choice: choice[1])


def decision_list(
    *,
    body: Body,
    status: str | None = None,
    decision_type: str | None = None,
    q: str | None = None,
) -> QuerySet[Decision]:
    """The body's decisions, the latest first; of a status or decision type, or containing
    every word of `q` in the title, text, case reference, decision type or decision maker."""
    decisions = Decision.objects.filter(body=body).select_related(
        "decided_by", "position", "organization", "concerning", "report_to"
    )
    if status:
        decisions = decisions.filter(status=status)
    if decision_type:
        decisions = decisions.filter(decision_type=decision_type)
    for word in (q or "").split():
        decisions = decisions.filter(
            Q(title__icontains=word)
            | Q(text__icontains=word)
            | Q(case_reference__icontains=word)
            | Q(decision_type_name__icontains=word)
            | Q(decided_by__given_name__icontains=word)
            | Q(decided_by__family_name__icontains=word)
        )
    return decisions.order_by("-decided_on", "-pk")


def decisions_unreported(
    *, organization: Organization, on: datetime.date | None = None
) -> QuerySet[Decision]:
    """Recorded decisions that must be reported to the organization and, on the date (today
    when none is given), had not been: decided by then, not reported by then. Oldest first."""
    on = on or timezone.localdate()
    return (
        Decision.objects.filter(
            report_to=organization, status=Decision.Status.RECORDED, decided_on__lte=on
        )
        .filter(Q(reported_on__isnull=True) | Q(reported_on__gt=on))
        .select_related("decided_by", "position", "organization", "concerning")
        .order_by("decided_on", "pk")
    )


@dataclass(frozen=True)
class DecisionSource:
    """Where the rule a decision rests on can be read in Kansli, when it holds the document."""

    document: GoverningDocument | None
    section: Section | None


def source_document(*, body: Body, document: str) -> GoverningDocument | None:
    """The governing document a rule's source names ("Kommundirektörsinstruktion"), through
    the delegation order that cites it, when Kansli holds the document."""
    order = (
        DelegationOrder.objects.filter(body=body, document=document)
        .select_related("governing_document")
        .order_by("-valid_from")
        .first()
    )
    return order.governing_document if order is not None else None


def decision_source(*, decision: Decision) -> DecisionSource:
    document = source_document(body=decision.body, document=decision.source_document)
    section = section_by_key(document=document, key=decision.source_section) if document else None
    return DecisionSource(document, section)


@dataclass(frozen=True)
class RequirementRow:
    """A requirement before the decision, as the stored verdict has it, with its evidence."""

    kind: str
    party: str  # the party's key ("pfu")
    party_name: str
    satisfied: bool
    evidence: Evidence | None

    @property
    def label(self) -> str:
        return requirement_label(self.kind, self.party_name)


_LABELS = {
    "consultation": _("Samråd med %(party)s"),
    "approval": _("Godkännande av %(party)s"),
    "notice": _("Information i förväg till %(party)s"),
    "report": _("Anmälan i förväg till %(party)s"),
}


def requirement_label(kind: str, party_name: str) -> str:
    """ "Godkännande av personal- och förhandlingsutskottet", as a checkbox or a list says it."""
    return str(_LABELS[kind]) % {"party": party_name}


def decision_requirements(*, decision: Decision) -> list[RequirementRow]:
    """Each requirement before the decision, satisfied or not, with the evidence recorded."""
    evidence = {(row.kind, row.party): row for row in decision.evidence.all()}
    rows = []
    for requirement in decision.verdict.get("requirements", []):
        if requirement["when"] != "before":
            continue
        party = requirement["party"]
        key = engine.party_key(party["kind"], party["slug"])
        rows.append(
            RequirementRow(
                kind=requirement["kind"],
                party=key,
                party_name=party["name"],
                satisfied=requirement["satisfied"],
                evidence=evidence.get((requirement["kind"], key)),
            )
        )
    return rows
