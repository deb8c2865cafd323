"""Delegation orders as YAML files (docs/delegation-order-format.md).

Reading walks the node tree that `yaml.compose` builds, so each problem can name its line:
every problem in a file is reported at once, with file, line, field and a reason that
`kansli.delegation.reasons` words.
Scalars are read from their source text, not through YAML's implicit types, so a section
"3.8" stays a text and an amount keeps its exact decimal value. Writing produces a file that
reads back into an equal `Order`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, Field, dataclass
from dataclasses import fields as dataclass_fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

import yaml

from kansli.delegation.engine import (
    PARTY_KINDS,
    Condition,
    DecisionType,
    Directory,
    Duty,
    Limits,
    Order,
    Party,
    Problem,
    Reason,
    Requirement,
    Rule,
    Scope,
    Source,
    SubDelegation,
    SubDelegationDecision,
    named_parties,
    order_problems,
    party_key,
    unknown_decision_type,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# The version of the file format that `dumps` writes (docs/delegation-order-format.md); a file
# without `format` is of version 1. Version 1 named the duty to inform "notice", which reading
# turns into the requirement kind "notification" of version 2.
FORMAT = 2
_FORMATS = ("1", "2")
_RENAMED_KINDS = {1: {"notice": "notification"}}

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLEANS = yaml.constructor.SafeConstructor.bool_values

T = TypeVar("T")
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FileProblem:
    """A problem at a file's line and field, as a reason (`kansli.delegation.reasons` words
    it: "ordning.yaml:7: order.valid_from: …")."""

    file: str
    line: int
    field: str
    reason: Reason


class OrderFileError(ValueError):
    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__(problems)


def load(path: Path | str, directory: Directory | None = None) -> Order:
    path = Path(path)
    return loads(path.read_text(encoding="utf-8"), filename=str(path), directory=directory)


def load_all(folder: Path = DATA_DIR) -> list[Order]:
    """Every order in a folder's *.yaml files, or every problem in all of them."""
    orders, problems = [], []
    for path in sorted(folder.glob("*.yaml")):
        try:
            orders.append(load(path))
        except OrderFileError as error:
            problems += error.problems
    if problems:
        raise OrderFileError(problems)
    return orders


def loads(
    text: str,
    filename: str = "<text>",
    directory: Directory | None = None,
    years: tuple[int, int] | None = None,
) -> Order:
    """Read an order; with a directory, also check the slugs it names exist; with years (the
    first and the last), also that every date falls within them."""
    reader = _Reader(filename, years)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise OrderFileError(
            [FileProblem(filename, line, "", Reason("not_yaml", (("error", str(error)),)))]
        ) from error
    except RecursionError:
        # PyYAML composes nested lists and mappings recursively: thousands of levels deep is
        # no order file, and Python's stack ends before the file does.
        raise OrderFileError([FileProblem(filename, 1, "", Reason("too_deep"))]) from None
    if root is None:
        raise OrderFileError([FileProblem(filename, 1, "", Reason("empty_file"))])
    order = reader.order(root)
    if order is not None:
        for problem in order_problems(order, directory):
            reader.report(problem)
    if reader.problems:
        unique = dict.fromkeys(reader.problems)
        raise OrderFileError(sorted(unique, key=lambda problem: problem.line))
    assert order is not None  # noqa: S101 - no problems means the order was built
    return order


