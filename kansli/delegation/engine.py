"""The delegation engine: may this actor make this decision, here, on this date, and what must
happen before and after? Every answer cites the rule it rests on.

Pure Python with no Django import. It says no word itself: a verdict's reasons and an
order's problems are `Reason`s (a code and its facts), which `kansli.delegation.reasons` words
through Django's translations, and a party it resolves for the organization concerned carries
its `Relation` to that organization ("head" of socialförvaltningen), which
`kansli.delegation.labels` words ("chefen för socialförvaltningen"). The ORM layer turns its
rows into the plain data below: a `Directory` per body (who sits where, over time) and the
`Order`s (delegation orders and the director's instruction, whose rules have the same shape).
An `Engine` is built once from them and indexes every rule by (decision type, delegate), so a
check costs a few dictionary lookups however many rules the orders hold.

The law, kommunallagen (2017:725), as this module applies it:
- KL 6 kap 37 §: a committee may let its presidium, a subcommittee, a member or a substitute
  decide on its behalf; KL 7 kap 5 §: an employee.
- KL 6 kap 38 §: some matters may not be delegated at all (`NON_DELEGABLE`).
- KL 6 kap 39 §: matters too urgent to wait for the committee may be given to the chair or
  another member; such decisions are reported at the committee's next meeting.
- KL 7 kap 6 §: a department head who holds a delegation may pass it on to another employee
  when the committee allows it (sub-delegation).
- KL 7 kap 8 §: decisions made under a sub-delegation are reported to that department head.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

PARTY_KINDS = ("position", "organization", "chair", "presidium", "member", "head", "employees")
REQUIREMENT_KINDS = ("consultation", "approval", "notification", "report")
WHEN = ("before", "after")
OUTCOMES = ("allowed", "requirements_pending", "denied")
MEMBERSHIP_ROLES = ("chair", "first_vice_chair", "second_vice_chair", "member", "substitute")
RECURRENCES = ("continuous", "per_meeting", "annual", "on_event")

# The organization kinds of the organisation app (delegation/labels.py words them in scopes).
ORGANIZATION_KINDS = (
    "council",
    "executive_board",
    "committee",
    "subcommittee",
    "preparatory_committee",
    "crisis_committee",
    "department",
    "staff_unit",
    "division",
    "unit",
    "company",
    "federation",
    "foundation",
    "association",
)
# A staff unit, division or unit belongs to its department: a scope over departments covers them.
SUB_UNIT_KINDS = frozenset({"staff_unit", "division", "unit"})
# Organs that decide as committees do (not utskott or beredningar, which are delegates).
DECIDING_ORGAN_KINDS = frozenset({"council", "executive_board", "committee", "crisis_committee"})
_BOARD_KINDS = DECIDING_ORGAN_KINDS | {"company", "federation", "foundation", "association"}
# Proper names keep their capital letter inside a sentence ("styrelsen för Vänersborgs Energi AB").
PROPER_NAME_KINDS = frozenset({"company", "federation", "foundation", "association"})

# A party whose slug is CONCERNED means the one of the organization the decision concerns: the
# board that answers for it (organization: its committee, or a company's own board), the chair
# or presidium of its committee, or the head of its department.
CONCERNED = "berord"
RELATIVE_KINDS = frozenset({"organization", "chair", "presidium", "head"})
# How a resolved party stands to its organization (delegation/labels.py words them): the
# organization itself, a company's board, the chair or presidium of a committee, the head of a
# department.
RELATIONS = ("organization", "board", "chair", "presidium", "head")
# The condition code that marks a rule for matters too urgent to wait for the committee.
URGENT = "bradskande"

# KL 6 kap 38 §: the categories of matters a committee may not delegate (delegation/labels.py
# words them).
NON_DELEGABLE = (
    "mal-inriktning-omfattning-kvalitet",
    "framstallning-till-fullmaktige",
    "myndighetsutovning-av-vikt",
    "medborgarforslag",
    "sarskild-foreskrift",
)

# The suffix that makes a party's key from its slug: "ks-ordforande" is the chair of ks.
_KEY_SUFFIXES = {
    "chair": "-ordforande",
    "presidium": "-presidium",
    "member": "-ledamot",
    "head": "-chef",
    "employees": "-anstallda",
}
_SEATED_ROLES = frozenset({"chair", "first_vice_chair", "second_vice_chair", "member"})


def party_key(kind: str, slug: str) -> str:
    """The key that names a party in rules and in done requirements (`approval:pfu`)."""
    return slug + _KEY_SUFFIXES.get(kind, "")


# ---------------------------------------------------------------------------------------------
# The order: rules, duties and sub-delegations


@dataclass(frozen=True)
class Relation:
    """How a party resolved for the organization concerned stands to its organization: `code`
    one of RELATIONS, the organization by slug and by its name as it reads inside a sentence."""

    code: str
    organization: str
    organization_name: str

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "organization": self.organization,
            "organization_name": self.organization_name,
        }


@dataclass(frozen=True)
class Party:
    """Who decides, is consulted, approves, is told or holds a duty.

    `slug` is a position's slug for kind "position" and an organization's slug for the others:
    "chair", "presidium" and "member" of that organization, "head" of it, "employees" in it (or
    the body's slug: all employees). `CONCERNED` stands for the organization concerned. A party
    the engine resolved for the organization concerned has a `relation` and no name of its own:
    `kansli.delegation.labels.party_name` words it, and `reasons.worded` fills in `name`.
    """

    kind: str
    slug: str
    name: str
    relation: Relation | None = None
    key: str = field(init=False, repr=False, compare=False)
    relative: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", party_key(self.kind, self.slug))
        object.__setattr__(self, "relative", self.slug == CONCERNED)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "slug": self.slug,
            "name": self.name,
            "relation": None if self.relation is None else self.relation.as_dict(),
        }


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: a governing document (or a law) and its section."""

    document: str
    section: str
    citation: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "citation", f"({self.document} {self.section})")

    def as_dict(self) -> dict[str, str]:
        return {"document": self.document, "section": self.section}


@dataclass(frozen=True)
class Requirement:
    """Something that must happen before the decision (consultation, approval, notification) or
    after it (report, notification). `source` is set when another section or a law imposes it.

    `optional`: a consultation held only "vid behov" (as needed): the decision maker records
    it held, or waives it with a reason (`Query.waived`); a required one cannot be waived.
    `at_next_meeting`: a report due at the organ's next meeting rather than within the body's
    usual days (KL 6 kap. 39 §: a decision in a matter too urgent to wait for the committee);
    the engine sets it on an urgent rule's report."""

    kind: str
    when: str
    party: Party
    source: Source | None = None
    optional: bool = False
    at_next_meeting: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "when": self.when,
            "party": self.party.as_dict(),
            "optional": self.optional,
            "at_next_meeting": self.at_next_meeting,
        }


@dataclass(frozen=True)
class Condition:
    """A fact the rule is limited to, as a clause ("ärendet är brådskande")."""

    code: str
    text: str
    source: Source | None = None


@dataclass(frozen=True)
class Limits:
    max_amount: Decimal | None = None
    max_months: int | None = None
    conditions: tuple[Condition, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "max_amount": None if self.max_amount is None else str(self.max_amount),
            "max_months": self.max_months,
            "conditions": [{"code": c.code, "text": c.text} for c in self.conditions],
        }


