"""A whole installation in one archive and back: the database as the database copies itself
(kansli.operations.database), every file of the default storage, and a manifest with each
member's SHA-256 (kansli.operations.tarball).

A restore goes into an empty database and an empty storage only, so that nothing of what is
there is overwritten or mixed with the copy; it checks every hash before it writes anything,
and after it the event log's chain and the search index.
"""

import tempfile
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from kansli.operations.database import (
    MEMBER,
    database_dump,
    database_is_empty,
    database_restore,
)
from kansli.operations.stored import stored_names
from kansli.operations.tarball import (
    archive_opened,
    archive_written,
    manifest_base,
    manifest_read,
    members_verify,
    output_check,
)
from kansli.search.backends import backend
from kansli.search.models import SearchEntry
from kansli.search.text import parse, words

FORMAT = "kansli-backup"
FILES = "files/"


def backup_write(output: Path) -> int:
    """Write the backup archive `output`; the number of stored files in it."""
    output_check(output)
    with tempfile.TemporaryDirectory(prefix="kansli-backup-") as folder:
        member, dump = database_dump(Path(folder))
        names = list(stored_names(default_storage))
        with archive_written(output, {**manifest_base(FORMAT), "files": len(names)}) as writer:
            writer.add_path(member, dump)
            for name in names:
                with default_storage.open(name, "rb") as stored:
                    writer.add(FILES + name, stored, default_storage.size(name))
    return len(names)


@dataclass(frozen=True)
class Restored:
    manifest: dict[str, Any]
    files: int
    migrated: bool
    verified: str  # what `kansli audit verify` said
    search_answers: bool


def restore_check(path: Path) -> dict[str, Any]:
    """The manifest of the backup at `path` once every member is checked against it, and the
    backup against this installation; a Swedish error if anything does not hold."""
    with archive_opened(path) as tar:
        manifest = manifest_read(tar, FORMAT)
        members_verify(tar, manifest)
    vendor = manifest.get("database_vendor")
    if MEMBER.get(str(vendor)) not in manifest["members"]:
        raise ValidationError(_("Säkerhetskopian saknar databasen."))
    known = MigrationExecutor(connection).loader.disk_migrations
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if (app, name) not in known
    )
    if unknown:
        raise ValidationError(
            _(
                "Säkerhetskopian är från en nyare version av Kansli (migreringen %(name)s finns "
                "inte här). Installera minst version %(version)s och återläs igen."
            )
            % {"name": unknown[0], "version": manifest.get("kansli_version")}
        )
    return manifest


def target_check() -> None:
    """Refuse a database or storage that holds anything: a restore never mixes or overwrites."""
    if not database_is_empty():
        raise ValidationError(
            _(
                "Databasen är inte tom. Återläs till en ny, tom databas (PostgreSQL: createdb; "
                "SQLite: en ny KANSLI_VAR_DIR) och peka DATABASE_URL dit."
            )
        )
    found = next(stored_names(default_storage), None)
    if found is not None:
        raise ValidationError(
            _(
                "Fillagringen är inte tom (där finns %(name)s). Återläs till en tom mapp "
                "(KANSLI_VAR_DIR) eller en tom S3-bucket."
            )
            % {"name": found}
        )


def backup_restore(path: Path) -> Restored:
    """Restore the backup at `path` into the empty database and storage, bring the database to
    this version's migrations, and check the event log and the search index."""
    manifest = restore_check(path)
    target_check()
    vendor = str(manifest["database_vendor"])
    files = 0
    with archive_opened(path) as tar, tempfile.TemporaryDirectory(prefix="kansli-restore-") as tmp:
        dump = Path(tmp) / MEMBER[vendor]
        source = tar.extractfile(MEMBER[vendor])
        if source is None:
            raise ValidationError(_("Säkerhetskopian saknar databasen."))
        with dump.open("wb") as copy:
            while chunk := source.read(1 << 20):
                copy.write(chunk)
        database_restore(vendor, dump)
        for member in tar:
            if not member.name.startswith(FILES):
                continue
            name = member.name.removeprefix(FILES)
            stored = tar.extractfile(member)
            if stored is None or default_storage.save(name, _sized(stored, member.size)) != name:
                raise ValidationError(_("Filen %(name)s kunde inte återläsas.") % {"name": name})
            files += 1
    executor = MigrationExecutor(connection)
    migrated = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    if migrated:
        call_command("migrate", interactive=False, verbosity=0)
    return Restored(manifest, files, migrated, _audit_verified(), search_answers())


def _sized(source: IO[bytes], size: int) -> File:
    content = File(source)
    content.size = size
    return content


def _audit_verified() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue().strip()


def search_answers() -> bool:
    """Whether the search index finds the first and the last entry by a word of its own open
    text (an index left behind finds nothing)."""
    entries = SearchEntry.objects.exclude(open_text="")
    for entry in (entries.order_by("pk").first(), entries.order_by("-pk").first()):
        found = words(entry.open_text) if entry is not None else []
        query = parse(max(found, key=len)) if found else None
        if entry is not None and query:
            hit = entries.filter(backend().matches(query, open_only=True), pk=entry.pk)
            if not hit.exists():
                return False
    return True
