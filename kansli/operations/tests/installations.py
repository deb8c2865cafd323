"""Installations of Kansli run as an operator runs them, through the `kansli` command in a
process of their own: each with its own KANSLI_VAR_DIR, a database and a storage."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from kansli.registry.tests.object_store import Bucket

KANSLI = Path(sys.executable).parent / "kansli"


class Installation:
    """One installation of Kansli: its own KANSLI_VAR_DIR; the database at `database_url` (an
    SQLite file in that folder when None); its files in `bucket`, or in that folder when None."""

    def __init__(
        self, folder: Path, database_url: str | None, bucket: Bucket | None = None
    ) -> None:
        folder.mkdir()
        self.environment = {**os.environ, "KANSLI_VAR_DIR": str(folder)}
        self.environment.pop("DATABASE_URL", None)
        if database_url:
            self.environment["DATABASE_URL"] = database_url
        if bucket:
            self.environment |= bucket.environment()

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603
            [KANSLI, *arguments],
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
        )

    def kansli(self, *arguments: str) -> str:
        done = self.run(*arguments)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def report(self, script: str) -> dict:
        """What `script` run in `kansli shell` prints as JSON on its last line."""
        return json.loads(self.kansli("shell", "-c", script).strip().splitlines()[-1])


def database_server() -> str:
    """The address of the PostgreSQL server the suite runs on, with its login."""
    settings = connection.settings_dict
    login = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{login}@{settings['HOST']}:{settings['PORT']}"


def suite_database_url() -> str:
    """The address of the suite's own test database, for a process beside the suite's: what
    the suite commits there (a test with `transactional_db`) that process reads, and back."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        return f"{database_server()}/{name}"
    return f"sqlite:///{name}"


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
