"""Every schema in the OpenAPI description has a name of its own: ninja files the schemas of all
operations under their class names, so two apps' `Report` would leave one of them described by
the other's schema, and its responses would violate their own description."""

from collections import defaultdict
from typing import Any

import pytest
from ninja.openapi.schema import OpenAPISchema

from kansli.api import api


def test_no_two_different_schemas_share_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, list[dict[str, Any]]] = defaultdict(list)
    add = OpenAPISchema.add_schema_definitions

    def recording(self: OpenAPISchema, definitions: dict[str, Any]) -> None:
        for name, definition in definitions.items():
            seen[name].append(definition)
        add(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", recording)

    schema = api.get_openapi_schema()

    assert seen, "the schemas were not recorded"
    shared = sorted(
        name
        for name, definitions in seen.items()
        if any(definition != definitions[0] for definition in definitions)
    )
    assert shared == []
    assert set(seen) <= set(schema["components"]["schemas"])