@dataclass(frozen=True)
class Scope:
    """Which organizations a rule applies to. All given tests must hold:

    - `organization`: that organization, with everything under it unless `subtree` is false;
    - `excluding`: not in the subtree of any of these;
    - `kinds`: the organization concerned is of one of these kinds, a staff unit, division or
      unit counting as its department ("andra förvaltningar" = kinds department, excluding the
      board's own department);
    - `wholly_owned` (with kinds [company] only): the company concerned is wholly owned by the
      body, its `Organization.ownership` 100 percent ("helägda bolag").
    A rule with several scopes applies where any of them does; a rule with none, everywhere.
    """

    organization: str | None = None
    subtree: bool = True
    excluding: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    wholly_owned: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "organization": self.organization,
            "subtree": self.subtree,
            "excluding": list(self.excluding),
            "kinds": list(self.kinds),
            "wholly_owned": self.wholly_owned,
        }


@dataclass(frozen=True)
class SubDelegation:
    """Whether the delegate may pass the power on (KL 7 kap 6 §) and to whom: no parties means
    any employee."""

    allowed: bool = False
    to: tuple[Party, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"allowed": self.allowed, "to": [party.as_dict() for party in self.to]}


@dataclass(frozen=True)
class DecisionType:
    """A kind of decision in the body's vocabulary; `category` marks a KL 6 kap 38 § matter."""

    code: str
    name: str
    category: str | None = None


@dataclass(frozen=True)
class Rule:
    """One power: who may decide which matter, where, within which limits, and what must
    happen before and after (a delegationspunkt, or a power in the instruction)."""

    id: str
    number: str
    decision_type: str
    matter: str
    delegate: Party
    source: Source
    substitutes: tuple[Party, ...] = ()
    scope: tuple[Scope, ...] = ()
    limits: Limits = Limits()
    requirements: tuple[Requirement, ...] = ()
    subdelegation: SubDelegation = SubDelegation()
    legal_basis: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The rule as `kansli authority rules --json` lists it."""
        return {
            "id": self.id,
            "number": self.number,
            "decision_type": self.decision_type,
            "matter": self.matter,
            "delegate": self.delegate.as_dict(),
            "substitutes": [party.as_dict() for party in self.substitutes],
            "scope": [scope.as_dict() for scope in self.scope],
            "limits": self.limits.as_dict(),
            "requirements": [requirement.as_dict() for requirement in self.requirements],
            "subdelegation": self.subdelegation.as_dict(),
            "source": self.source.as_dict(),
            "legal_basis": list(self.legal_basis),
        }


@dataclass(frozen=True)
class Duty:
    """An obligation the instruction places on someone ("ska", "ansvarar för"), with the
    parties it is owed to or done with, and how often it recurs."""

    id: str
    number: str
    holder: Party
    text: str
    source: Source
    legal_basis: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    recurrence: str | None = None
    trigger: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "number": self.number,
            "holder": self.holder.as_dict(),
            "text": self.text,
            "parties": [party.as_dict() for party in self.parties],
            "recurrence": self.recurrence,
            "trigger": self.trigger,
            "source": self.source.as_dict(),
            "legal_basis": list(self.legal_basis),
        }


@dataclass(frozen=True)
class SubDelegationDecision:
    """The delegate's decision to pass rule `rule` on to the position `to`, never wider than
    the rule (KL 7 kap 6 §)."""

    id: str
    rule: str
    to: Party
    valid_from: datetime.date
    source: Source
    valid_to: datetime.date | None = None
    scope: tuple[Scope, ...] = ()
    limits: Limits = Limits()


@dataclass(frozen=True)
class Order:
    """A delegation order (or instruction) adopted by `organization` of `body`. Orders of the
    same organization and document replace each other: the one in force on a date is the
    latest that started on or before it."""

    id: str
    body: str
    organization: str
    document: str
    version: str
    valid_from: datetime.date
    adopted_on: datetime.date | None = None
    minute: str = ""
    valid_to: datetime.date | None = None
    parties: tuple[Party, ...] = ()
    decision_types: tuple[DecisionType, ...] = ()
    rules: tuple[Rule, ...] = ()
    duties: tuple[Duty, ...] = ()
    subdelegations: tuple[SubDelegationDecision, ...] = ()


# ---------------------------------------------------------------------------------------------
# The directory: who sits where, as plain data


@dataclass(frozen=True)
class Organization:
    slug: str
    kind: str
    name: str
    parent: str | None = None
    head: str | None = None  # the slug of the position that heads it
    ownership: Decimal | None = None  # a company's share owned by the body, in percent


@dataclass(frozen=True)
class Position:
    slug: str
    title: str
    organization: str


@dataclass(frozen=True)
class Person:
    id: int
    name: str


@dataclass(frozen=True)
class Appointment:
    person: int
    position: str
    start: datetime.date
    end: datetime.date | None = None  # inclusive; None: until further notice
    acting: bool = False


@dataclass(frozen=True)
class Membership:
    person: int
    organization: str
    role: str
    start: datetime.date
    end: datetime.date | None = None


@dataclass(frozen=True)
class Absence:
    """A person's förfall (leave, illness, disqualification) over a period."""

    person: int
    start: datetime.date
    end: datetime.date | None = None


