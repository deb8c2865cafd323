"""Operations fixtures: new databases for installations run as processes of their own, and the
object store (kansli/registry/tests/object_store.py)."""

import uuid
from collections.abc import Callable, Iterator

import pytest
from django.db import connection

from kansli.operations.tests.installations import database_server, postgres
from kansli.registry.tests.object_store import object_store  # noqa: F401


@pytest.fixture
def new_database() -> Iterator[Callable[[], str | None]]:
    """Makes a new, empty database on the server the suite runs on (PostgreSQL) and gives its
    address; all are dropped afterwards. On SQLite None: each installation's file is in its
    own folder."""
    names: list[str] = []

    def make() -> str | None:
        if connection.vendor != "postgresql":
            return None
        names.append(f"kansli_restore_{uuid.uuid4().hex[:12]}")
        postgres("createdb", names[-1])
        return f"{database_server()}/{names[-1]}"

    yield make
    for name in names:
        postgres("dropdb", name)
