"""What a new version of a delegation order changes in the version in force: the rules added,
removed and changed (with the fields that changed), grouped by the section they cite.

Pure Python on the engine's plain `Order`, like `engine.py`: a rule is the same rule in both
versions when it keeps its id, whatever else changes (its number and section included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from kansli.delegation.engine import Order, Rule

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

# The fields of a rule a reader compares, in the order the order's table shows them.
RULE_FIELDS = tuple(f.name for f in fields(Rule) if f.name != "id")


@dataclass(frozen=True)
class RuleDiff:
    """One rule added, removed or changed; `before` and `after` as each version has it (None
    where it has none) and, for a change, the names of the fields that differ."""

    kind: str
    before: Rule | None
    after: Rule | None
    changed: tuple[str, ...] = ()

    @property
    def rule(self) -> Rule:
        """The rule as it reads now, or as it read before it was removed."""
        found = self.after or self.before
        assert found is not None  # noqa: S101 - a diff has a rule on one side at least
        return found


@dataclass(frozen=True)
class SectionDiff:
    section: str
    rules: tuple[RuleDiff, ...]


@dataclass(frozen=True)
class OrderDiff:
    sections: tuple[SectionDiff, ...]

    def of(self, kind: str) -> list[RuleDiff]:
        return [rule for section in self.sections for rule in section.rules if rule.kind == kind]

    @property
    def added(self) -> list[RuleDiff]:
        return self.of(ADDED)

    @property
    def removed(self) -> list[RuleDiff]:
        return self.of(REMOVED)

    @property
    def changed(self) -> list[RuleDiff]:
        return self.of(CHANGED)

    def __bool__(self) -> bool:
        return bool(self.sections)


def changed_fields(before: Rule, after: Rule) -> tuple[str, ...]:
    return tuple(name for name in RULE_FIELDS if getattr(before, name) != getattr(after, name))


def order_diff(before: Order | None, after: Order) -> OrderDiff:
    """The rules of `after` against those of `before` (none: every rule is added), each under
    the section it cites now (a removed rule: the section it cited), sections in their
    numbers' order and the rules of a section in the order of `after`, then the removed."""
    old = {rule.id: rule for rule in (before.rules if before is not None else ())}
    new_ids = {rule.id for rule in after.rules}
    diffs = []
    for rule in after.rules:
        previous = old.get(rule.id)
        if previous is None:
            diffs.append(RuleDiff(ADDED, None, rule))
        elif previous != rule:
            diffs.append(RuleDiff(CHANGED, previous, rule, changed_fields(previous, rule)))
    diffs += [RuleDiff(REMOVED, rule, None) for rule in old.values() if rule.id not in new_ids]
    grouped: dict[str, list[RuleDiff]] = {}
    for diff in diffs:
        grouped.setdefault(diff.rule.source.section, []).append(diff)
    return OrderDiff(
        tuple(
            SectionDiff(section, tuple(grouped[section]))
            for section in sorted(grouped, key=section_key)
        )
    )


def section_key(section: str) -> tuple[tuple[int, int | str], ...]:
    """Sections in the order of their numbers: "5.2" before "5.10", numbers before words."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"[.\s]+", section.strip())
        if part
    )
