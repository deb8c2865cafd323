"""The diff of two versions of an order, pure: rules added, removed and changed (with the
fields that changed), each under its section, sections in their numbers' order."""

import dataclasses
import datetime

from kansli.delegation.diff import ADDED, CHANGED, REMOVED, order_diff, section_key
from kansli.delegation.engine import Limits, Order, Party, Rule, Source

DIRECTOR = Party("position", "kommundirektor", "kommundirektören")
BOARD = Party("organization", "ks", "kommunstyrelsen")


def rule(id_: str, section: str, **changes: object) -> Rule:
    made = Rule(
        id=id_,
        number=f"{section} {id_}",
        decision_type="inkop",
        matter=f"Ärende {id_}",
        delegate=DIRECTOR,
        source=Source("Delegationsordning", section),
    )
    return dataclasses.replace(made, **changes)


def order(*rules: Rule) -> Order:
    return Order(
        id="ks",
        body="vanersborg",
        organization="ks",
        document="Delegationsordning",
        version="1",
        valid_from=datetime.date(2020, 1, 1),
        rules=rules,
    )


def test_rules_added_removed_and_changed_each_under_its_section():
    before = order(rule("a", "3.1"), rule("b", "3.1"), rule("c", "10.2"))
    after = order(
        rule("a", "3.1", delegate=BOARD, limits=Limits(max_amount=None, max_months=6)),
        rule("c", "10.2"),
        rule("d", "4"),
    )

    diff = order_diff(before, after)

    assert [section.section for section in diff.sections] == ["3.1", "4"]
    (changed,) = diff.changed
    assert (changed.kind, changed.rule.id, changed.changed) == (
        CHANGED,
        "a",
        ("delegate", "limits"),
    )
    assert [(d.kind, d.rule.id) for d in diff.added] == [(ADDED, "d")]
    assert [(d.kind, d.rule.id, d.after) for d in diff.removed] == [(REMOVED, "b", None)]


def test_a_rule_moved_to_another_section_is_changed_under_its_new_section():
    diff = order_diff(order(rule("a", "3.1")), order(rule("a", "5", number="3.1 a")))

    assert [(s.section, [d.changed for d in s.rules]) for s in diff.sections] == [
        ("5", [("source",)])
    ]


def test_the_same_rules_make_no_diff_and_no_order_before_adds_every_rule():
    same = order(rule("a", "3.1"))

    assert not order_diff(same, same)
    assert [d.kind for d in order_diff(None, same).added] == [ADDED]


def test_sections_sort_by_their_numbers():
    assert sorted(["5.10", "5.2", "10", "2.1 a", "Bilaga"], key=section_key) == [
        "2.1 a",
        "5.2",
        "5.10",
        "10",
        "Bilaga",
    ]
