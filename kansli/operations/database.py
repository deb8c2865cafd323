"""The database copied whole, by the database's own means, so that nothing is lost on the way:
PostgreSQL with pg_dump's custom format and pg_restore, SQLite with its online backup API.

Either keeps every row as stored (the event log's timestamps to the microsecond, which the
chain's hashes cover), SQLite's full-text index (an FTS5 table that Django's dumpdata does not
see) and PostgreSQL's triggers, functions and indexes.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

# The member's name in the archive, by the database it was taken from.
MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def _vendor() -> str:
    if connection.vendor not in MEMBER:
        raise ValidationError(
            _("Databasen %(vendor)s kan inte säkerhetskopieras; Kansli kan PostgreSQL och SQLite.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def _postgres(program: str, *arguments: str) -> None:
    """Run pg_dump or pg_restore against Django's database, with its connection settings."""
    settings = connection.settings_dict
    command = [program]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command += [flag, str(settings[key])]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    try:
        done = subprocess.run(  # noqa: S603
            [*command, *arguments], env=environment, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise ValidationError(
            _("Programmet %(program)s finns inte: installera PostgreSQL:s klientprogram.")
            % {"program": program}
        ) from error
    if done.returncode != 0:
        raise ValidationError(
            _("%(program)s misslyckades: %(error)s")
            % {"program": program, "error": done.stderr.strip()}
        )


def database_dump(folder: Path) -> tuple[str, Path]:
    """A copy of the whole database in `folder`: (the archive member's name, the file)."""
    vendor = _vendor()
    target = folder / MEMBER[vendor]
    if vendor == "postgresql":
        _postgres(
            "pg_dump", "--format=custom", f"--file={target}", connection.settings_dict["NAME"]
        )
    else:
        # A connection of its own: the backup API waits for ever on a source connection that
        # holds a write transaction, and this one copies what is committed.
        source = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    return MEMBER[vendor], target


def database_is_empty() -> bool:
    """Whether the database has no tables at all, as `createdb` (or a new SQLite file) leaves it."""
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def database_restore(vendor: str, dump: Path) -> None:
    """Restore the copy `dump`, taken from a `vendor` database, into Django's empty database."""
    if vendor != _vendor():
        raise ValidationError(
            _(
                "Säkerhetskopian är tagen från %(taken)s men databasen är %(vendor)s. Återläs till "
                "samma slags databas."
            )
            % {"taken": vendor, "vendor": connection.vendor}
        )
    if vendor == "postgresql":
        connection.close()
        _postgres(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        )
        return
    connection.close()
    copy = sqlite3.connect(dump)
    target = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
    try:
        copy.backup(target)
    finally:
        target.close()
        copy.close()
