"""Several servers against one database and one object store (docs/operations.md, "The parts"):
a file registered by one Kansli process is served by another that shares the database and the
S3 bucket but not a disk. This test's process is server A; server B is gunicorn in a process of
its own, with a KANSLI_VAR_DIR of its own, on the suite's test database."""

import os
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create
from kansli.operations.tests.installations import suite_database_url
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.tests.object_store import Bucket
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.tests.servers import free_port, wait_until_answers

DRAWING = pdf_bytes("Ritning till tillbyggnaden")


@pytest.fixture
def server_b(bucket: Bucket, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """gunicorn serving Kansli on a free port of 127.0.0.1, on the suite's database and the
    test's bucket, with a KANSLI_VAR_DIR of its own: its address once it answers, and that
    folder."""
    folder = tmp_path / "server-b"
    port = free_port()
    environment = {
        **os.environ,
        **bucket.environment(),
        "DATABASE_URL": suite_database_url(),
        "KANSLI_VAR_DIR": str(folder),
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - a fixed command: this interpreter, gunicorn
        [
            *(sys.executable, "-m", "gunicorn", "kansli.wsgi"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"),
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(server, f"{address}/healthz")
        yield address, folder
    finally:
        server.terminate()
        server.wait()
        log.close()


@pytest.mark.slow
def test_a_file_registered_by_one_server_is_served_by_another_from_the_shared_bucket(
    transactional_db: None,
    case: Case,
    staff: Callable[..., User],
    bucket: Bucket,
    media: Path,
    server_b: tuple[str, Path],
) -> None:
    letter = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=case.opened_on,
        counterpart="Fastighetsbolaget AB",
        description="Ansökan om bygglov för tillbyggnad",
        files=[upload("ritning.pdf", DRAWING)],
    )
    stored = letter.files.get()
    _token, key = token_create(actor=None, user=staff("registrator", Role.REGISTRAR), name="b")
    address, folder = server_b

    request = urllib.request.Request(  # noqa: S310 - 127.0.0.1 only
        f"{address}/api/v1/bodies/vanersborg/registry/documents/{letter.pk}/files/{stored.pk}",
        headers={"Authorization": f"Bearer {key}"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        served = response.read()

    assert served == DRAWING
    assert bucket.keys() == [stored.storage_name]
    assert not [found for disk in (media, folder) for found in disk.rglob("*") if found.is_file()]
