"""`kansli backup` and `kansli restore` end to end, on the database the suite runs on, through
the `kansli` command as an operator runs it: the demo data and a registered file, backed up,
restored into a new database and a new storage folder, and compared."""

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

KANSLI = Path(sys.executable).parent / "kansli"

# Registers a document with a file, as a registrar would, in Vänersborg's board.
REGISTER = """
import datetime
from django.core.files.uploadedfile import SimpleUploadedFile
from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.tests.samples import pdf_bytes
board = Organization.objects.get(body__slug="vanersborg", kind="executive_board")
case = services.case_open(actor=None, organization=board, title="Bygglov Storgatan 1",
    opened_on=datetime.date(2026, 5, 4))
services.document_register(actor=None, case=case, direction="incoming",
    date=datetime.date(2026, 5, 4), counterpart="Fastighetsbolaget AB",
    description="Ansökan om bygglov för tillbyggnad",
    files=[SimpleUploadedFile("ansokan.pdf", pdf_bytes("Ritningar till tillbyggnaden"),
        "application/pdf")])
"""

# What must be the same before and after: every table's row count, the search's hits for a
# few words, every stored file's bytes (by its hash, read through the storage).
REPORT = """
import hashlib, json
from django.core.files.storage import default_storage
from django.db import connection
from kansli.operations.stored import stored_names
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import parse
with connection.cursor() as cursor:
    tables = connection.introspection.table_names(cursor)
    counts = {}
    for table in tables:
        cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name(table))
        counts[table] = cursor.fetchone()[0]
hits = {
    word: sorted(SearchEntry.objects.filter(backend().matches(parse(word), open_only=False))
        .values_list("pk", flat=True))
    for word in ("bygglov", "tillbyggnaden", "kommunstyrelsen", "budget", "delegation")
}
files = {}
for name in stored_names(default_storage):
    with default_storage.open(name, "rb") as stored:
        files[name] = hashlib.sha256(stored.read()).hexdigest()
print(json.dumps({"counts": counts, "hits": hits, "files": files}))
"""


class Installation:
    """One installation of Kansli: its own database and its own KANSLI_VAR_DIR."""

    def __init__(self, folder: Path, database_url: str | None) -> None:
        folder.mkdir()
        self.environment = {**os.environ, "KANSLI_VAR_DIR": str(folder)}
        self.environment.pop("DATABASE_URL", None)
        if database_url:
            self.environment["DATABASE_URL"] = database_url

    def kansli(self, *arguments: str) -> str:
        done = subprocess.run(  # noqa: S603
            [KANSLI, *arguments],
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def report(self) -> dict:
        return json.loads(self.kansli("shell", "-c", REPORT).strip().splitlines()[-1])


def postgres(program: str, name: str) -> None:
    settings = connection.settings_dict
    subprocess.run(  # noqa: S603
        [
            program,
            "--host",
            settings["HOST"],
            "--port",
            str(settings["PORT"]),
            "--username",
            settings["USER"],
            name,
        ],
        env={**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""},
        check=True,
    )


@pytest.fixture
def database_urls() -> Iterator[tuple[str | None, str | None]]:
    """Two new databases on the server the suite runs on (PostgreSQL), dropped afterwards; on
    SQLite none, each installation's file is in its own folder."""
    if connection.vendor != "postgresql":
        yield None, None
        return
    settings = connection.settings_dict
    login = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    server = f"postgres://{login}@{settings['HOST']}:{settings['PORT']}"
    names = [f"kansli_restore_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    for name in names:
        postgres("createdb", name)
    yield f"{server}/{names[0]}", f"{server}/{names[1]}"
    for name in names:
        postgres("dropdb", name)


@pytest.mark.slow
def test_a_restored_installation_has_the_same_rows_chain_search_and_files(
    tmp_path: Path, database_urls: tuple[str | None, str | None]
) -> None:
    source = Installation(tmp_path / "source", database_urls[0])
    source.kansli("migrate", "--verbosity", "0")
    source.kansli("loaddemo")
    source.kansli("shell", "-c", REGISTER)
    backup = tmp_path / "backup.tar"
    source.kansli("backup", "--output", str(backup))
    restored = Installation(tmp_path / "restored", database_urls[1])

    said = restored.kansli("restore", "--input", str(backup))

    assert "Händelseloggen är obruten" in said
    assert "Sökindexet svarar." in said
    assert "obruten" in restored.kansli("audit", "verify")
    before, after = source.report(), restored.report()
    assert before["hits"]["bygglov"] and before["hits"]["tillbyggnaden"]
    assert len(before["files"]) == 3
    assert after == before
