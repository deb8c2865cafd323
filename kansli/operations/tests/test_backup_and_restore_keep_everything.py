"""`kansli backup` and `kansli restore` end to end, on the database the suite runs on, through
the `kansli` command as an operator runs it: the demo data and a registered file, backed up,
restored into a new database and a new storage folder, and compared; and files in an S3 bucket
(moto's server) restored into another bucket."""

from collections.abc import Callable
from pathlib import Path

import pytest

from kansli.operations.tests.installations import Installation, suite_database_url
from kansli.organisation.models import Organization
from kansli.registry.tests.object_store import bucket_create

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


@pytest.mark.slow
def test_a_restored_installation_has_the_same_rows_chain_search_and_files(
    tmp_path: Path, new_database: Callable[[], str | None]
) -> None:
    source = Installation(tmp_path / "source", new_database())
    source.kansli("migrate", "--verbosity", "0")
    source.kansli("loaddemo")
    source.kansli("shell", "-c", REGISTER)
    backup = tmp_path / "backup.tar"
    source.kansli("backup", "--output", str(backup))
    restored = Installation(tmp_path / "restored", new_database())

    said = restored.kansli("restore", "--input", str(backup))

    assert "Händelseloggen är obruten" in said
    assert "Sökindexet svarar." in said
    assert "obruten" in restored.kansli("audit", "verify")
    before, after = source.report(REPORT), restored.report(REPORT)
    assert before["hits"]["bygglov"] and before["hits"]["tillbyggnaden"]
    assert len(before["files"]) == 3
    assert after == before


@pytest.mark.slow
def test_files_in_one_bucket_are_restored_into_another_with_the_same_chain_and_search(
    transactional_db: None,
    board: Organization,
    object_store: str,
    tmp_path: Path,
    new_database: Callable[[], str | None],
) -> None:
    """The suite's database (committed, so that the `kansli` processes read it) with its files
    in bucket A, backed up, and restored into an empty database and an empty bucket B."""
    kept, emptied = bucket_create(object_store), bucket_create(object_store)
    source = Installation(tmp_path / "source", suite_database_url(), kept)
    before = source.report(REGISTER + REPORT)
    backup = tmp_path / "backup.tar"
    source.kansli("backup", "--output", str(backup))
    restored = Installation(tmp_path / "restored", new_database(), emptied)

    said = restored.kansli("restore", "--input", str(backup))

    assert "Händelseloggen är obruten" in said
    assert "Sökindexet svarar." in said
    [key] = kept.keys()
    assert emptied.keys() == [key]
    assert emptied.read(key) == kept.read(key)
    assert before["hits"]["bygglov"] and before["hits"]["tillbyggnaden"]
    assert restored.report(REPORT) == before
