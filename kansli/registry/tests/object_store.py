"""An S3-compatible object store for the tests: moto's standalone server, started once a session
as its own process on a free port of 127.0.0.1 and reached over HTTP as a real store would be,
and an empty bucket of its own for each test, with Django's default storage in it.

Imported into the conftest.py of the tests that use it."""

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from pytest_django.fixtures import Settings

from kansli.tests.servers import free_port, wait_until_answers

MOTO_SERVER = Path(sys.executable).parent / "moto_server"
REGION = "us-east-1"
ACCESS_KEY, SECRET_KEY = "testing", "testing"


@dataclass(frozen=True)
class Bucket:
    """A bucket on the test's object store: its name, the store's address and a boto3 client."""

    name: str
    endpoint: str
    s3: Any

    def keys(self) -> list[str]:
        listed = self.s3.list_objects_v2(Bucket=self.name).get("Contents", [])
        return sorted(found["Key"] for found in listed)

    def read(self, key: str) -> bytes:
        return bytes(self.s3.get_object(Bucket=self.name, Key=key)["Body"].read())

    def storage(self) -> dict[str, Any]:
        """Django's default storage in this bucket, as settings.py makes it of KANSLI_S3_*."""
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": self.name,
                "endpoint_url": self.endpoint,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }

    def environment(self) -> dict[str, str]:
        """The environment that puts a `kansli` process's files in this bucket."""
        return {
            "KANSLI_STORAGE": "s3",
            "KANSLI_S3_BUCKET": self.name,
            "KANSLI_S3_ENDPOINT_URL": self.endpoint,
            "KANSLI_S3_REGION": REGION,
            "KANSLI_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "KANSLI_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }


@pytest.fixture(scope="session")
def object_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of moto's S3 server, started for the session and stopped at its end."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("moto") / "moto_server.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - a fixed command: moto's server of this venv
        [MOTO_SERVER, "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_answers(server, endpoint)
        yield endpoint
    finally:
        server.terminate()
        server.wait()
        log.close()


def bucket_create(endpoint: str) -> Bucket:
    """A new, empty bucket on the object store at `endpoint`."""
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    name = f"kansli-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return Bucket(name, endpoint, s3)


@pytest.fixture
def bucket(object_store: str, settings: Settings) -> Bucket:
    """An empty bucket of the test's own, and Django's default storage in it."""
    made = bucket_create(object_store)
    settings.STORAGES = {**settings.STORAGES, "default": made.storage()}
    return made
