"""The registry's files in an S3-compatible object store (KANSLI_STORAGE=s3): moto's S3 server
on 127.0.0.1 stands in for it, reached over HTTP as a real store would be."""

import io
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.operations.backup import backup_write
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes

BUCKET = "kansli-test"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture
def bucket(settings: Settings) -> Iterator[Any]:
    """An empty bucket on moto's S3 server, and the default storage in it."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
    s3.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    yield s3
    server.stop()


def keys(s3: Any) -> list[str]:
    return sorted(found["Key"] for found in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_a_registered_file_is_stored_in_the_bucket_and_served_to_the_registrar(
    bucket: Any, secret_letter: Document, staff: Any, other_registrar: User, client: Client
) -> None:
    stored = secret_letter.files.get()
    url = reverse("registry:file_download", kwargs={"body": "vanersborg", "file": stored.pk})

    assert keys(bucket) == [stored.storage_name]
    client.force_login(staff("registrator", Role.REGISTRAR))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("Hemlig anmalan om eleven")
    client.force_login(other_registrar)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code in (302, 404)


def test_the_sweep_removes_an_object_no_file_names_and_keeps_the_registered_one(
    bucket: Any, secret_letter: Document
) -> None:
    bucket.put_object(Bucket=BUCKET, Key="registry/orphan.pdf", Body=b"%PDF-1.4 left behind")

    call_command("registry", "sweep", "--older-than-hours", "0", stdout=io.StringIO())

    assert keys(bucket) == [secret_letter.files.get().storage_name]


def test_the_backup_holds_the_files_of_the_bucket(
    bucket: Any, secret_letter: Document, tmp_path: Path
) -> None:
    stored = secret_letter.files.get()

    backup_write(tmp_path / "backup.tar")

    with tarfile.open(tmp_path / "backup.tar") as tar:
        held = tar.extractfile(f"files/{stored.storage_name}").read()
    assert held == pdf_bytes("Hemlig anmalan om eleven")
