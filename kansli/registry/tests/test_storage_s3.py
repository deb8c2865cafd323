"""The registry's files and the generated documents in an S3-compatible object store
(KANSLI_STORAGE=s3): moto's S3 server on 127.0.0.1 stands in for it (object_store.py), reached
over HTTP as a real store would be."""

import io
import tarfile
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.delegation.models import DelegationOrder
from kansli.operations.backup import backup_write
from kansli.registry.models import Document
from kansli.registry.tests.object_store import Bucket
from kansli.registry.tests.samples import pdf_bytes

LETTER = pdf_bytes("Hemlig anmalan om eleven")


def test_a_registered_file_is_stored_in_the_bucket_and_served_to_the_registrar(
    bucket: Bucket, secret_letter: Document, staff: Any, other_registrar: User, client: Client
) -> None:
    stored = secret_letter.files.get()
    url = reverse("registry:file_download", kwargs={"body": "vanersborg", "file": stored.pk})

    assert bucket.keys() == [stored.storage_name]
    assert bucket.read(stored.storage_name) == LETTER
    client.force_login(staff("registrator", Role.REGISTRAR))
    response = client.get(url)
    held = client.get(url, headers={"if-none-match": response["ETag"]})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == LETTER
    assert response["ETag"] == f'"{stored.sha256}"'
    assert held.status_code == 304
    client.force_login(other_registrar)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code in (302, 404)


def test_a_generated_pdf_is_stored_once_in_the_bucket_and_revalidated(
    demo: object, bucket: Bucket, client: Client
) -> None:
    order = DelegationOrder.objects.get(body__slug="vanersborg")
    client.force_login(User.objects.get(username="sekreterare"))
    url = f"/vanersborg/delegation/ordning/{order.pk}/pdf/"

    first = client.get(url)
    again = client.get(url)
    held = client.get(url, headers={"if-none-match": first["ETag"]})

    [key] = bucket.keys()
    assert key.startswith(f"generated/delegation/{order.pk}/delegationsordning-")
    assert first.status_code == again.status_code == 200
    assert first.content.startswith(b"%PDF")
    assert bucket.read(key) == first.content == again.content
    assert held.status_code == 304
    assert held["ETag"] == first["ETag"]


def test_the_sweep_removes_an_object_no_file_names_and_keeps_the_registered_one(
    bucket: Bucket, secret_letter: Document
) -> None:
    bucket.s3.put_object(Bucket=bucket.name, Key="registry/orphan.pdf", Body=b"%PDF-1.4 left")

    call_command("registry", "sweep", "--older-than-hours", "0", stdout=io.StringIO())

    assert bucket.keys() == [secret_letter.files.get().storage_name]


def test_the_backup_holds_the_files_of_the_bucket(
    bucket: Bucket, secret_letter: Document, tmp_path: Path
) -> None:
    stored = secret_letter.files.get()

    backup_write(tmp_path / "backup.tar")

    with tarfile.open(tmp_path / "backup.tar") as tar:
        held = tar.extractfile(f"files/{stored.storage_name}").read()
    assert held == LETTER
