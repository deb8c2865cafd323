"""Every write service asks a policy, and every service, page and API operation is tested
with the wrong users, who are refused (`kansli/tests/refusals.py`).

Each app's `tests/test_refusals.py` lists the `SERVICES` and `ROUTES` to try, and `PUBLIC`:
the routes anyone may reach, each with the reason. The refusals are tried here, all apps'
alike; a new service or route in none of the lists fails here until somebody decides who may
use it.
"""

import ast
import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Callable, Iterator
from types import FunctionType, ModuleType
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from kansli.api import api
from kansli.tests.refusals import (
    Demo,
    RouteCase,
    ServiceCase,
    check_route,
    check_service,
    route_params,
    service_params,
)

# Public functions of services modules that no user triggers, with the reason.
NOT_ASKED: dict[str, str] = {
    "kansli.accounts.services.roles_sync": "run by migrate: the role groups",
    "kansli.accounts.services.token_mark_used": "bookkeeping of the key that admitted a request",
    "kansli.audit.services.snapshot": "reads a row for the log",
    "kansli.audit.services.event_payload": "reads an event for the log",
    "kansli.audit.services.record": "the log's writer: the calling service asked its policy",
    "kansli.audit.services.append": "the log's writer: the calling service asked its policy",
    "kansli.audit.services.action_name": "names an event",
    "kansli.audit.services.create": "the audited write every service uses after asking",
    "kansli.audit.services.create_many": "the audited write every service uses after asking",
    "kansli.audit.services.insert_many": "the audited write every service uses after asking",
    "kansli.audit.services.created": "the log's writer: the calling service asked its policy",
    "kansli.audit.services.record_created": "the log's writer: the caller asked its policy",
    "kansli.audit.services.update": "the audited write every service uses after asking",
    "kansli.audit.services.set_relations": "the audited write every service uses after asking",
    "kansli.audit.services.delete": "the audited write every service uses after asking",
    "kansli.demo.services.load_demo": "an operator's command (`kansli loaddemo`)",
    "kansli.demo.services.mandate_period": "the demo's dates",
    "kansli.demo.services.demo_address": "the demo's addresses",
    "kansli.demo.services.dhondt": "the demo's seats",
    "kansli.registry.services.stored_files_sweep": "an operator's command",
    "kansli.registry.services.records_request_submit": (
        "anyone may ask for a public document, anonymously (TF 2 kap. 1 och 18 §§)"
    ),
}

KANSLI_APPS = [config for config in apps.get_app_configs() if config.name.startswith("kansli.")]


def _modules(name: str) -> Iterator[ModuleType]:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise
        return
    yield module
    if hasattr(module, "__path__"):
        for info in pkgutil.iter_modules(module.__path__):
            yield from _modules(f"{name}.{info.name}")


def service_functions() -> dict[str, FunctionType]:
    found = {}
    for config in KANSLI_APPS:
        for module in _modules(f"{config.name}.services"):
            for name, value in vars(module).items():
                if (
                    inspect.isfunction(value)
                    and value.__module__ == module.__name__
                    and not name.startswith("_")
                ):
                    found[f"{module.__name__}.{name}"] = value
    return found


def refusal_tables() -> tuple[list[ServiceCase], list[RouteCase], dict[str, str]]:
    services: list[ServiceCase] = []
    routes: list[RouteCase] = []
    public: dict[str, str] = {}
    for config in KANSLI_APPS:
        for module in _modules(f"{config.name}.tests.test_refusals"):
            services += getattr(module, "SERVICES", [])
            routes += getattr(module, "ROUTES", [])
            public |= getattr(module, "PUBLIC", {})
    return services, routes, public


def _called_names(function: Callable[..., Any]) -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            target = node.func
            names.add(
                target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            )
    return names


def asks_a_policy(function: FunctionType) -> bool:
    """Does the function, or a private helper of its module that it calls, call `require_*`?"""
    module = inspect.getmodule(function)
    seen: set[str] = set()
    todo = [function]
    while todo:
        current = todo.pop()
        for name in _called_names(current):
            if name == "require" or name.startswith("require_"):
                return True
            helper = getattr(module, name, None)
            if name.startswith("_") and inspect.isfunction(helper) and name not in seen:
                seen.add(name)
                todo.append(helper)
    return False


def page_routes() -> set[str]:
    def walk(patterns: list[Any], namespace: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name in {"admin", "api"} or pattern.namespace in {"admin", "api"}:
                    continue
                inner = pattern.namespace or ""
                yield from walk(
                    pattern.url_patterns, f"{namespace}{inner}:" if inner else namespace
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}"

    return set(walk(get_resolver().url_patterns, ""))


def api_routes() -> set[str]:
    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
    }


SERVICES, ROUTES, _ = refusal_tables()


@pytest.mark.parametrize("case", service_params(SERVICES))
def test_the_service_refuses_the_wrong_users(case: ServiceCase, demo: Demo) -> None:
    check_service(case, demo)


@pytest.mark.parametrize("case", route_params(ROUTES))
def test_the_route_refuses_the_wrong_users(case: RouteCase, demo: Demo) -> None:
    check_route(case, demo)


def test_every_service_is_refused_to_the_wrong_user_or_says_why_not() -> None:
    services, _, _ = refusal_tables()
    checked = {case.name for case in services}
    missing = sorted(set(service_functions()) - checked - set(NOT_ASKED))
    assert not missing, "services with no test that the wrong user is refused:\n" + "\n".join(
        missing
    )


def test_every_checked_service_asks_its_policy() -> None:
    services, _, _ = refusal_tables()
    silent = sorted(
        name
        for name, function in service_functions().items()
        if name not in NOT_ASKED and not asks_a_policy(function)
    )
    assert not silent, "services that call no require_*:\n" + "\n".join(silent)
    assert {case.name for case in services} <= set(service_functions())


def test_every_page_and_api_operation_is_refused_to_the_wrong_user_or_public() -> None:
    _, routes, public = refusal_tables()
    covered = {case.route for case in routes} | set(public)
    missing = sorted((page_routes() | api_routes()) - covered)
    assert not missing, "routes with no test that the wrong user is refused:\n" + "\n".join(missing)


def test_the_exemptions_name_real_services() -> None:
    assert set(NOT_ASKED) <= set(service_functions())
