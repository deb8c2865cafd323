"""The flow of a matter runs one way: no app imports from an app above it (DESIGN.md). The
contract is import-linter's, in pyproject.toml ([tool.importlinter]); these tests check it
against the code as it is, and prove that it bites: an import of meetings by decisions, the
circle the house once had, breaks it."""

from copy import deepcopy
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter import configuration
from importlinter.application.use_cases import read_user_options
from importlinter.contracts.layers import LayersContract
from importlinter.domain.contract import ContractCheck

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def contracts() -> list[LayersContract]:
    """The layers contracts that pyproject.toml declares."""
    configuration.configure()  # the readers of the configuration, as `lint-imports` sets them
    options = read_user_options(config_filename=str(PYPROJECT))
    declared = options.contracts_options
    assert declared, "pyproject.toml declares no import contract"
    assert all(contract["type"] == "layers" for contract in declared)
    return [
        LayersContract(
            name=contract["name"],
            session_options=options.session_options,
            contract_options=contract,
        )
        for contract in declared
    ]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("kansli", cache_dir=None)


def broken(check: ContractCheck) -> list[tuple[str, str]]:
    """The imports that break the contract: (importer, imported) of each direct import on the
    way from a lower layer to a higher one."""
    found: list[tuple[str, str]] = []
    dependencies: list[dict[str, Any]] = check.metadata["invalid_dependencies"]
    for dependency in dependencies:
        for route in dependency["routes"]:
            links = [*route["extra_firsts"], *route["chain"], *route["extra_lasts"]]
            found += [(link["importer"], link["imported"]) for link in links]
    return found


def test_every_app_imports_only_from_the_apps_below_it(graph: grimp.ImportGraph) -> None:
    for contract in contracts():
        check = contract.check(deepcopy(graph), verbose=False)
        assert check.kept, f"{contract.name}: {broken(check)}"


def test_decisions_importing_meetings_again_breaks_the_contract(
    graph: grimp.ImportGraph,
) -> None:
    circle = deepcopy(graph)
    circle.add_import(importer="kansli.decisions.services", imported="kansli.meetings.models")

    checks = [contract.check(circle, verbose=False) for contract in contracts()]

    assert not all(check.kept for check in checks)
    assert ("kansli.decisions.services", "kansli.meetings.models") in [
        link for check in checks for link in broken(check)
    ]
