"""The OpenAPI description declares the errors each operation can answer, with one body."""

from typing import Any

import pytest
from django.test import Client

WRITES = {"post", "put", "patch", "delete"}
ERROR = {"$ref": "#/components/schemas/Error"}


@pytest.fixture(scope="module")
def description() -> dict[str, Any]:
    return Client().get("/api/v1/openapi.json").json()


def operations(description: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, methods in description["paths"].items()
        for method, operation in methods.items()
    ]


def declared(description: dict[str, Any], method: str, path: str) -> set[str]:
    return set(description["paths"][path][method]["responses"])


def test_the_error_body_is_described_once(description: dict[str, Any]) -> None:
    error = description["components"]["schemas"]["Error"]

    assert set(error["properties"]) == {"detail", "code", "fields"}
    assert set(error["required"]) == {"detail", "code"}


def test_a_list_without_parameters_declares_only_the_missing_key(
    description: dict[str, Any],
) -> None:
    assert declared(description, "get", "/api/v1/bodies") == {"200", "401"}


def test_a_read_by_path_declares_401_403_404_and_422(description: dict[str, Any]) -> None:
    responses = description["paths"]["/api/v1/bodies/{slug}"]["get"]["responses"]

    assert set(responses) == {"200", "401", "403", "404", "422"}
    assert responses["404"]["content"]["application/json"]["schema"] == ERROR
    assert responses["422"]["description"].startswith("Parametrarna eller innehållet")


def test_a_write_declares_every_error_and_keeps_its_own(description: dict[str, Any]) -> None:
    responses = description["paths"]["/api/v1/bodies/{slug}/decisions"]["post"]["responses"]

    assert {"400", "401", "403", "404", "409", "422"} <= set(responses)
    # The decision's own 409 carries the delegation engine's verdict.
    assert responses["409"]["content"]["application/json"]["schema"] != ERROR


@pytest.mark.parametrize(
    ("rule", "applies", "statuses"),
    [
        ("needs a key", lambda op, method: bool(op.get("security")), {"401"}),
        (
            "has path parameters",
            lambda op, method: any(p["in"] == "path" for p in op.get("parameters", [])),
            {"404"},
        ),
        (
            "takes parameters or a body",
            lambda op, method: bool(op.get("parameters")) or "requestBody" in op,
            {"422"},
        ),
        ("writes", lambda op, method: method in WRITES, {"400", "403", "409"}),
    ],
)
def test_every_operation_declares_the_errors_it_can_answer(
    description: dict[str, Any], rule: str, applies: Any, statuses: set[str]
) -> None:
    missing = [
        name
        for name, operation in operations(description)
        if applies(operation, name.split()[0].lower())
        and not statuses <= set(operation["responses"])
    ]

    assert not missing, f"operations that {rule} without {sorted(statuses)}: {missing}"
    assert any(
        applies(operation, name.split()[0].lower()) for name, operation in operations(description)
    )
