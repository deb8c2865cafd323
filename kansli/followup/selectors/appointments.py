"""What the delegation engine requires before a head is appointed or dismissed: a department
head, a chief of staff, a deputy director or a company's CEO (seed 002 3.8, 5.1.2, 5.2.2,
6.1.2; seed 000 "Arbetsgivaransvar")."""

import datetime
from dataclasses import dataclass
from typing import TypedDict

from django.db.models import QuerySet
from django.utils.text import capfirst

from kansli.delegation import engine, labels
from kansli.delegation.selectors import authority_check, engine_for, rules_for
from kansli.organisation.models import Body, Organization, Position

APPOINT = "appoint"
DISMISS = "dismiss"

# The decision types of the loaded orders (kansli/delegation/data) by which a head's post is
# filled or vacated; a body's orders define some of them.
APPOINTMENT_DECISION_TYPES = {
    "anstallning-forvaltningschef": APPOINT,  # seed 002 5.2.2
    "entledigande-forvaltningschef": DISMISS,  # seed 002 5.2.2
    "anstallning-stabschef": APPOINT,  # seed 002 5.1.1, 5.1.2
    "entledigande-stabschef": DISMISS,  # seed 002 5.1.2
    "utse-bitradande-kommundirektor": APPOINT,  # seed 002 3.8
    "bereda-anstallning-vd": APPOINT,  # seed 002 6.1.2
    "anstallning-ledningsgrupp": APPOINT,  # seed 000 Arbetsgivaransvar
    "avveckling-ledningsgrupp": DISMISS,  # seed 000 Arbetsgivaransvar
}


@dataclass(frozen=True)
class AppointmentType:
    code: str
    name: str
    action: str


def appointment_types(*, body: Body) -> list[AppointmentType]:
    """The appointment decision types the body's orders define, by name."""
    built = engine_for(body=body)
    found = [
        AppointmentType(code, decision_type.name, action)
        for code, action in APPOINTMENT_DECISION_TYPES.items()
        if (decision_type := built.decision_type(body.slug, code)) is not None
    ]
    return sorted(found, key=lambda found_type: found_type.name)


def appointable_positions(*, body: Body) -> QuerySet[Position]:
    """Posts an appointment decision concerns: those heading an organization, and a deputy
    director's post."""
    return (
        Position.objects.filter(body=body)
        .exclude(heads_organization=False, security_class__isnull=True)
        .select_related("organization")
        .order_by("title")
    )


@dataclass(frozen=True)
class AppointmentRequirements:
    """The engine's answer for one rule: who decides, on which conditions, and what must happen
    before and after."""

    rule: engine.Rule
    verdict: engine.Verdict
    conditions: list[str]

    @property
    def before(self) -> list[engine.RequirementStatus]:
        return [s for s in self.verdict.requirements if s.requirement.when == "before"]

    @property
    def after(self) -> list[engine.Requirement]:
        return list(self.verdict.reporting)

    @property
    def before_labels(self) -> list[str]:
        """ "Samråd med personal- och förhandlingsutskottet", for each requirement before."""
        return [capfirst(labels.requirement(s.requirement)) for s in self.before]

    @property
    def after_labels(self) -> list[str]:
        """ "Anmälan till kommunstyrelsen", for each requirement after."""
        return [capfirst(labels.requirement(r)) for r in self.after]


class _Delegate(TypedDict, total=False):
    """The rule's delegate as `authority_check` takes it: a post or an organization."""

    position: Position
    organization: Organization


def _delegate(body: Body, party: engine.Party) -> _Delegate | None:
    if party.kind == "position":
        position = body.positions.filter(slug=party.slug).first()
        return {"position": position} if position is not None else None
    if party.kind == "organization":
        organization = body.organizations.filter(slug=party.slug).first()
        return {"organization": organization} if organization is not None else None
    return None


def appointment_requirements(
    *, body: Body, decision_type: str, position: Position, on: datetime.date
) -> list[AppointmentRequirements]:
    """For each rule in force of the type that reaches the post's organization, the engine's
    verdict asked of the rule's own delegate, with the rule's conditions taken as holding (they
    are listed, to be checked)."""
    answers = []
    for rule in rules_for(body=body, on=on, decision_type=decision_type):
        delegate = _delegate(body, rule.delegate)
        if delegate is None:
            continue
        conditions = [condition.code for condition in rule.limits.conditions]
        verdict = authority_check(
            body=body,
            decision_type=decision_type,
            on=on,
            concerning=position.organization,
            conditions=conditions,
            **delegate,
        )
        if verdict.outcome == "denied":
            continue
        texts = [condition.text for condition in rule.limits.conditions]
        answers.append(AppointmentRequirements(rule, verdict, texts))
    return answers