@dataclass(frozen=True)
class Directory:
    body: str
    name: str
    organizations: tuple[Organization, ...] = ()
    positions: tuple[Position, ...] = ()
    persons: tuple[Person, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    memberships: tuple[Membership, ...] = ()
    absences: tuple[Absence, ...] = ()


# ---------------------------------------------------------------------------------------------
# Questions and answers


@dataclass(frozen=True)
class Actor:
    """Who wants to decide: kind "position" (ref a slug), "person" (ref an id) or
    "organization" (ref a slug)."""

    kind: str
    ref: str | int


@dataclass(frozen=True)
class Query:
    body: str
    actor: Actor
    decision_type: str
    date: datetime.date
    concerning: str | None = None
    amount: Decimal | None = None
    months: int | None = None
    done: frozenset[tuple[str, str]] = frozenset()  # (requirement kind, party key)
    # Optional ("vid behov") consultations found not needed; a required one is a CheckError.
    waived: frozenset[tuple[str, str]] = frozenset()
    conditions: frozenset[str] = frozenset()  # codes of the conditions that hold
    delegate_unavailable: bool = False  # the delegate is absent or disqualified


@dataclass(frozen=True)
class Basis:
    document: str
    section: str
    rule: str


@dataclass(frozen=True)
class Reason:
    """One ground of a verdict as data: a code and the facts its sentence names (the actor, a
    party, the rule's `source`, a date, an amount). The engine says no sentence itself:
    `kansli.delegation.reasons` words a reason in the reader's language."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def data(self) -> dict[str, object]:
        return dict(self.params)


def _reason(code: str, **params: object) -> Reason:
    return Reason(code, tuple(params.items()))


@dataclass(frozen=True)
class RequirementStatus:
    """Whether a requirement before the decision is met: done, or (an optional one) waived."""

    requirement: Requirement
    satisfied: bool
    waived: bool = False


@dataclass(frozen=True)
class Verdict:
    outcome: str
    basis: tuple[Basis, ...]
    requirements: tuple[RequirementStatus, ...]
    reporting: tuple[Requirement, ...]
    grounds: tuple[Reason, ...]
    reasons: tuple[str, ...] = ()  # the grounds as sentences, worded by the Django side

    def as_dict(self) -> dict[str, object]:
        """The verdict as `kansli authority check --json` prints it."""
        return {
            "outcome": self.outcome,
            "basis": [
                {"document": b.document, "section": b.section, "rule": b.rule} for b in self.basis
            ],
            "requirements": [
                {
                    **status.requirement.as_dict(),
                    "satisfied": status.satisfied,
                    "waived": status.waived,
                }
                for status in self.requirements
            ],
            "reporting": [requirement.as_dict() for requirement in self.reporting],
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Power:
    """A rule an actor may decide under, and how: as its "delegate", a "substitute" when the
    delegate has förfall, or a "subdelegate"; `acting` names the post when the actor holds it
    as acting (t.f.)."""

    order: Order
    rule: Rule
    way: str
    acting: str | None = None


class CheckError(ValueError):
    """A question the engine cannot answer: unknown body, decision type, actor or organization,
    or a required requirement said not needed (`Query.waived`). `reason` says which, as data
    (`kansli.delegation.reasons` words it)."""

    def __init__(self, code: str, **params: object) -> None:
        self.reason = _reason(code, **params)
        super().__init__(code, params)


@dataclass(frozen=True)
class Problem:
    """What is wrong with an order, at `path` (e.g. ("rules", 3, "delegate")), as a reason
    (`kansli.delegation.reasons` words it)."""

    path: tuple[str | int, ...]
    reason: Reason


def _problem(path: tuple[str | int, ...], code: str, **params: object) -> Problem:
    return Problem(path, _reason(code, **params))


class OrderError(ValueError):
    """An order that may not be used as it stands, with all its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__([problem.reason for problem in problems])


def parse_done(text: str) -> tuple[str, str]:
    """Read a done requirement: approval:pfu is ("approval", "pfu"), PFU has approved."""
    kind, _, key = text.partition(":")
    if kind not in REQUIREMENT_KINDS or not key:
        raise CheckError("done_syntax", text=text, kinds=", ".join(REQUIREMENT_KINDS))
    return kind, key


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------------------------
# Guards: what an order may not say


def order_problems(order: Order, directory: Directory | None = None) -> list[Problem]:
    """Everything wrong with `order`; with a directory, also references it does not know."""
    return _problems(order, None if directory is None else _Facts(directory))


def _problems(order: Order, facts: _Facts | None) -> list[Problem]:
    problems: list[Problem] = []
    if order.valid_to is not None and order.valid_to < order.valid_from:
        problems.append(_problem(("order", "valid_to"), "ends_before_start"))
    problems += _party_problems(order)
    types = {decision_type.code: decision_type for decision_type in order.decision_types}
    for i, decision_type in enumerate(order.decision_types):
        if decision_type.category is not None and decision_type.category not in NON_DELEGABLE:
            problems.append(
                _problem(
                    ("decision_types", i, "non_delegable"),
                    "unknown_category",
                    category=decision_type.category,
                    known=", ".join(NON_DELEGABLE),
                )
            )
    problems += _duplicate_ids("rules", [rule.id for rule in order.rules])
    rules = {rule.id: rule for rule in order.rules}
    for i, rule in enumerate(order.rules):
        problems += _rule_problems(i, rule, types.get(rule.decision_type))
    for i, decision in enumerate(order.subdelegations):
        delegated = rules.get(decision.rule)
        if delegated is None:
            problems.append(
                _problem(("subdelegations", i, "rule"), "unknown_rule", rule=decision.rule)
            )
        else:
            problems += _subdelegation_problems(i, decision, delegated)
    for section, items in (
        ("duties", order.duties),
        ("subdelegations", order.subdelegations),
    ):
        problems += _duplicate_ids(section, [item.id for item in items])
    for i, duty in enumerate(order.duties):
        if duty.recurrence is not None and duty.recurrence not in RECURRENCES:
            problems.append(
                _problem(
                    ("duties", i, "recurrence"),
                    "unknown_recurrence",
                    recurrence=duty.recurrence,
                    known=", ".join(RECURRENCES),
                )
            )
    if facts is not None:
        problems += _reference_problems(order, types, facts)
    return problems


def _duplicate_ids(section: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, id_ in enumerate(ids):
        if id_ in seen:
            problems.append(_problem((section, i, "id"), "duplicate_id", id=id_))
        seen.add(id_)
    return problems


def named_parties(order: Order) -> list[Party]:
    """Every party the order names: its vocabulary, then any that a rule, duty or
    sub-delegation names and the vocabulary lacks."""
    parties = {party.key: party for party in order.parties}
    for rule in order.rules:
        named = [rule.delegate, *rule.substitutes, *rule.subdelegation.to]
        for party in named + [requirement.party for requirement in rule.requirements]:
            parties.setdefault(party.key, party)
    for duty in order.duties:
        for party in (duty.holder, *duty.parties):
            parties.setdefault(party.key, party)
    for decision in order.subdelegations:
        parties.setdefault(decision.to.key, decision.to)
    return list(parties.values())


def _party_path(order: Order, i: int) -> tuple[str | int, ...]:
    return ("parties", i) if i < len(order.parties) else ("parties",)


def _party_problems(order: Order) -> list[Problem]:
    problems = []
    keys: set[str] = set()
    for i, party in enumerate(order.parties):
        if party.key in keys:
            problems.append(_problem(("parties", i), "duplicate_party", key=party.key))
        keys.add(party.key)
    for i, party in enumerate(named_parties(order)):
        if party.kind not in PARTY_KINDS:
            path = (*_party_path(order, i), "kind")
            known = ", ".join(PARTY_KINDS)
            problems.append(_problem(path, "unknown_party_kind", kind=party.kind, known=known))
        elif party.relative and party.kind not in RELATIVE_KINDS:
            path = _party_path(order, i)
            problems.append(_problem(path, "not_relative", concerned=CONCERNED, kind=party.kind))
    return problems


def _rule_problems(i: int, rule: Rule, decision_type: DecisionType | None) -> list[Problem]:
    problems = []
    if decision_type is None:
        problems.append(unknown_decision_type(("rules", i, "decision_type"), rule.decision_type))
    elif decision_type.category in NON_DELEGABLE and not _may_decide_non_delegable(rule):
        problems.append(_non_delegable(("rules", i, "delegate"), decision_type, rule))
    if rule.delegate.kind == "employees":
        problems.append(_problem(("rules", i, "delegate"), "employees_delegate"))
    # KL 7 kap 6 §: only an employee who holds the power (a department head) can pass it on.
    if rule.subdelegation.allowed and rule.delegate.kind not in ("position", "head"):
        path = ("rules", i, "subdelegation")
        problems.append(_problem(path, "subdelegation_by_employee", source=_KL_7_6))
    for party in rule.subdelegation.to:
        if party.kind not in ("position", "head", "employees"):
            path = ("rules", i, "subdelegation")
            problems.append(_problem(path, "subdelegation_to_employees", party=party.name))
    for j, requirement in enumerate(rule.requirements):
        if requirement.kind not in REQUIREMENT_KINDS or requirement.when not in WHEN:
            problems.append(
                _problem(
                    ("rules", i, "requirements", j),
                    "unknown_requirement",
                    kind=requirement.kind,
                    when=requirement.when,
                    kinds=", ".join(REQUIREMENT_KINDS),
                    whens=", ".join(WHEN),
                )
            )
        elif requirement.optional and (requirement.kind, requirement.when) != (
            "consultation",
            "before",
        ):
            optional_at = ("rules", i, "requirements", j, "optional")
            problems.append(_problem(optional_at, "optional_not_consultation"))
    for j, scope in enumerate(rule.scope):
        if scope.wholly_owned and scope.kinds != ("company",):
            owned_at = ("rules", i, "scope", j, "wholly_owned")
            problems.append(_problem(owned_at, "wholly_owned_not_companies"))
        unknown = [kind for kind in scope.kinds if kind not in ORGANIZATION_KINDS]
        if unknown:
            problems.append(
                _problem(
                    ("rules", i, "scope", j, "kinds"),
                    "unknown_organization_kind",
                    kind=unknown[0],
                    known=", ".join(ORGANIZATION_KINDS),
                )
            )
    return problems


def unknown_decision_type(path: tuple[str | int, ...], code: str) -> Problem:
    """A rule names a decision type the order does not define."""
    return _problem(path, "undefined_decision_type", type=code)


def _may_decide_non_delegable(rule: Rule) -> bool:
    if rule.delegate.kind == "organization":
        return True
    # KL 6 kap 39 §: urgent matters may be left to the chair or another member.
    return urgent(rule)


def _non_delegable(path: tuple[str | int, ...], decision_type: DecisionType, rule: Rule) -> Problem:
    return _problem(
        path,
        "delegated_non_delegable",
        decision_type=decision_type.name,
        category=decision_type.category,
        delegate=rule.delegate.name,
        source=_KL_6_38,
    )


def _subdelegation_problems(i: int, decision: SubDelegationDecision, rule: Rule) -> list[Problem]:
    problems = []
    at = ("subdelegations", i)
    if not rule.subdelegation.allowed:
        problems.append(_problem((*at, "rule"), "not_subdelegable", rule=rule.number))
    if decision.to.kind != "position":
        problems.append(_problem((*at, "to"), "subdelegation_to_position"))
    allowed = rule.subdelegation.to
    only_positions = allowed and all(party.kind == "position" for party in allowed)
    if only_positions and decision.to.key not in {party.key for party in allowed}:
        names = ", ".join(party.name for party in allowed)
        problems.append(
            _problem((*at, "to"), "subdelegation_only_to", rule=rule.number, names=names)
        )
    problems += [
        Problem((*at, "limits"), reason) for reason in _wider_limits(rule, decision.limits)
    ]
    if rule.scope and not decision.scope:
        problems.append(_problem((*at, "scope"), "subdelegation_scope_wider", rule=rule.number))
    return problems


def _wider_limits(rule: Rule, limits: Limits) -> list[Reason]:
    """A sub-delegate can never get more than the delegate had."""
    reasons = []
    most = rule.limits.max_amount
    if most is not None and limits.max_amount is None:
        reasons.append(_reason("subdelegation_no_amount_limit", rule=rule.number, most=most))
    elif most is not None and limits.max_amount is not None and limits.max_amount > most:
        reasons.append(
            _reason(
                "subdelegation_wider_amount", given=limits.max_amount, rule=rule.number, most=most
            )
        )
    longest = rule.limits.max_months
    if longest is not None and limits.max_months is None:
        reasons.append(_reason("subdelegation_no_time_limit", rule=rule.number, most=longest))
    elif longest is not None and limits.max_months is not None and limits.max_months > longest:
        reasons.append(
            _reason(
                "subdelegation_wider_time", given=limits.max_months, rule=rule.number, most=longest
            )
        )
    return reasons


def _reference_problems(
    order: Order, types: dict[str, DecisionType], facts: _Facts
) -> list[Problem]:
    problems = []
    if order.body != facts.body:
        problems.append(
            _problem(
                ("order", "body"), "other_body", order=order.body, body=facts.name, slug=facts.body
            )
        )
    elif order.organization not in facts.organizations:
        problems.append(
            _problem(
                ("order", "organization"),
                "unknown_organization",
                body=facts.name,
                slug=order.organization,
            )
        )
    for i, party in enumerate(named_parties(order)):
        if not facts.knows(party):
            code = "unknown_party_position" if party.kind == "position" else "unknown_party"
            problems.append(
                _problem(
                    _party_path(order, i), code, body=facts.name, slug=party.slug, name=party.name
                )
            )
    for i, rule in enumerate(order.rules):
        decision_type = types.get(rule.decision_type)
        delegate = facts.organizations.get(rule.delegate.slug)
        if (
            decision_type is not None
            and decision_type.category in NON_DELEGABLE
            and rule.delegate.kind == "organization"
            and delegate is not None
            and delegate.kind not in DECIDING_ORGAN_KINDS
        ):
            problems.append(_non_delegable(("rules", i, "delegate"), decision_type, rule))
        # KL 7 kap. 6 §: only a förvaltningschef, to whom the power was given, may pass it on.
        if (
            rule.subdelegation.allowed
            and rule.delegate.kind in ("position", "head")
            and not facts.heads_department(rule.delegate)
        ):
            problems.append(
                _problem(
                    ("rules", i, "subdelegation"),
                    "subdelegation_by_non_department_head",
                    delegate=rule.delegate.name,
                    source=_KL_7_6,
                )
            )
        for j, scope in enumerate(rule.scope):
            for slug in (scope.organization, *scope.excluding):
                if slug is not None and slug not in facts.organizations:
                    problems.append(
                        _problem(
                            ("rules", i, "scope", j),
                            "unknown_organization",
                            body=facts.name,
                            slug=slug,
                        )
                    )
    return problems


# ---------------------------------------------------------------------------------------------
# The directory, indexed


class _Facts:
    """A directory indexed for the questions a check asks."""

    def __init__(self, directory: Directory) -> None:
        self.body = directory.body
        self.name = directory.name
        self.organizations = {org.slug: org for org in directory.organizations}
        self.positions = {position.slug: position for position in directory.positions}
        self.persons = {person.id: person for person in directory.persons}
        self.ancestors = {slug: self._line(slug) for slug in self.organizations}
        self.ancestor_sets = {slug: frozenset(line) for slug, line in self.ancestors.items()}
        self.main_kind = {slug: self._main_kind(slug) for slug in self.organizations}
        heads: dict[str, list[str]] = defaultdict(list)
        for org in directory.organizations:
            if org.head is not None:
                heads[org.head].append(org.slug)
        self.heads = dict(heads)
        # The keys a position decides under: its own, and head of what it heads.
        self.position_roles: dict[str, list[tuple[str, str | None]]] = {}
        for slug in self.positions:
            keys = [slug, *(party_key("head", org) for org in self.heads.get(slug, ()))]
            if slug in self.heads:
                keys.append(party_key("head", CONCERNED))
            self.position_roles[slug] = [(key, None) for key in keys]
        self.position_keys = {
            slug: {key for key, _ in roles} for slug, roles in self.position_roles.items()
        }
        self.appointments_of_person = _grouped(directory.appointments, "person")
        self.appointments_to = _grouped(directory.appointments, "position")
        self.memberships_of_person = _grouped(directory.memberships, "person")
        self.memberships_in = _grouped(directory.memberships, "organization")
        self.absences = _grouped(directory.absences, "person")
        self._resolved: dict[tuple[str, str], Party | None] = {}

    def heads_department(self, party: Party) -> bool:
        """Whether the party is a förvaltningschef: the post that heads a department
        (förvaltning), or the head of one."""
        headed = [party.slug] if party.kind == "head" else self.heads.get(party.slug, [])
        return any(
            slug in self.organizations and self.organizations[slug].kind == "department"
            for slug in headed
        )

    def _line(self, slug: str) -> tuple[str, ...]:
        """The organization and those above it, nearest first."""
        line: list[str] = []
        current: str | None = slug
        while current is not None and current in self.organizations and current not in line:
            line.append(current)
            current = self.organizations[current].parent
        return tuple(line)

    def _main_kind(self, slug: str) -> str:
        for ancestor in self.ancestors[slug]:
            kind = self.organizations[ancestor].kind
            if kind not in SUB_UNIT_KINDS:
                return kind
        return self.organizations[slug].kind

    def knows(self, party: Party) -> bool:
        if party.relative:
            return True
        if party.kind == "position":
            return party.slug in self.positions
        if party.kind == "employees":
            return party.slug == self.body or party.slug in self.organizations
        return party.slug in self.organizations

    def org_name(self, slug: str) -> str:
        org = self.organizations[slug]
        return org.name if org.kind in PROPER_NAME_KINDS else org.name[:1].lower() + org.name[1:]

    def resolve(self, party: Party, concerning: str | None) -> Party | None:
        """The concrete party a relative one stands for, given the organization concerned."""
        if concerning is None:
            return None
        cache_key = (party.key, concerning)
        if cache_key not in self._resolved:
            self._resolved[cache_key] = self._resolve(party.kind, concerning)
        return self._resolved[cache_key]

    def _resolve(self, kind: str, concerning: str) -> Party | None:
        line = self.ancestors[concerning]
        if kind == "organization":
            # The board that answers for it: its committee, or a company's own board.
            board = next((a for a in line if self.organizations[a].kind in _BOARD_KINDS), None)
            if board is None:
                return None
            relation = "board" if self.organizations[board].kind == "company" else kind
            return self._related(kind, relation, board)
        if kind in ("chair", "presidium"):
            committee = next(
                (a for a in line if self.organizations[a].kind in DECIDING_ORGAN_KINDS), None
            )
            return None if committee is None else self._related(kind, kind, committee)
        department = self._department(concerning) if kind == "head" else None
        return None if department is None else self._related(kind, kind, department)

    def organ(self, slug: str) -> Party:
        """The organization `slug` as the organ a decision is reported to, filled in for the
        organization concerned (the organ of a chair who decided for it)."""
        return self._related("organization", "organization", slug)

    def organ_name(self, party: Party) -> str:
        """The name of the organization a party belongs to ("kommunstyrelsen" for the chair of
        ks); empty for a relative party, whose organization a check fills in."""
        return self.org_name(party.slug) if party.slug in self.organizations else ""

    def _related(self, kind: str, relation: str, slug: str) -> Party:
        """The party of kind `kind` that stands in `relation` to the organization `slug`."""
        return Party(kind, slug, "", Relation(relation, slug, self.org_name(slug)))

    def _department(self, concerning: str) -> str | None:
        """The department the decision concerns: the one above, or the committee's own."""
        for ancestor in self.ancestors[concerning]:
            if self.organizations[ancestor].kind == "department":
                return ancestor
        for org in self.organizations.values():
            if org.parent == concerning and org.kind == "department":
                return org.slug
        return None

    def holders(self, party: Party, on: datetime.date) -> list[int] | None:
        """Who holds a personal party on a date; None for collective ones (never absent)."""
        if party.kind == "position":
            return _holding(self.appointments_to.get(party.slug, ()), on)
        if party.kind == "head":
            org = self.organizations.get(party.slug)
            head = org.head if org is not None else None
            return _holding(self.appointments_to.get(head or "", ()), on)
        if party.kind in ("chair", "member"):
            roles = {"chair"} if party.kind == "chair" else _SEATED_ROLES
            seats = self.memberships_in.get(party.slug, ())
            return [m.person for m in seats if m.role in roles and _on(m, on)]
        return None

    def unavailable(self, party: Party, on: datetime.date) -> bool:
        holders = self.holders(party, on)
        if holders is None:
            return False
        return all(self.absent(person, on) for person in holders)

    def absent(self, person: int, on: datetime.date) -> bool:
        return any(_on(absence, on) for absence in self.absences.get(person, ()))

    def in_scope(self, scopes: tuple[Scope, ...], concerning: str | None) -> bool:
        if not scopes:
            return True
        if concerning is None:
            return False
        above = self.ancestor_sets[concerning]
        kind = self.main_kind[concerning]
        for scope in scopes:
            if scope.organization is not None and (
                scope.organization not in above
                if scope.subtree
                else scope.organization != concerning
            ):
                continue
            if any(excluded in above for excluded in scope.excluding):
                continue
            if scope.kinds and kind not in scope.kinds:
                continue
            if scope.wholly_owned and not self.wholly_owned(concerning):
                continue
            return True
        return False

    def company(self, slug: str) -> Organization | None:
        """The company the organization is, or belongs to."""
        return next(
            (
                self.organizations[ancestor]
                for ancestor in self.ancestors[slug]
                if self.organizations[ancestor].kind == "company"
            ),
            None,
        )

    def wholly_owned(self, slug: str) -> bool:
        """Whether the organization is, or belongs to, a company the body owns wholly."""
        company = self.company(slug)
        return company is not None and company.ownership == _WHOLLY

    def named(self, scopes: tuple[Scope, ...]) -> tuple[Scope, ...]:
        """The scopes with the organizations' names where their slugs were, as a reason or a
        page names them."""
        return tuple(
            replace(
                scope,
                organization=None
                if scope.organization is None
                else self._name_or_slug(scope.organization),
                excluding=tuple(self._name_or_slug(slug) for slug in scope.excluding),
            )
            for scope in scopes
        )

    def _name_or_slug(self, slug: str) -> str:
        return self.org_name(slug) if slug in self.organizations else slug


def _grouped(rows: Iterable[object], attribute: str) -> dict[object, list]:
    groups: dict[object, list] = defaultdict(list)
    for row in rows:
        groups[getattr(row, attribute)].append(row)
    return dict(groups)


def _on(row: Appointment | Membership | Absence, on: datetime.date) -> bool:
    return row.start <= on and (row.end is None or on <= row.end)


def _holding(appointments: Iterable[Appointment], on: datetime.date) -> list[int]:
    return [appointment.person for appointment in appointments if _on(appointment, on)]


# ---------------------------------------------------------------------------------------------
# The engine

_DELEGATE, _SUBSTITUTE, _SUBDELEGATE = "delegate", "substitute", "subdelegate"
_KL_7_8 = Source("kommunallagen", "7 kap. 8 §")
_KL_6_38 = Source("kommunallagen", "6 kap. 38 §")
_KL_7_6 = Source("kommunallagen", "7 kap. 6 §")
_KL_6_39 = Source("kommunallagen", "6 kap. 39 §")
_WHOLLY = Decimal(100)


class _Prepared:
    """A requirement whose party is known, with its statuses and reasons made once."""

    __slots__ = (
        "after",
        "done",
        "done_reason",
        "key",
        "not_waivable",
        "pending",
        "pending_reason",
        "requirement",
        "waived",
        "waived_reason",
    )

    def __init__(self, requirement: Requirement, rule_source: Source) -> None:
        source = requirement.source or rule_source
        facts = {"kind": requirement.kind, "party": requirement.party, "source": source}
        self.requirement = requirement
        self.after = requirement.when == "after"
        self.key = (requirement.kind, requirement.party.key)
        if self.after:
            code = (
                "requirement_at_next_meeting"
                if requirement.at_next_meeting
                else "requirement_after"
            )
            self.done_reason = self.pending_reason = _reason(code, **facts)
        else:
            self.done_reason = _reason("requirement_done", **facts)
            code = "requirement_optional" if requirement.optional else "requirement_pending"
            self.pending_reason = _reason(code, **facts)
        self.waived_reason = _reason("requirement_waived", **facts)
        # Only a consultation "vid behov" may be found not needed: a check that says a required
        # requirement before the decision was not needed is refused (`Query.waived`).
        self.not_waivable = (
            None
            if self.after or requirement.optional
            else _reason(
                "not_waivable",
                requirement=requirement,
                document=source.document,
                section=source.section,
            )
        )
        self.done = RequirementStatus(requirement, True)
        self.pending = RequirementStatus(requirement, False)
        self.waived = RequirementStatus(requirement, True, waived=True)


class _Entry:
    """A way into a rule for one key (as its delegate, a substitute or a sub-delegate), with
    what every check through it needs made ready: basis, reason and requirements."""

    __slots__ = (
        "basis",
        "decided_by",
        "decision",
        "order",
        "power",
        "rank",
        "requirements",
        "rule",
        "start",
        "until",
        "way",
    )

    def __init__(
        self,
        order: Order,
        rule: Rule,
        way: str,
        period: tuple[datetime.date, datetime.date | None],
        rank: int = 0,
        decision: SubDelegationDecision | None = None,
        organ_name: str = "",
    ) -> None:
        self.order, self.rule, self.way, self.rank, self.decision = order, rule, way, rank, decision
        self.start, self.until = period
        basis = [Basis(rule.source.document, rule.source.section, rule.number)]
        requirements = _reported_at_next_meeting(rule, organ_name)
        if decision is not None:
            basis.append(Basis(decision.source.document, decision.source.section, decision.id))
            # KL 7 kap 8 §: a sub-delegate's decisions are reported to the delegate.
            requirements.append(Requirement("report", "after", rule.delegate, _KL_7_8))
        self.basis = tuple(basis)
        self.requirements = tuple(
            requirement if requirement.party.relative else _Prepared(requirement, rule.source)
            for requirement in requirements
        )
        self.power = _power(self)
        self.decided_by = _reason(
            "decided_by", delegate=rule.delegate, rule=rule.number, source=rule.source
        )


def urgent(rule: Rule) -> bool:
    """Whether the rule gives a chair or member of an organ matters too urgent to wait for the
    organ (KL 6 kap. 39 §): limited by the condition URGENT, its delegate a chair or member."""
    return rule.delegate.kind in ("chair", "member") and any(
        condition.code == URGENT for condition in rule.limits.conditions
    )


def _reported_at_next_meeting(rule: Rule, organ_name: str) -> list[Requirement]:
    """The rule's requirements; an urgent rule's decisions are reported at the organ's next
    meeting (KL 6 kap. 39 §), whether or not the order says so: its report to the organ is
    due then, and added when the order names none. `organ_name` names the organ. For a
    relative delegate ("berord-ordforande") the organ is relative too (`berord`): a check
    reports to the organ of the chair it resolves (`_prepare_relative`)."""
    if not urgent(rule):
        return list(rule.requirements)
    organ = rule.delegate.slug
    requirements = [
        replace(requirement, at_next_meeting=True, source=requirement.source or _KL_6_39)
        if (requirement.kind, requirement.when) == ("report", "after")
        and (requirement.party.kind, requirement.party.slug) == ("organization", organ)
        else requirement
        for requirement in rule.requirements
    ]
    if not any(requirement.at_next_meeting for requirement in requirements):
        party = Party("organization", organ, organ_name)
        requirements.append(Requirement("report", "after", party, _KL_6_39, at_next_meeting=True))
    return requirements


def _power(entry: _Entry) -> Reason:
    """The reason that names the power; the check adds the actor unless the actor is the
    delegate."""
    rule = entry.rule
    power = {"delegate": rule.delegate, "matter": rule.matter, "source": rule.source}
    if entry.way == _SUBSTITUTE:
        return _reason("decides_as_substitute", **power)
    if entry.decision is not None:
        return _reason("decides_as_subdelegate", **power, granted=entry.decision.source)
    return _reason("may_decide", **power)


class _Finding:
    __slots__ = ("basis", "not_waivable", "outcome", "reasons", "reporting", "requirements")

    def __init__(self, outcome: str, basis: tuple[Basis, ...], reasons: list[Reason]) -> None:
        self.outcome, self.basis, self.reasons = outcome, basis, reasons
        self.requirements: list[RequirementStatus] = []
        self.reporting: list[Requirement] = []
        self.not_waivable: Reason | None = None  # a required requirement the query waived


class _BodyIndex:
    def __init__(self, facts: _Facts) -> None:
        self.facts = facts
        self.decision_types: dict[str, DecisionType] = {}
        self.by_key: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self.by_type: dict[str, list[_Entry]] = defaultdict(list)
        self.by_actor_key: dict[str, list[_Entry]] = defaultdict(list)
        self.rules: list[_Entry] = []  # one per rule, as the orders list them

    def add(self, key: str, entry: _Entry) -> None:
        self.by_key[(entry.rule.decision_type, key)].append(entry)
        self.by_actor_key[key].append(entry)


class Engine:
    """Answers checks against the orders of one or more bodies."""

    def __init__(self, directories: Iterable[Directory], orders: Iterable[Order]) -> None:
        self._bodies = {d.body: _BodyIndex(_Facts(d)) for d in directories}
        orders = list(orders)
        problems = []
        for order in orders:
            body = self._bodies.get(order.body)
            if body is None:
                problems.append(_problem(("order", "body"), "unknown_body", slug=order.body))
                continue
            problems += _order_refusals(order, body)
        if problems:
            raise OrderError(problems)
        for order, period in _periods(orders):
            self._add(order, period)

    def _add(self, order: Order, period: tuple[datetime.date, datetime.date | None]) -> None:
        body = self._bodies[order.body]
        rules = {rule.id: rule for rule in order.rules}
        for rule in order.rules:
            name = body.facts.organ_name(rule.delegate)
            entry = _Entry(order, rule, _DELEGATE, period, organ_name=name)
            body.add(rule.delegate.key, entry)
            body.by_type[rule.decision_type].append(entry)
            body.rules.append(entry)
            for rank, substitute in enumerate(rule.substitutes):
                body.add(
                    substitute.key, _Entry(order, rule, _SUBSTITUTE, period, rank, organ_name=name)
                )
        for decision in order.subdelegations:
            start = max(period[0], decision.valid_from)
            until = min((d for d in (period[1], decision.valid_to) if d is not None), default=None)
            entry = _Entry(order, rules[decision.rule], _SUBDELEGATE, (start, until), 0, decision)
            body.add(decision.to.key, entry)

    def rules_for(
        self, body: str, decision_type: str, on: datetime.date
    ) -> list[tuple[Order, Rule]]:
        """The rules in force on a date for a decision type: who may decide it, and how."""
        entries = self._body(body).by_type.get(decision_type, ())
        return [(entry.order, entry.rule) for entry in entries if _in_force(entry, on)]

    def rules_in_force(self, body: str, on: datetime.date) -> list[tuple[Order, Rule]]:
        """Every rule in force on a date, as the orders list them."""
        return [
            (entry.order, entry.rule) for entry in self._body(body).rules if _in_force(entry, on)
        ]

    def decision_type(self, body: str, code: str) -> DecisionType | None:
        return self._body(body).decision_types.get(code)

    def decision_types(self, body: str) -> list[DecisionType]:
        """The body's decision types, as its orders define them."""
        return list(self._body(body).decision_types.values())

    def powers(self, body: str, actor: Actor, on: datetime.date) -> list[tuple[Order, Rule]]:
        """The rules an actor can decide under on a date, as delegate, substitute or
        sub-delegate."""
        return [(power.order, power.rule) for power in self.power_list(body, actor, on)]

    def power_list(self, body: str, actor: Actor, on: datetime.date) -> list[Power]:
        """The actor's powers on a date, each with the way it holds it (for "Vad får jag
        besluta?"); a rule held both as delegate and otherwise counts as the delegate's."""
        index = self._body(body)
        _name, roles, keys = _roles(index.facts, actor, on)
        seen: dict[tuple[str, str], Power] = {}
        for key, acting in roles:
            for entry in index.by_actor_key.get(key, ()):
                if _in_force(entry, on) and _reaches(index.facts, entry, keys):
                    found = (entry.order.id, entry.rule.id)
                    if found not in seen or entry.way == _DELEGATE:
                        seen[found] = Power(entry.order, entry.rule, entry.way, acting)
        return list(seen.values())

    def requirements(self, body: str, rule: Rule) -> tuple[Requirement, ...]:
        """The rule's requirements as a check applies them: those the order writes, with the
        report the law adds or makes due at the organ's next meeting for an urgent rule
        (KL 6 kap. 39 §), as a rule's page lists them."""
        return tuple(
            _reported_at_next_meeting(rule, self._body(body).facts.organ_name(rule.delegate))
        )

    def named_scope(self, body: str, scope: tuple[Scope, ...]) -> tuple[Scope, ...]:
        """Where a rule applies, with organizations by name ("kommunstyrelseförvaltningen")."""
        return self._body(body).facts.named(scope)

    def _body(self, slug: str) -> _BodyIndex:
        body = self._bodies.get(slug)
        if body is None:
            raise CheckError("unknown_body", slug=slug)
        return body

    def check(self, query: Query) -> Verdict:
        body = self._body(query.body)
        facts = body.facts
        decision_type = body.decision_types.get(query.decision_type)
        if decision_type is None:
            raise CheckError("unknown_decision_type", type=query.decision_type, body=facts.name)
        if query.concerning is not None and query.concerning not in facts.organizations:
            raise CheckError("unknown_organization", body=facts.name, slug=query.concerning)
        name, roles, keys = _roles(facts, query.actor, query.date)
        findings = []
        by_key, code, on = body.by_key, decision_type.code, query.date
        for key, acting in roles:
            for entry in by_key.get((code, key), ()):
                if entry.start <= on and (entry.until is None or on <= entry.until):
                    findings.append(_evaluate(facts, query, entry, name, acting, keys))
        if not findings:
            return _nobody(body, query, decision_type, name)
        return _verdict(findings)


def _nobody(body: _BodyIndex, query: Query, decision_type: DecisionType, name: str) -> Verdict:
    """Denied: the actor holds no rule for the decision type; say who does."""
    what = decision_type.name[:1].lower() + decision_type.name[1:]
    reasons = [_reason("not_entitled", actor=name, matter=what, date=query.date)]
    basis: list[Basis] = []
    for entry in body.by_type.get(decision_type.code, ()):
        if _in_force(entry, query.date):
            basis += entry.basis
            reasons.append(entry.decided_by)
    if not basis:
        reasons.append(_reason("no_rule", date=query.date, matter=what))
    if decision_type.category in NON_DELEGABLE and query.actor.kind != "organization":
        reasons.append(_reason("not_delegable", category=decision_type.category, source=_KL_6_38))
    return Verdict("denied", tuple(basis), (), (), tuple(reasons))


def _order_refusals(order: Order, body: _BodyIndex) -> list[Problem]:
    problems = _problems(order, body.facts)
    for decision_type in order.decision_types:
        known = body.decision_types.setdefault(decision_type.code, decision_type)
        if known != decision_type:
            problems.append(
                _problem(
                    ("decision_types", decision_type.code),
                    "decision_type_twice",
                    type=decision_type.code,
                )
            )
    return [
        _problem(
            problem.path, "in_order", document=order.document, id=order.id, problem=problem.reason
        )
        for problem in problems
    ]


def _periods(
    orders: list[Order],
) -> list[tuple[Order, tuple[datetime.date, datetime.date | None]]]:
    """When each order is in force: until its end, or the day before the next one of the same
    organization and document starts."""
    series: dict[tuple[str, str, str], list[Order]] = defaultdict(list)
    for order in orders:
        series[(order.body, order.organization, order.document)].append(order)
    periods = []
    for versions in series.values():
        versions.sort(key=lambda order: order.valid_from)
        for order, following in zip(versions, [*versions[1:], None], strict=True):
            ends = [order.valid_to] if order.valid_to is not None else []
            if following is not None:
                ends.append(following.valid_from - datetime.timedelta(days=1))
            periods.append((order, (order.valid_from, min(ends, default=None))))
    return periods


def _reaches(facts: _Facts, entry: _Entry, keys: set[str]) -> bool:
    """Whether the actor can decide under the entry for some organization: always, unless the
    delegate is relative ("berörd nämnd"); then for one of the actor's own organizations."""
    if entry.way != _DELEGATE or not entry.rule.delegate.relative:
        return True
    own = {key.removesuffix(suffix) for key in keys for suffix in ("", *_KEY_SUFFIXES.values())}
    for org in own & facts.organizations.keys():
        resolved = facts.resolve(entry.rule.delegate, org)
        if resolved is not None and resolved.key in keys and facts.in_scope(entry.rule.scope, org):
            return True
    return False


def _in_force(entry: _Entry, on: datetime.date) -> bool:
    return entry.start <= on and (entry.until is None or on <= entry.until)


Roles = list[tuple[str, str | None]]


def _roles(facts: _Facts, actor: Actor, on: datetime.date) -> tuple[str, Roles, set[str]]:
    """The actor's name, the keys it can decide under (each with the post held as acting, if
    any), and the concrete keys a relative delegate must resolve to."""
    if actor.kind == "organization":
        slug = str(actor.ref)
        if slug not in facts.organizations:
            raise CheckError("unknown_organization", body=facts.name, slug=slug)
        return capitalized(facts.org_name(slug)), [(slug, None), (CONCERNED, None)], {slug}
    if actor.kind == "position":
        slug = str(actor.ref)
        if slug not in facts.positions:
            raise CheckError("unknown_position", body=facts.name, slug=slug)
        roles = facts.position_roles[slug]
        return facts.positions[slug].title, roles, facts.position_keys[slug]
    if actor.kind == "person":
        person = facts.persons.get(int(actor.ref)) if str(actor.ref).isdigit() else None
        if person is None:
            raise CheckError("unknown_person", body=facts.name, ref=actor.ref)
        roles = []
        for appointment in facts.appointments_of_person.get(person.id, ()):
            if _on(appointment, on) and appointment.position in facts.positions:
                slug = appointment.position
                if appointment.acting:
                    acting = facts.positions[slug].title.lower()
                    roles += [(key, acting) for key, _ in facts.position_roles[slug]]
                else:
                    roles += facts.position_roles[slug]
        for membership in facts.memberships_of_person.get(person.id, ()):
            if _on(membership, on):
                roles += _seat_roles(membership)
        return person.name, roles, {key for key, _ in roles}
    raise CheckError("unknown_actor_kind", kind=actor.kind)


def _seat_roles(membership: Membership) -> Roles:
    roles: Roles = []
    if membership.role == "chair":
        roles.append((party_key("chair", membership.organization), None))
        roles.append((party_key("chair", CONCERNED), None))
    if membership.role in _SEATED_ROLES:
        roles.append((party_key("member", membership.organization), None))
    return roles


def _evaluate(
    facts: _Facts,
    query: Query,
    entry: _Entry,
    name: str,
    acting: str | None,
    keys: set[str],
) -> _Finding:
    refusals = _refusals(facts, query, entry, name, keys)
    if refusals:
        return _Finding("denied", entry.basis, refusals)
    reasons = []
    if acting is not None:
        reasons.append(_reason("acting", actor=name, position=acting, date=query.date))
    power = entry.power
    reasons.append(
        power if entry.way == _DELEGATE else replace(power, params=(("actor", name), *power.params))
    )
    finding = _Finding("allowed", entry.basis, reasons)
    done = query.done
    for prepared in entry.requirements:
        if not isinstance(prepared, _Prepared):
            prepared = _prepare_relative(facts, prepared, entry.rule, query.concerning)
        if prepared.not_waivable is not None and prepared.key in query.waived:
            finding.not_waivable = finding.not_waivable or prepared.not_waivable
        if prepared.after:
            finding.reporting.append(prepared.requirement)
            reasons.append(prepared.done_reason)
        elif prepared.key in done:
            finding.requirements.append(prepared.done)
            reasons.append(prepared.done_reason)
        elif prepared.requirement.optional and prepared.key in query.waived:
            finding.requirements.append(prepared.waived)
            reasons.append(prepared.waived_reason)
        else:
            finding.requirements.append(prepared.pending)
            reasons.append(prepared.pending_reason)
            finding.outcome = "requirements_pending"
    return finding


def _prepare_relative(
    facts: _Facts, requirement: Requirement, rule: Rule, concerning: str | None
) -> _Prepared:
    """A requirement on a party of the organization concerned, with that party filled in. A
    report due at the next meeting goes to the organ of the delegate resolved for the
    organization concerned (KL 6 kap. 39 §: the committee whose chair decided), which is not
    always the board `berord` stands for (a company's own board)."""
    if requirement.at_next_meeting:
        delegate = facts.resolve(rule.delegate, concerning)
        resolved = None if delegate is None else facts.organ(delegate.slug)
    else:
        resolved = facts.resolve(requirement.party, concerning)
    if resolved is not None:
        requirement = replace(requirement, party=resolved)
    return _Prepared(requirement, rule.source)


def _refusals(
    facts: _Facts, query: Query, entry: _Entry, name: str, keys: set[str]
) -> list[Reason]:
    rule = entry.rule
    source = rule.source
    reasons: list[Reason] = []
    delegate = rule.delegate
    if delegate.relative:
        resolved = facts.resolve(delegate, query.concerning)
        if resolved is None:
            return [_reason("name_organization", delegate=delegate, source=source)]
        delegate = resolved
        if entry.way == _DELEGATE and delegate.key not in keys:
            return [_reason("decided_by_other", delegate=delegate, actor=name, source=source)]
    if entry.way == _DELEGATE and query.delegate_unavailable:
        return [_reason("delegate_unavailable", delegate=delegate, source=source)]
    if entry.way == _SUBSTITUTE:
        if not (query.delegate_unavailable or facts.unavailable(delegate, query.date)):
            return [_reason("substitute_only", actor=name, delegate=delegate, source=source)]
        for earlier in rule.substitutes[: entry.rank]:
            if not facts.unavailable(earlier, query.date):
                return [_reason("substitute_first", substitute=earlier, actor=name, source=source)]
    if rule.scope:
        reasons += _out_of_scope(facts, query, rule.scope, source)
    reasons += _beyond(query, rule.limits, source)
    if entry.decision is not None:
        granted = entry.decision.source
        reasons += _out_of_scope(facts, query, entry.decision.scope, granted)
        reasons += _beyond(query, entry.decision.limits, granted)
    return reasons


def _out_of_scope(
    facts: _Facts, query: Query, scope: tuple[Scope, ...], source: Source
) -> list[Reason]:
    if facts.in_scope(scope, query.concerning):
        return []
    where = facts.named(scope)
    if query.concerning is None:
        return [_reason("scope_unnamed", scope=where, source=source)]
    concerned = facts.org_name(query.concerning)
    company = facts.company(query.concerning)
    any_owner = tuple(replace(each, wholly_owned=False) for each in scope)
    if company is not None and facts.in_scope(any_owner, query.concerning):
        # Only the company's ownership keeps it out: say what the body owns of it.
        if company.ownership is None:
            return [_reason("scope_ownership_unknown", concerned=concerned, source=source)]
        share = company.ownership
        return [_reason("scope_partly_owned", concerned=concerned, share=share, source=source)]
    return [_reason("scope_other", scope=where, concerned=concerned, source=source)]


def _beyond(query: Query, limits: Limits, source: Source) -> list[Reason]:
    reasons = []
    if limits.max_amount is not None:
        if query.amount is None:
            reasons.append(_reason("amount_missing", limit=limits.max_amount, source=source))
        elif query.amount > limits.max_amount:
            reasons.append(
                _reason("amount_over", amount=query.amount, limit=limits.max_amount, source=source)
            )
    if limits.max_months is not None:
        if query.months is None:
            reasons.append(_reason("months_missing", limit=limits.max_months, source=source))
        elif query.months > limits.max_months:
            reasons.append(
                _reason("months_over", months=query.months, limit=limits.max_months, source=source)
            )
    for condition in limits.conditions:
        if condition.code not in query.conditions:
            cited = condition.source if condition.source is not None else source
            reasons.append(_reason("condition", condition=condition.text, source=cited))
    return reasons


def _verdict(findings: list[_Finding]) -> Verdict:
    """The answer by the first rule that allows the decision, else the first that allows it
    once its requirements are met, else every rule's refusal. A query that waives a required
    requirement of the rule the answer rests on cannot be answered (CheckError)."""
    for outcome in ("allowed", "requirements_pending"):
        for finding in findings:
            if finding.outcome == outcome:
                if finding.not_waivable is not None:
                    raise CheckError(finding.not_waivable.code, **finding.not_waivable.data)
                return Verdict(
                    outcome,
                    finding.basis,
                    tuple(finding.requirements),
                    tuple(finding.reporting),
                    tuple(finding.reasons),
                )
    basis = {b: None for finding in findings for b in finding.basis}
    reasons = {reason: None for finding in findings for reason in finding.reasons}
    return Verdict("denied", tuple(basis), (), (), tuple(reasons))
