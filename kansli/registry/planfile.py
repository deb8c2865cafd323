"""Classification plans (klassificeringsstruktur) as YAML files, one per body
(docs/classification-plan-format.md).

A plan names its retention rules and its classes, nested as KLASSA's: areas of activity
("1"), process groups ("1.2") and processes ("1.2.3"). Every process carries a retention rule
by its name; areas and groups carry none. Reading reports every problem of a file at once,
each as "file:line: field: reason". Codes are read from their source text, so "1.10" stays
"1.10".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

DATA_DIR = Path(__file__).resolve().parent / "data" / "plans"

# The version of the format this module reads (docs/classification-plan-format.md).
FORMAT = 1
PROCESS_LEVEL = 3
ACTIONS = ("preserve", "dispose")

Node = yaml.Node


@dataclass(frozen=True)
class Retention:
    name: str
    action: str
    dispose_after_years: int | None


@dataclass(frozen=True)
class PlanClass:
    code: str
    name: str
    retention: str | None  # the name of the process's retention rule


@dataclass(frozen=True)
class Plan:
    name: str
    retention: tuple[Retention, ...]
    classes: tuple[PlanClass, ...]  # parents before their children


class PlanFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def load(path: Path | str) -> Plan:
    path = Path(path)
    return loads(path.read_text(encoding="utf-8"), filename=path.name)


def loads(text: str, filename: str = "<text>") -> Plan:
    """Read a plan, or raise PlanFileError naming every problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PlanFileError(
            [f"{filename}:{line}: " + _("inte giltig YAML: %(error)s") % {"error": problem}]
        ) from error
    except RecursionError:
        # PyYAML composes nested nodes recursively; Python's stack ends before such a file does.
        raise PlanFileError(
            [f"{filename}:1: " + _("listor eller fält i för många nivåer i varandra.")]
        ) from None
    reader = _Reader(filename)
    plan = reader.plan(root)
    if reader.problems:
        raise PlanFileError(reader.problems)
    assert plan is not None  # noqa: S101 - no problems means the plan was built
    return plan


class _Reader:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[str] = []

    def report(self, node: Node | None, field: str, reason: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(f"{self.filename}:{line}: {field}: {reason}")

    def mapping(self, node: Node | None, field: str) -> dict[str, Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.report(node, field, _("ska vara en mappning med fält."))
            return None
        return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}

    def sequence(self, node: Node | None, field: str) -> list[Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, field, _("ska vara en lista."))
            return []
        return list(node.value)

    def text(self, fields: dict[str, Node], name: str, where: str, node: Node) -> str | None:
        value = fields.get(name)
        if value is None:
            self.report(node, f"{where}.{name}", _("saknas."))
            return None
        if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            self.report(value, f"{where}.{name}", _("ska vara en text."))
            return None
        return str(value.value).strip()

    def unknown(self, fields: dict[str, Node], known: set[str], where: str) -> None:
        for name, value in fields.items():
            if name not in known:
                self.report(value, f"{where}.{name}", _("okänt fält."))

    def plan(self, root: Node | None) -> Plan | None:
        fields = self.mapping(root, "plan")
        if fields is None:
            return None
        self.unknown(fields, {"format", "plan", "retention", "classes"}, "plan")
        version = fields.get("format")
        if version is None or version.value != str(FORMAT):
            self.report(
                version or root,
                "format",
                _("formatet ska vara %(format)d.") % {"format": FORMAT},
            )
        assert root is not None  # noqa: S101 - a mapping was read from it
        name = self.text(fields, "plan", "plan", root)
        retention = [
            rule
            for index, node in enumerate(self.sequence(fields.get("retention"), "retention"))
            if (rule := self.retention(node, f"retention[{index}]")) is not None
        ]
        known = {rule.name for rule in retention}
        if len(known) != len(retention):
            self.report(fields.get("retention"), "retention", _("två regler har samma namn."))
        classes: list[PlanClass] = []
        for index, node in enumerate(self.sequence(fields.get("classes"), "classes")):
            self.plan_class(node, f"classes[{index}]", "", known, classes)
        if not classes:
            self.report(root, "classes", _("planen har inga klasser."))
        if name is None:
            return None
        return Plan(name=name, retention=tuple(retention), classes=tuple(classes))

    def retention(self, node: Node, where: str) -> Retention | None:
        fields = self.mapping(node, where)
        if fields is None:
            return None
        self.unknown(fields, {"name", "action", "dispose_after_years"}, where)
        name = self.text(fields, "name", where, node)
        action = self.text(fields, "action", where, node)
        years_node = fields.get("dispose_after_years")
        years = None
        if action is not None and action not in ACTIONS:
            self.report(fields["action"], f"{where}.action", _("ska vara preserve eller dispose."))
        elif action == "dispose":
            if years_node is None or not str(years_node.value).isdigit():
                self.report(
                    years_node or node,
                    f"{where}.dispose_after_years",
                    _("ange antal år, ett heltal, för det som gallras."),
                )
            else:
                years = int(years_node.value)
        elif years_node is not None:
            self.report(years_node, f"{where}.dispose_after_years", _("bara för det som gallras."))
        if name is None or action not in ACTIONS:
            return None
        return Retention(name=name, action=action, dispose_after_years=years)

    def plan_class(
        self, node: Node, where: str, parent: str, rules: set[str], into: list[PlanClass]
    ) -> None:
        fields = self.mapping(node, where)
        if fields is None:
            return
        self.unknown(fields, {"code", "name", "retention", "classes"}, where)
        code = self.text(fields, "code", where, node)
        name = self.text(fields, "name", where, node)
        if code is None or name is None:
            return
        level = code.count(".") + 1
        number = code.rsplit(".", 1)[-1]
        if not number.isdigit() or code != (f"{parent}.{number}" if parent else number):
            expected = f"{parent}.N" if parent else "N"
            self.report(
                fields["code"],
                f"{where}.code",
                _("koden %(code)s ska vara %(expected)s.") % {"code": code, "expected": expected},
            )
            return
        if any(known.code == code for known in into):
            self.report(fields["code"], f"{where}.code", _("koden finns redan."))
            return
        retention = fields.get("retention")
        children = self.sequence(fields.get("classes"), f"{where}.classes")
        rule = None
        if level == PROCESS_LEVEL:
            rule = self.text(fields, "retention", where, node)
            if rule is not None and rule not in rules:
                self.report(
                    retention,
                    f"{where}.retention",
                    _("det finns ingen gallringsregel %(name)s i planen.") % {"name": rule},
                )
            if children:
                self.report(node, f"{where}.classes", _("en process har inga underklasser."))
        elif retention is not None:
            self.report(retention, f"{where}.retention", _("bara processer har en gallringsregel."))
        into.append(PlanClass(code=code, name=name, retention=rule))
        for index, child in enumerate(children):
            self.plan_class(child, f"{where}.classes[{index}]", code, rules, into)
