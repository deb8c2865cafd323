"""The shipped encodings of the two seed instructions: complete, citing sections that exist,
and naming only organizations and positions the demo data has."""

import pytest

from kansli.delegation import engine, orderfile
from kansli.demo.blekinge import BLEKINGE
from kansli.demo.seeds import (
    BLEKINGE_HEADINGS,
    BLEKINGE_INSTRUCTION,
    VANERSBORG_INSTRUCTION,
    seed_text,
)
from kansli.demo.spec import BodySpec
from kansli.demo.vanersborg import VANERSBORG
from kansli.governance.sections import split_sections

ORDERS = {order.body: order for order in orderfile.load_all()}

# Sections that give, limit, condition or oblige nothing (see the comments in the YAML files).
SAYS_NOTHING = {
    "vanersborg": {"1"},
    "blekinge": {"Förslag till beslut"},
}


def sections(body: str) -> set[str]:
    """The sections of the seed that have text of their own, as the YAML cites them."""
    if body == "vanersborg":
        parsed = split_sections(seed_text(VANERSBORG_INSTRUCTION))
        return {section.number for section in parsed.sections if section.text}
    parsed = split_sections(seed_text(BLEKINGE_INSTRUCTION), BLEKINGE_HEADINGS)
    return {section.heading for section in parsed.sections if section.text}


def cited(order: engine.Order) -> set[str]:
    sources = [rule.source for rule in order.rules] + [duty.source for duty in order.duties]
    sources += [r.source for rule in order.rules for r in rule.requirements if r.source]
    sources += [c.source for rule in order.rules for c in rule.limits.conditions if c.source]
    return {source.section for source in sources if source.document == order.document}


@pytest.mark.parametrize("body", ["vanersborg", "blekinge"])
def test_every_section_that_says_something_is_encoded(body):
    assert cited(ORDERS[body]) == sections(body) - SAYS_NOTHING[body]


@pytest.mark.parametrize(
    ("body", "document"),
    [
        ("vanersborg", "Kommundirektörsinstruktion"),
        ("blekinge", "Instruktion till landstingsdirektör"),
    ],
)
def test_each_seed_is_an_order_of_its_body_and_document(body, document):
    order = ORDERS[body]

    assert order.document == document
    assert len(order.rules) > 10
    assert len(order.duties) > 20


def directory_of(spec: BodySpec) -> engine.Directory:
    heads = {post.organization: post.slug for post in spec.posts if post.heads}
    return engine.Directory(
        body=spec.slug,
        name=spec.name,
        organizations=tuple(
            engine.Organization(org.slug, org.kind, org.name, org.parent, heads.get(org.slug))
            for org in spec.organizations
        ),
        positions=tuple(
            engine.Position(post.slug, post.title, post.organization) for post in spec.posts
        ),
    )


@pytest.mark.parametrize("spec", [VANERSBORG, BLEKINGE], ids=lambda spec: spec.slug)
def test_the_seeds_name_only_what_the_demo_has(spec):
    assert engine.order_problems(ORDERS[spec.slug], directory_of(spec)) == []
