"""docs/operations.md names every environment variable that Kansli's code reads.

The variables are found in the source with `ast`, not by importing it: os.environ.get(...),
os.environ[...], os.environ.setdefault(...), os.getenv(...) and the settings' helpers envbool,
envint and envlist, each with its name as a string or as a module constant holding one.
"""

import ast
import re
from pathlib import Path
from typing import TypeGuard

import kansli

PACKAGE = Path(kansli.__file__).resolve().parent
DOCUMENT = PACKAGE.parent / "docs" / "operations.md"
HELPERS = {"envbool", "envint", "envlist"}
ENVIRON_METHODS = {"get", "setdefault"}
TABLE_HEADING = "## Environment variables"


def is_test_module(path: Path) -> bool:
    return (
        "tests" in path.relative_to(PACKAGE).parts
        or path.name.startswith("test_")
        or path.name.endswith("_test.py")
    )


def is_environ(node: ast.expr) -> bool:
    """`os.environ`, or `environ` imported from os."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and isinstance(node.value, ast.Name) and node.value.id == "os"
    return isinstance(node, ast.Name) and node.id == "environ"


def name_argument(call: ast.Call | ast.Subscript) -> ast.expr | None:
    """The expression that names the variable: the first argument, or the subscript."""
    if isinstance(call, ast.Subscript):
        return call.slice
    return call.args[0] if call.args else None


def is_read(node: ast.AST) -> TypeGuard[ast.Call | ast.Subscript]:
    """Does the node read an environment variable."""
    if isinstance(node, ast.Subscript):
        return isinstance(node.ctx, ast.Load) and is_environ(node.value)
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    if isinstance(function, ast.Name):
        return function.id in HELPERS | {"getenv"}
    if isinstance(function, ast.Attribute):
        if function.attr == "getenv":
            return ast.unparse(function.value) == "os"
        return function.attr in ENVIRON_METHODS and is_environ(function.value)
    return False


def reads(tree: ast.Module) -> list[ast.Call | ast.Subscript]:
    """Every place the module reads an environment variable."""
    return [node for node in ast.walk(tree) if is_read(node)]


def constants(tree: ast.Module) -> dict[str, str]:
    """The module's constants that hold a string (`OLD_KEY = "KANSLI_AUDIT_OLD_KEY"`)."""
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            value = node.value.value
            if isinstance(value, str):
                values.update({t.id: value for t in node.targets if isinstance(t, ast.Name)})
    return values


def forwarded_parameters(tree: ast.Module) -> set[int]:
    """The ids of the name nodes that pass on a function's own parameter (`envbool(name, …)`
    reads `os.environ.get(name)`): the variable is named where the function is called."""
    forwarded = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            parameters = {argument.arg for argument in function.args.args}
            parameters |= {argument.arg for argument in function.args.kwonlyargs}
            for node in ast.walk(function):
                if isinstance(node, ast.Name) and node.id in parameters:
                    forwarded.add(id(node))
    return forwarded


def variables_read() -> tuple[dict[str, set[str]], list[str]]:
    """Each variable read with the modules that read it, and the reads whose name cannot be
    told from the source."""
    variables: dict[str, set[str]] = {}
    unnamed: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if is_test_module(path):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        known = constants(tree)
        forwarded = forwarded_parameters(tree)
        where = str(path.relative_to(PACKAGE.parent))
        for read in reads(tree):
            argument = name_argument(read)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                variables.setdefault(argument.value, set()).add(where)
            elif isinstance(argument, ast.Name) and argument.id in known:
                variables.setdefault(known[argument.id], set()).add(where)
            elif not (isinstance(argument, ast.Name) and id(argument) in forwarded):
                unnamed.append(f"{where}:{read.lineno}")
    return variables, unnamed


def table_names() -> list[str]:
    """The names in the first column of the document's table of environment variables, in
    the table's order."""
    text = DOCUMENT.read_text(encoding="utf-8")
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("|")]
    return [name for cell in first_cells for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", cell)]


def test_every_variable_the_code_reads_is_in_the_operations_guide() -> None:
    variables, _unnamed = variables_read()
    missing = {name: where for name, where in variables.items() if name not in set(table_names())}
    assert not missing, "docs/operations.md's table does not name: " + "; ".join(
        f"{name} (read in {', '.join(sorted(where))})" for name, where in sorted(missing.items())
    )


def test_every_read_names_its_variable_in_the_source() -> None:
    """A name computed at run time would escape the check above."""
    _variables, unnamed = variables_read()
    assert not unnamed, f"environment variables read under a computed name: {unnamed}"


def test_the_finder_sees_the_settings_and_the_modules_beside_them() -> None:
    variables, _unnamed = variables_read()
    assert "kansli/settings.py" in variables["KANSLI_VAR_DIR"]
    assert "kansli/settings.py" in variables["SESSION_IDLE_MINUTES"]  # through envint
    assert "kansli/audit/management/commands/audit.py" in variables["KANSLI_AUDIT_OLD_KEY"]
    assert "kansli/search/swedish.py" in variables["KANSLI_HUNSPELL_SV"]


def test_the_table_lists_no_variable_twice() -> None:
    names = table_names()
    assert sorted(names) == sorted(set(names))
