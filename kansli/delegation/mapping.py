"""An order's rows and the engine's `Order`, each made from the other without loss.

`to_engine` reads a saved order (with its decision types, rules and duties) into the engine's
plain data; `from_engine` makes the unsaved rows that store an engine `Order`. The JSON fields
hold the structured parts of a rule in the shape written here, and only here.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from kansli.delegation import engine
from kansli.delegation.models import DecisionType, DelegationOrder, DelegationRule, Duty

JSON = dict[str, Any]


# --- the engine's values as JSON, and back


def _party(party: engine.Party) -> JSON:
    return {"kind": party.kind, "slug": party.slug, "name": party.name}


def _party_of(data: JSON) -> engine.Party:
    return engine.Party(data["kind"], data["slug"], data["name"])


def _source(source: engine.Source | None) -> JSON | None:
    return None if source is None else {"document": source.document, "section": source.section}


def _source_of(data: JSON | None) -> engine.Source | None:
    return None if data is None else engine.Source(data["document"], data["section"])


def _scope(scope: engine.Scope) -> JSON:
    return scope.as_dict()


def _scope_of(data: JSON) -> engine.Scope:
    return engine.Scope(
        organization=data["organization"],
        subtree=data["subtree"],
        excluding=tuple(data["excluding"]),
        kinds=tuple(data["kinds"]),
        wholly_owned=data.get("wholly_owned", False),
    )


def _limits(limits: engine.Limits) -> JSON:
    return {
        "max_amount": None if limits.max_amount is None else str(limits.max_amount),
        "max_months": limits.max_months,
        "conditions": [
            {"code": c.code, "text": c.text, "source": _source(c.source)} for c in limits.conditions
        ],
    }


def _limits_of(data: JSON) -> engine.Limits:
    if not data:
        return engine.Limits()
    amount = data["max_amount"]
    return engine.Limits(
        max_amount=None if amount is None else Decimal(amount),
        max_months=data["max_months"],
        conditions=tuple(
            engine.Condition(c["code"], c["text"], _source_of(c["source"]))
            for c in data["conditions"]
        ),
    )


def _requirement(requirement: engine.Requirement) -> JSON:
    return {
        "kind": requirement.kind,
        "when": requirement.when,
        "party": _party(requirement.party),
        "source": _source(requirement.source),
        "optional": requirement.optional,
    }


def _requirement_of(data: JSON) -> engine.Requirement:
    return engine.Requirement(
        data["kind"],
        data["when"],
        _party_of(data["party"]),
        _source_of(data["source"]),
        optional=data.get("optional", False),
    )


def _subdelegation(subdelegation: engine.SubDelegation) -> JSON:
    return subdelegation.as_dict()


def _subdelegation_of(data: JSON) -> engine.SubDelegation:
    if not data:
        return engine.SubDelegation()
    return engine.SubDelegation(data["allowed"], tuple(_party_of(p) for p in data["to"]))


def _date(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_of(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def _decision(decision: engine.SubDelegationDecision) -> JSON:
    return {
        "id": decision.id,
        "rule": decision.rule,
        "to": _party(decision.to),
        "valid_from": _date(decision.valid_from),
        "valid_to": _date(decision.valid_to),
        "source": _source(decision.source),
        "scope": [_scope(scope) for scope in decision.scope],
        "limits": _limits(decision.limits),
    }


def _decision_of(data: JSON) -> engine.SubDelegationDecision:
    return engine.SubDelegationDecision(
        id=data["id"],
        rule=data["rule"],
        to=_party_of(data["to"]),
        valid_from=datetime.date.fromisoformat(data["valid_from"]),
        valid_to=_date_of(data["valid_to"]),
        source=engine.Source(**data["source"]),
        scope=tuple(_scope_of(scope) for scope in data["scope"]),
        limits=_limits_of(data["limits"]),
    )


# --- rows to the engine


def rule_of(row: DelegationRule) -> engine.Rule:
    return engine.Rule(
        id=row.key,
        number=row.number,
        decision_type=row.decision_type,
        matter=row.matter,
        delegate=engine.Party(row.delegate_kind, row.delegate_slug, row.delegate_name),
        source=engine.Source(row.source_document, row.source_section),
        substitutes=tuple(_party_of(party) for party in row.substitutes),
        scope=tuple(_scope_of(scope) for scope in row.scope),
        limits=_limits_of(row.limits),
        requirements=tuple(_requirement_of(r) for r in row.requirements),
        subdelegation=_subdelegation_of(row.subdelegation),
        legal_basis=tuple(row.legal_basis),
    )


def duty_of(row: Duty) -> engine.Duty:
    return engine.Duty(
        id=row.key,
        number=row.number,
        holder=engine.Party(row.holder_kind, row.holder_slug, row.holder_name),
        text=row.text,
        source=engine.Source(row.source_document, row.source_section),
        legal_basis=tuple(row.legal_basis),
        parties=tuple(_party_of(party) for party in row.parties),
        recurrence=row.recurrence or None,
        trigger=row.trigger,
    )


def to_engine(
    order: DelegationOrder,
    *,
    decision_types: list[DecisionType] | None = None,
    rules: list[DelegationRule] | None = None,
    duties: list[Duty] | None = None,
) -> engine.Order:
    """The engine's `Order` for a saved order. Pass rows already fetched (in file order) to
    spare the queries; `order.body` and `order.organization` are read, so select them."""
    if decision_types is None:
        decision_types = list(order.decision_types.all())
    if rules is None:
        rules = list(order.rules.all())
    if duties is None:
        duties = list(order.duties.all())
    return engine.Order(
        id=order.key,
        body=order.body.slug,
        organization=order.organization.slug,
        document=order.document,
        version=order.version,
        valid_from=order.valid_from,
        adopted_on=order.adopted_on,
        minute=order.minute,
        valid_to=order.valid_to,
        parties=tuple(_party_of(party) for party in order.parties),
        decision_types=tuple(
            engine.DecisionType(t.code, t.name, t.non_delegable or None) for t in decision_types
        ),
        rules=tuple(rule_of(row) for row in rules),
        duties=tuple(duty_of(row) for row in duties),
        subdelegations=tuple(_decision_of(data) for data in order.subdelegations),
    )


# --- the engine to rows


def order_fields(order: engine.Order) -> JSON:
    """The fields of a `DelegationOrder` that store `order` (all but body and organization)."""
    return {
        "key": order.id,
        "document": order.document,
        "version": order.version,
        "adopted_on": order.adopted_on,
        "minute": order.minute,
        "valid_from": order.valid_from,
        "valid_to": order.valid_to,
        "parties": [_party(party) for party in order.parties],
        "subdelegations": [_decision(decision) for decision in order.subdelegations],
    }


def decision_type_rows(order: engine.Order, saved: DelegationOrder) -> list[DecisionType]:
    return [
        DecisionType(
            order=saved, position=i, code=t.code, name=t.name, non_delegable=t.category or ""
        )
        for i, t in enumerate(order.decision_types)
    ]


def rule_rows(order: engine.Order, saved: DelegationOrder) -> list[DelegationRule]:
    return [
        DelegationRule(
            order=saved,
            position=i,
            key=rule.id,
            number=rule.number,
            decision_type=rule.decision_type,
            matter=rule.matter,
            delegate_kind=rule.delegate.kind,
            delegate_slug=rule.delegate.slug,
            delegate_name=rule.delegate.name,
            substitutes=[_party(party) for party in rule.substitutes],
            scope=[_scope(scope) for scope in rule.scope],
            limits=_limits(rule.limits),
            requirements=[_requirement(r) for r in rule.requirements],
            subdelegation=_subdelegation(rule.subdelegation),
            legal_basis=list(rule.legal_basis),
            source_document=rule.source.document,
            source_section=rule.source.section,
        )
        for i, rule in enumerate(order.rules)
    ]


def duty_rows(order: engine.Order, saved: DelegationOrder) -> list[Duty]:
    return [
        Duty(
            order=saved,
            position=i,
            key=duty.id,
            number=duty.number,
            holder_kind=duty.holder.kind,
            holder_slug=duty.holder.slug,
            holder_name=duty.holder.name,
            text=duty.text,
            parties=[_party(party) for party in duty.parties],
            recurrence=duty.recurrence or "",
            trigger=duty.trigger,
            legal_basis=list(duty.legal_basis),
            source_document=duty.source.document,
            source_section=duty.source.section,
        )
        for i, duty in enumerate(order.duties)
    ]