def _field(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Reader:
    """Reads one file's node tree, remembering each field's node for the problems found later."""

    def __init__(self, filename: str, years: tuple[int, int] | None = None) -> None:
        self.filename = filename
        self.years = years
        self.problems: list[FileProblem] = []
        self.nodes: dict[Path_, yaml.Node] = {}
        self.parties: dict[str, Party] = {}
        self.codes: set[str] = set()
        self.renamed_kinds: dict[str, str] = {}
        # Where the items the order holds came from, for problems found on the built order.
        self.places: dict[str, list[str | int]] = {
            "parties": [],
            "decision_types": [],
            "rules": [],
            "duties": [],
            "subdelegations": [],
        }

    def fail(self, path: Path_, node: yaml.Node | None, code: str, **params: object) -> None:
        reason = Reason(code, tuple(params.items()))
        self.problems.append(FileProblem(self.filename, _line(node), _field(path), reason))

    def report(self, problem: Problem) -> None:
        """Place a problem found on the built order at its line in the file."""
        path = list(problem.path)
        if len(path) > 1 and path[0] in self.places and isinstance(path[1], int):
            path[1] = self.places[str(path[0])][path[1]]
        found = list(path)
        while found and tuple(found) not in self.nodes:
            found.pop()
        node = self.nodes.get(tuple(found))
        self.problems.append(
            FileProblem(self.filename, _line(node), _field(tuple(path)), problem.reason)
        )

    # --- structure

    def fields(
        self, path: Path_, node: yaml.Node, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, yaml.Node] | None:
        self.nodes[path] = node
        required, optional = tuple(required), tuple(optional)
        if not isinstance(node, yaml.MappingNode):
            self.fail(path, node, "not_fields")
            return None
        found: dict[str, yaml.Node] = {}
        seen: set[str] = set()
        for key_node, value in node.value:
            key = str(key_node.value)
            if key not in required and key not in optional:
                allowed = ", ".join((*required, *optional))
                self.fail((*path, key), key_node, "unknown_field", key=key, allowed=allowed)
            elif key in seen:
                self.fail((*path, key), key_node, "field_twice", key=key)
            elif not _null(value):
                found[key] = value
                self.nodes[(*path, key)] = value
            seen.add(key)
        for key in required:
            if key not in found:
                self.fail((*path, key), node, "field_missing", key=key)
        return found

    def items(self, path: Path_, node: yaml.Node | None) -> list[tuple[Path_, yaml.Node]]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(path, node, "not_list")
            return []
        items = []
        for i, item in enumerate(node.value):
            self.nodes[(*path, i)] = item
            items.append(((*path, i), item))
        return items

    def entries(self, path: Path_, node: yaml.Node | None) -> list[tuple[Path_, str, yaml.Node]]:
        """The entries of a mapping keyed by slug (parties, decision types)."""
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            self.fail(path, node, "not_mapping")
            return []
        entries, seen = [], set()
        for key_node, value in node.value:
            key = str(key_node.value)
            if key in seen:
                self.fail((*path, key), key_node, "key_twice", key=key)
                continue
            seen.add(key)
            self.nodes[(*path, key)] = value
            entries.append(((*path, key), key, value))
        return entries

    def each(
        self, path: Path_, node: yaml.Node | None, read: Callable[[Path_, yaml.Node], T | None]
    ) -> tuple[T, ...] | None:
        """Read every item of a list; None if any of them failed."""
        values = [read(item_path, item) for item_path, item in self.items(path, node)]
        read_all = [value for value in values if value is not None]
        if len(read_all) < len(values):
            return None
        return tuple(read_all)

    # --- scalars

    def scalar(self, path: Path_, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(path, node, "not_scalar", what=what)
            return None
        return str(node.value)

    def text(self, path: Path_, node: yaml.Node | None) -> str | None:
        value = self.scalar(path, node, "text")
        if value is not None and not value.strip():
            self.fail(path, node, "empty_text")
            return None
        return value

    def date(self, path: Path_, node: yaml.Node | None) -> datetime.date | None:
        value = self.scalar(path, node, "date")
        if value is None:
            return None
        try:
            day = datetime.date.fromisoformat(value) if value.isascii() else None
        except ValueError:
            day = None
        if day is None:
            self.fail(path, node, "not_date", value=value)
        elif self.years is not None and not self.years[0] <= day.year <= self.years[1]:
            first, last = self.years
            self.fail(path, node, "year_out_of_bounds", value=value, min=first, max=last)
            return None
        return day

    def amount(self, path: Path_, node: yaml.Node | None) -> Decimal | None:
        value = self.scalar(path, node, "amount")
        if value is None:
            return None
        try:
            plain = value.replace(" ", "").replace("\u00a0", "")
            amount = Decimal(plain) if plain.isascii() else None
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            self.fail(path, node, "not_amount", value=value)
            return None
        return amount

    def count(self, path: Path_, node: yaml.Node | None) -> int | None:
        value = self.scalar(path, node, "whole_number")
        if value is None:
            return None
        if not (value.isascii() and value.isdigit()):
            self.fail(path, node, "not_whole_number", value=value)
            return None
        return int(value)

    def flag(self, path: Path_, node: yaml.Node | None, default: bool) -> bool | None:
        value = self.scalar(path, node, "boolean")
        if value is None or node is None:
            return default
        if node.tag != _BOOL:
            self.fail(path, node, "not_boolean", value=value)
            return None
        return _BOOLEANS[value.lower()]

    def texts(self, path: Path_, node: yaml.Node | None) -> tuple[str, ...] | None:
        return self.each(path, node, self.text)

    def choice(self, path: Path_, node: yaml.Node | None, choices: Iterable[str]) -> str | None:
        value = self.text(path, node)
        if value is not None and value not in choices:
            allowed = ", ".join(choices)
            self.fail(path, node, "unknown_value", value=value, allowed=allowed)
            return None
        return value

    # --- the order

    def order(self, root: yaml.Node) -> Order | None:
        """The order, with stand-ins where a part failed; None if the file is no mapping."""
        top = self.fields(
            (),
            root,
            required=("order", "parties", "decision_types", "rules"),
            optional=("format", "duties", "subdelegations"),
        )
        if top is None:
            return None
        version = self.choice(("format",), top.get("format"), _FORMATS)
        self.renamed_kinds = _RENAMED_KINDS.get(int(version or "1"), {})
        meta = self.meta(top.get("order"))
        document = meta.get("document") or ""
        self.parties = self.vocabulary(top.get("parties"))
        decision_types = self.decision_types(top.get("decision_types"))
        self.codes = {decision_type.code for decision_type in decision_types}
        rules = self.listed("rules", top.get("rules"), lambda p, n: self.rule(p, n, document))
        duties = self.listed("duties", top.get("duties"), lambda p, n: self.duty(p, n, document))
        subdelegations = self.listed(
            "subdelegations", top.get("subdelegations"), self.subdelegation
        )
        # Metadata that failed to read (already reported) gets a stand-in, so that the rules
        # are still checked and every problem is reported at once.
        return Order(
            id=meta.get("id") or "",
            body=meta.get("body") or "",
            organization=meta.get("organization") or "",
            document=document,
            version=meta.get("version") or "",
            valid_from=meta.get("valid_from") or datetime.date.min,
            adopted_on=meta.get("adopted_on"),
            minute=meta.get("minute") or "",
            valid_to=meta.get("valid_to"),
            parties=tuple(self.parties.values()),
            decision_types=decision_types,
            rules=rules,
            duties=duties,
            subdelegations=subdelegations,
        )

    def meta(self, node: yaml.Node | None) -> dict:
        path: Path_ = ("order",)
        if node is None:
            return {}
        fields = self.fields(
            path,
            node,
            required=("id", "body", "organization", "document", "version", "valid_from"),
            optional=("adopted_on", "minute", "valid_to"),
        )
        if fields is None:
            return {}
        meta: dict = {}
        for key in ("id", "body", "organization", "document", "version", "minute"):
            meta[key] = self.text((*path, key), fields.get(key))
        for key in ("valid_from", "adopted_on", "valid_to"):
            meta[key] = self.date((*path, key), fields.get(key))
        return meta

    def vocabulary(self, node: yaml.Node | None) -> dict[str, Party]:
        parties = {}
        for path, key, value in self.entries(("parties",), node):
            fields = self.fields(path, value, required=("kind", "name"))
            if fields is None:
                continue
            kind = self.choice((*path, "kind"), fields.get("kind"), PARTY_KINDS)
            name = self.text((*path, "name"), fields.get("name"))
            if kind is None or name is None:
                continue
            slug = _slug_of(kind, key)
            if slug is None:
                example = party_key(kind, "ks")
                self.fail(path, value, "party_key", kind=kind, example=example)
                continue
            parties[key] = Party(kind, slug, name)
            self.places["parties"].append(key)
        return parties

    def decision_types(self, node: yaml.Node | None) -> tuple[DecisionType, ...]:
        types = []
        for path, code, value in self.entries(("decision_types",), node):
            fields = self.fields(path, value, required=("name",), optional=("non_delegable",))
            if fields is None:
                continue
            name = self.text((*path, "name"), fields.get("name"))
            category = self.text((*path, "non_delegable"), fields.get("non_delegable"))
            if name is not None:
                types.append(DecisionType(code, name, category))
                self.places["decision_types"].append(code)
        return tuple(types)

    def listed(
        self, section: str, node: yaml.Node | None, read: Callable[[Path_, yaml.Node], T | None]
    ) -> tuple[T, ...]:
        """The items of a top-level list that could be read, remembering where each was."""
        values = []
        for path, item in self.items((section,), node):
            value = read(path, item)
            if value is not None:
                values.append(value)
                self.places[section].append(path[1])
        return tuple(values)

    def party(self, path: Path_, node: yaml.Node | None) -> Party | None:
        key = self.text(path, node)
        if key is None:
            return None
        party = self.parties.get(key)
        if party is None:
            self.fail(path, node, "unknown_party_key", key=key)
        return party

    def code(self, path: Path_, node: yaml.Node | None) -> str | None:
        """A decision type's code; an unknown one is reported (with the message the engine
        gives, so a rule that reads is not reported twice) and kept, so the rule is checked."""
        code = self.text(path, node)
        if code is not None and code not in self.codes and node is not None:
            reason = unknown_decision_type(path, code).reason
            self.fail(path, node, reason.code, **reason.data)
        return code

    def source(self, path: Path_, node: yaml.Node | None, document: str | None) -> Source | None:
        """A source; its document defaults to the order's, when there is one to default to."""
        if node is None:
            return None
        required = ("section",) if document else ("section", "document")
        optional = ("document",) if document else ()
        fields = self.fields(path, node, required=required, optional=optional)
        if fields is None:
            return None
        section = self.text((*path, "section"), fields.get("section"))
        other = self.text((*path, "document"), fields.get("document"))
        document = other or document
        return None if section is None or document is None else Source(document, section)

    def rule(self, path: Path_, node: yaml.Node, document: str) -> Rule | None:
        fields = self.fields(
            path,
            node,
            required=("id", "number", "decision_type", "matter", "delegate", "source"),
            optional=(
                "substitutes",
                "scope",
                "limits",
                "requirements",
                "subdelegation",
                "legal_basis",
            ),
        )
        if fields is None:
            return None
        values = {
            "id": self.text((*path, "id"), fields.get("id")),
            "number": self.text((*path, "number"), fields.get("number")),
            "decision_type": self.code((*path, "decision_type"), fields.get("decision_type")),
            "matter": self.text((*path, "matter"), fields.get("matter")),
            "delegate": self.party((*path, "delegate"), fields.get("delegate")),
            "source": self.source((*path, "source"), fields.get("source"), document),
            "substitutes": self.each((*path, "substitutes"), fields.get("substitutes"), self.party),
            "scope": self.each((*path, "scope"), fields.get("scope"), self.scope),
            "limits": self.limits((*path, "limits"), fields.get("limits"), document),
            "requirements": self.each(
                (*path, "requirements"),
                fields.get("requirements"),
                lambda p, n: self.requirement(p, n, document),
            ),
            "subdelegation": self.subdelegation_rule(
                (*path, "subdelegation"), fields.get("subdelegation")
            ),
            "legal_basis": self.texts((*path, "legal_basis"), fields.get("legal_basis")),
        }
        return _build(Rule, values, fields)

    def scope(self, path: Path_, node: yaml.Node) -> Scope | None:
        fields = self.fields(
            path,
            node,
            required=(),
            optional=("organization", "subtree", "excluding", "kinds", "wholly_owned"),
        )
        if fields is None:
            return None
        values = {
            "organization": self.text((*path, "organization"), fields.get("organization")),
            "subtree": self.flag((*path, "subtree"), fields.get("subtree"), default=True),
            "excluding": self.texts((*path, "excluding"), fields.get("excluding")),
            "kinds": self.texts((*path, "kinds"), fields.get("kinds")),
            "wholly_owned": self.flag(
                (*path, "wholly_owned"), fields.get("wholly_owned"), default=False
            ),
        }
        return _build(Scope, values, fields)

    def limits(self, path: Path_, node: yaml.Node | None, document: str | None) -> Limits | None:
        if node is None:
            return None
        fields = self.fields(
            path, node, required=(), optional=("max_amount", "max_months", "conditions")
        )
        if fields is None:
            return None
        values = {
            "max_amount": self.amount((*path, "max_amount"), fields.get("max_amount")),
            "max_months": self.count((*path, "max_months"), fields.get("max_months")),
            "conditions": self.each(
                (*path, "conditions"),
                fields.get("conditions"),
                lambda p, n: self.condition(p, n, document),
            ),
        }
        return _build(Limits, values, fields)

    def condition(self, path: Path_, node: yaml.Node, document: str | None) -> Condition | None:
        fields = self.fields(path, node, required=("code", "text"), optional=("source",))
        if fields is None:
            return None
        values = {
            "code": self.text((*path, "code"), fields.get("code")),
            "text": self.text((*path, "text"), fields.get("text")),
            "source": self.source((*path, "source"), fields.get("source"), document),
        }
        return _build(Condition, values, fields)

    def requirement(self, path: Path_, node: yaml.Node, document: str) -> Requirement | None:
        fields = self.fields(
            path, node, required=("kind", "when", "party"), optional=("source", "optional")
        )
        if fields is None:
            return None
        kind = self.text((*path, "kind"), fields.get("kind"))
        values = {
            "kind": self.renamed_kinds.get(kind, kind) if kind is not None else None,
            "when": self.text((*path, "when"), fields.get("when")),
            "party": self.party((*path, "party"), fields.get("party")),
            "source": self.source((*path, "source"), fields.get("source"), document),
            "optional": self.flag((*path, "optional"), fields.get("optional"), default=False),
        }
        return _build(Requirement, values, fields)

    def subdelegation_rule(self, path: Path_, node: yaml.Node | None) -> SubDelegation | None:
        if node is None:
            return None
        fields = self.fields(path, node, required=("allowed",), optional=("to",))
        if fields is None:
            return None
        values = {
            "allowed": self.flag((*path, "allowed"), fields.get("allowed"), default=False),
            "to": self.each((*path, "to"), fields.get("to"), self.party),
        }
        return _build(SubDelegation, values, fields)

    def duty(self, path: Path_, node: yaml.Node, document: str) -> Duty | None:
        fields = self.fields(
            path,
            node,
            required=("id", "number", "holder", "text", "source"),
            optional=("legal_basis", "parties", "recurrence", "trigger"),
        )
        if fields is None:
            return None
        values = {
            "id": self.text((*path, "id"), fields.get("id")),
            "number": self.text((*path, "number"), fields.get("number")),
            "holder": self.party((*path, "holder"), fields.get("holder")),
            "text": self.text((*path, "text"), fields.get("text")),
            "source": self.source((*path, "source"), fields.get("source"), document),
            "legal_basis": self.texts((*path, "legal_basis"), fields.get("legal_basis")),
            "parties": self.each((*path, "parties"), fields.get("parties"), self.party),
            "recurrence": self.text((*path, "recurrence"), fields.get("recurrence")),
            "trigger": self.text((*path, "trigger"), fields.get("trigger")),
        }
        return _build(Duty, values, fields)

    def subdelegation(self, path: Path_, node: yaml.Node) -> SubDelegationDecision | None:
        fields = self.fields(
            path,
            node,
            required=("id", "rule", "to", "valid_from", "source"),
            optional=("valid_to", "scope", "limits"),
        )
        if fields is None:
            return None
        values = {
            "id": self.text((*path, "id"), fields.get("id")),
            "rule": self.text((*path, "rule"), fields.get("rule")),
            "to": self.party((*path, "to"), fields.get("to")),
            "valid_from": self.date((*path, "valid_from"), fields.get("valid_from")),
            "valid_to": self.date((*path, "valid_to"), fields.get("valid_to")),
            "source": self.source((*path, "source"), fields.get("source"), None),
            "scope": self.each((*path, "scope"), fields.get("scope"), self.scope),
            "limits": self.limits((*path, "limits"), fields.get("limits"), None),
        }
        return _build(SubDelegationDecision, values, fields)


def _line(node: yaml.Node | None) -> int:
    """The line of a node in its file, counted from 1; the first line if it has none."""
    return node.start_mark.line + 1 if node is not None else 1


def _null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def _slug_of(kind: str, key: str) -> str | None:
    """The slug a vocabulary key names: "ks-ordforande" is the chair of "ks"."""
    suffix = party_key(kind, "")
    if not suffix:
        return key
    slug = key.removesuffix(suffix)
    return slug if slug and slug != key else None


def _build(cls: type[T], values: Mapping[str, object], fields: Mapping[str, yaml.Node]) -> T | None:
    """Build a value from the fields that were given, or None if one failed to read or a
    required one is missing (both already reported)."""
    if any(values[key] is None for key in fields):
        return None
    if any(values[f.name] is None for f in dataclass_fields(cls) if _required(f)):  # type: ignore[arg-type]
        return None
    return cls(**{key: value for key, value in values.items() if value is not None})


def _required(f: Field) -> bool:
    return f.init and f.default is MISSING and f.default_factory is MISSING


# ---------------------------------------------------------------------------------------------
# Writing


def dumps(order: Order) -> str:
    return yaml.safe_dump(
        _order_data(order), allow_unicode=True, sort_keys=False, width=100, indent=2
    )


def dump(order: Order, path: Path | str) -> None:
    Path(path).write_text(dumps(order), encoding="utf-8")


def _order_data(order: Order) -> dict[str, object]:
    meta = {
        "id": order.id,
        "body": order.body,
        "organization": order.organization,
        "document": order.document,
        "version": order.version,
        "adopted_on": order.adopted_on,
        "minute": order.minute or None,
        "valid_from": order.valid_from,
        "valid_to": order.valid_to,
    }
    data: dict[str, object] = {
        "format": FORMAT,
        "order": _present(meta),
        "parties": {
            party.key: {"kind": party.kind, "name": party.name} for party in named_parties(order)
        },
        "decision_types": {
            t.code: _present({"name": t.name, "non_delegable": t.category})
            for t in order.decision_types
        },
        "rules": [_rule_data(rule, order.document) for rule in order.rules],
    }
    if order.duties:
        data["duties"] = [_duty_data(duty, order.document) for duty in order.duties]
    if order.subdelegations:
        data["subdelegations"] = [_subdelegation_data(d) for d in order.subdelegations]
    return data


def _present(data: Mapping[str, object]) -> dict[str, object]:
    """Leave out what is empty: the reader restores it as the default."""
    return {key: value for key, value in data.items() if value not in (None, [], {})}


def _source_data(source: Source | None, document: str) -> dict[str, str] | None:
    if source is None:
        return None
    if source.document == document:
        return {"section": source.section}
    return {"document": source.document, "section": source.section}


def _rule_data(rule: Rule, document: str) -> dict[str, object]:
    return _present(
        {
            "id": rule.id,
            "number": rule.number,
            "decision_type": rule.decision_type,
            "matter": rule.matter,
            "delegate": rule.delegate.key,
            "substitutes": [party.key for party in rule.substitutes],
            "scope": [_scope_data(scope) for scope in rule.scope],
            "limits": _limits_data(rule.limits, document),
            "requirements": [
                _present(
                    {
                        "kind": requirement.kind,
                        "when": requirement.when,
                        "party": requirement.party.key,
                        "optional": requirement.optional or None,
                        "source": _source_data(requirement.source, document),
                    }
                )
                for requirement in rule.requirements
            ],
            "subdelegation": _present(
                {
                    "allowed": rule.subdelegation.allowed,
                    "to": [party.key for party in rule.subdelegation.to],
                }
            )
            if rule.subdelegation.allowed or rule.subdelegation.to
            else None,
            "legal_basis": list(rule.legal_basis),
            "source": _source_data(rule.source, document),
        }
    )


def _scope_data(scope: Scope) -> dict[str, object]:
    return _present(
        {
            "organization": scope.organization,
            "subtree": None if scope.subtree else False,
            "excluding": list(scope.excluding),
            "kinds": list(scope.kinds),
            "wholly_owned": scope.wholly_owned or None,
        }
    )


def _limits_data(limits: Limits, document: str) -> dict[str, object]:
    return _present(
        {
            "max_amount": None if limits.max_amount is None else str(limits.max_amount),
            "max_months": limits.max_months,
            "conditions": [
                _present(
                    {
                        "code": condition.code,
                        "text": condition.text,
                        "source": _source_data(condition.source, document),
                    }
                )
                for condition in limits.conditions
            ],
        }
    )


def _duty_data(duty: Duty, document: str) -> dict[str, object]:
    return _present(
        {
            "id": duty.id,
            "number": duty.number,
            "holder": duty.holder.key,
            "text": duty.text,
            "parties": [party.key for party in duty.parties],
            "recurrence": duty.recurrence,
            "trigger": duty.trigger or None,
            "legal_basis": list(duty.legal_basis),
            "source": _source_data(duty.source, document),
        }
    )


def _subdelegation_data(decision: SubDelegationDecision) -> dict[str, object]:
    # A sub-delegation is decided in a document of its own, so its sources name it.
    return _present(
        {
            "id": decision.id,
            "rule": decision.rule,
            "to": decision.to.key,
            "valid_from": decision.valid_from,
            "valid_to": decision.valid_to,
            "scope": [_scope_data(scope) for scope in decision.scope],
            "limits": _limits_data(decision.limits, ""),
            "source": _source_data(decision.source, ""),
        }
    )
