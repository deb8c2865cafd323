"""Writing an order to YAML and reading it back gives the same order: for the seed encodings,
and for any valid order hypothesis can think of."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.delegation import orderfile
from kansli.delegation.engine import (
    CONCERNED,
    NON_DELEGABLE,
    ORGANIZATION_KINDS,
    PARTY_KINDS,
    RECURRENCES,
    RELATIVE_KINDS,
    REQUIREMENT_KINDS,
    WHEN,
    Condition,
    DecisionType,
    Duty,
    Limits,
    Order,
    Party,
    Requirement,
    Rule,
    Scope,
    Source,
    SubDelegation,
    SubDelegationDecision,
    order_problems,
)
from kansli.delegation.tests import seed_orders

# Text as people write it, with the characters YAML treats specially.
texts = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=30
).filter(str.strip)
slugs = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
dates = st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31))
amounts = st.decimals(min_value=0, max_value=10**10, places=2)
months = st.integers(min_value=0, max_value=120)


@st.composite
def parties(draw: st.DrawFn) -> Party:
    kind = draw(st.sampled_from(PARTY_KINDS))
    relative = kind in RELATIVE_KINDS and draw(st.booleans())
    return Party(kind, CONCERNED if relative else draw(slugs), draw(texts))


def sources(document: str) -> st.SearchStrategy[Source]:
    return st.builds(Source, st.one_of(st.just(document), texts), texts)


@st.composite
def limits(draw: st.DrawFn, document: str, within: Limits | None = None) -> Limits:
    """Limits; within others, never wider than them."""
    most = within.max_amount if within else None
    longest = within.max_months if within else None
    amount = draw(amounts if most is None else st.decimals(min_value=0, max_value=most, places=2))
    return Limits(
        max_amount=amount if most is not None else draw(st.none() | st.just(amount)),
        max_months=draw(st.integers(0, longest) if longest is not None else st.none() | months),
        conditions=tuple(
            draw(
                st.lists(
                    st.builds(Condition, slugs, texts, st.none() | sources(document)), max_size=2
                )
            )
        ),
    )


scopes = st.builds(
    Scope,
    organization=st.none() | slugs,
    subtree=st.booleans(),
    excluding=st.lists(slugs, max_size=2).map(tuple),
    kinds=st.lists(st.sampled_from(list(ORGANIZATION_KINDS)), max_size=2, unique=True).map(tuple),
)


@st.composite
def rules(
    draw: st.DrawFn, id: str, vocabulary: list[Party], types: list[DecisionType], document: str
) -> Rule:
    delegate = draw(st.sampled_from([p for p in vocabulary if p.kind != "employees"]))
    # KL 6 kap 38 §: only an organization may decide a non-delegable matter.
    allowed_types = [t for t in types if t.category is None or delegate.kind == "organization"]
    employees = [p for p in vocabulary if p.kind in ("position", "head", "employees")]
    may_pass_on = delegate.kind in ("position", "head") and draw(st.booleans())
    return Rule(
        id=id,
        number=draw(texts),
        decision_type=draw(st.sampled_from(allowed_types)).code,
        matter=draw(texts),
        delegate=delegate,
        source=draw(sources(document)),
        substitutes=tuple(draw(st.lists(st.sampled_from(vocabulary), max_size=2))),
        scope=tuple(draw(st.lists(scopes, max_size=2))),
        limits=draw(limits(document)),
        requirements=tuple(
            draw(
                st.lists(
                    st.builds(
                        Requirement,
                        st.sampled_from(REQUIREMENT_KINDS),
                        st.sampled_from(WHEN),
                        st.sampled_from(vocabulary),
                        st.none() | sources(document),
                    ),
                    max_size=3,
                )
            )
        ),
        subdelegation=SubDelegation(
            allowed=may_pass_on,
            to=tuple(draw(st.lists(st.sampled_from(employees), max_size=2))) if employees else (),
        ),
        legal_basis=tuple(draw(st.lists(texts, max_size=2))),
    )


@st.composite
def subdelegations(
    draw: st.DrawFn, id: str, rule: Rule, vocabulary: list[Party]
) -> SubDelegationDecision:
    named = [p for p in rule.subdelegation.to if p.kind == "position"]
    only_positions = rule.subdelegation.to and len(named) == len(rule.subdelegation.to)
    positions = named if only_positions else [p for p in vocabulary if p.kind == "position"]
    to = draw(st.sampled_from(positions))
    valid_from = draw(dates)
    return SubDelegationDecision(
        id=id,
        rule=rule.id,
        to=to,
        valid_from=valid_from,
        source=draw(sources(draw(texts))),
        valid_to=draw(st.none() | st.dates(valid_from, datetime.date(2200, 12, 31))),
        scope=rule.scope or tuple(draw(st.lists(scopes, max_size=1))),
        limits=draw(limits(draw(texts), within=rule.limits)),
    )


@st.composite
def orders(draw: st.DrawFn) -> Order:
    document = draw(texts)
    vocabulary = draw(st.lists(parties(), min_size=1, max_size=6, unique_by=lambda p: p.key))
    # A delegate, and a position to pass powers on to.
    if not any(p.kind == "position" for p in vocabulary):
        director = Party("position", "kommundirektor", "kommundirektören")
        vocabulary = [p for p in vocabulary if p.key != director.key] + [director]
    codes = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    types = [DecisionType(codes[0], draw(texts))] + [
        DecisionType(code, draw(texts), draw(st.none() | st.sampled_from(list(NON_DELEGABLE))))
        for code in codes[1:]
    ]
    rule_list = [
        draw(rules(f"r{i}", vocabulary, types, document)) for i in range(draw(st.integers(0, 4)))
    ]
    passing_on = [rule for rule in rule_list if rule.subdelegation.allowed]
    valid_from = draw(dates)
    return Order(
        id=draw(slugs),
        body=draw(slugs),
        organization=draw(slugs),
        document=document,
        version=draw(texts),
        valid_from=valid_from,
        adopted_on=draw(st.none() | dates),
        minute=draw(st.just("") | texts),
        valid_to=draw(st.none() | st.dates(valid_from, datetime.date(2200, 12, 31))),
        parties=tuple(vocabulary),
        decision_types=tuple(types),
        rules=tuple(rule_list),
        duties=tuple(
            Duty(
                id=f"d{i}",
                number=draw(texts),
                holder=draw(st.sampled_from(vocabulary)),
                text=draw(texts),
                source=draw(sources(document)),
                legal_basis=tuple(draw(st.lists(texts, max_size=2))),
                parties=tuple(draw(st.lists(st.sampled_from(vocabulary), max_size=2))),
                recurrence=draw(st.none() | st.sampled_from(RECURRENCES)),
                trigger=draw(st.just("") | texts),
            )
            for i in range(draw(st.integers(0, 3)))
        ),
        subdelegations=tuple(
            draw(subdelegations(f"v{i}", rule, vocabulary)) for i, rule in enumerate(passing_on)
        ),
    )


# Thirty generated orders, each with many rules, duties and sub-delegations, a third of
# hypothesis's default (which cost the suite half a minute a run); the seeds' real orders
# make the round trip in their own tests.
@settings(deadline=None, max_examples=30)
@given(orders())
def test_export_then_import_gives_the_same_order(order):
    assert order_problems(order) == []

    assert orderfile.loads(orderfile.dumps(order)) == order


@pytest.mark.parametrize("order", seed_orders(), ids=lambda order: order.body)
def test_the_seed_encodings_survive_export_and_import(order, tmp_path):
    path = tmp_path / "ordning.yaml"

    orderfile.dump(order, path)

    assert orderfile.load(path) == order


def test_amounts_keep_their_exact_value():
    order = Order(
        id="o",
        body="b",
        organization="ks",
        document="D",
        version="1",
        valid_from=datetime.date(2024, 1, 1),
        decision_types=(DecisionType("inkop", "Inköp"),),
        rules=(
            Rule(
                id="r1",
                number="1",
                decision_type="inkop",
                matter="Inköp",
                delegate=Party("position", "kd", "kommundirektören"),
                source=Source("D", "1"),
                limits=Limits(max_amount=Decimal("1234567.89")),
            ),
        ),
    )

    again = orderfile.loads(orderfile.dumps(order))

    assert str(again.rules[0].limits.max_amount) == "1234567.89"
