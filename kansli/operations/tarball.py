"""The archives that `kansli backup` and `kansli export_body` write: a tar file of members, each
with its SHA-256 in a manifest (JSON) that comes last, so that a member can be streamed in
without being held in memory or on disk twice.

An archive is written beside its final name and renamed into place when whole: a backup cut
off halfway never looks like one that finished.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
CHUNK = 1 << 20


class _Hashing:
    """A file read through, its bytes counted into a SHA-256 on the way."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        return data


class Writer:
    """An archive being written: members in, their hashes kept for the manifest."""

    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.hashes: dict[str, str] = {}
        self.now = int(timezone.now().timestamp())

    def add(self, name: str, source: IO[bytes], size: int) -> str:
        """Stream `size` bytes of `source` in as the member `name`; its SHA-256."""
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = self.now
        hashing = _Hashing(source)
        self.tar.addfile(info, hashing)
        self.hashes[name] = hashing.digest.hexdigest()
        return self.hashes[name]

    def add_path(self, name: str, path: Path) -> str:
        with path.open("rb") as source:
            return self.add(name, source, path.stat().st_size)

    def add_bytes(self, name: str, data: bytes) -> str:
        return self.add(name, io.BytesIO(data), len(data))


def output_check(output: Path) -> None:
    """Refuse to write over a file that exists."""
    if output.exists():
        raise ValidationError(
            _("Filen %(name)s finns redan. Ange ett nytt filnamn.") % {"name": output}
        )


@contextmanager
def archive_written(output: Path, manifest: dict[str, Any]) -> Iterator[Writer]:
    """Write the archive `output` (refused if it exists): the caller adds the members, then the
    manifest, `manifest` with each member's hash under "members", goes in last."""
    output_check(output)
    partial = output.with_name(output.name + ".partial")
    try:
        with tarfile.open(partial, "w") as tar:
            writer = Writer(tar)
            yield writer
            manifest = {**manifest, "members": writer.hashes}
            text = json.dumps(manifest, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
            writer.add_bytes(MANIFEST, text.encode())
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


def manifest_base(kind: str) -> dict[str, Any]:
    """What every manifest says: what the archive is, from which Kansli and database, when."""
    latest: dict[str, str] = {}
    if MigrationRecorder(connection).has_table():
        for app, name in MigrationRecorder.Migration.objects.order_by("id").values_list(
            "app", "name"
        ):
            latest[app] = name
    return {
        "format": kind,
        "format_version": 1,
        "kansli_version": version("kansli"),
        "created_at": timezone.now().astimezone(datetime.UTC),
        "database_vendor": connection.vendor,
        "migrations": latest,
    }


def _bad(message: str) -> ValidationError:
    return ValidationError(message, code="bad_archive")


def archive_opened(path: Path) -> tarfile.TarFile:
    """The archive at `path`, open for reading; a Swedish error if it is none."""
    if not path.is_file():
        raise _bad(_("Filen %(name)s finns inte.") % {"name": path})
    try:
        return tarfile.open(path, "r:*")
    except (tarfile.TarError, OSError) as error:
        raise _bad(_("Filen %(name)s är inget arkiv från Kansli.") % {"name": path}) from error


def manifest_read(tar: tarfile.TarFile, kind: str) -> dict[str, Any]:
    """The archive's manifest, checked to be of `kind`."""
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.load(member) if member is not None else None
    except (KeyError, tarfile.TarError, ValueError, OSError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != kind:
        raise _bad(
            _("Arkivet saknar en innehållsförteckning av rätt slag (%(kind)s).") % {"kind": kind}
        )
    if not isinstance(manifest.get("members"), dict):
        raise _bad(_("Arkivets innehållsförteckning räknar inte upp några delar."))
    return manifest


def members_verify(tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
    """Read every member once and compare it with the manifest's SHA-256; a Swedish error names
    the first member that differs, is missing or is not listed."""
    expected: dict[str, str] = manifest["members"]
    seen = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        source = tar.extractfile(member) if member.isfile() else None
        if source is None or member.name not in expected:
            raise _bad(
                _("Arkivet innehåller %(name)s, som innehållsförteckningen inte nämner.")
                % {"name": member.name}
            )
        digest = hashlib.sha256()
        for chunk in iter(lambda: source.read(CHUNK), b""):  # noqa: B023
            digest.update(chunk)
        if digest.hexdigest() != expected[member.name]:
            raise _bad(
                _("Kontrollsumman för %(name)s stämmer inte: arkivet är skadat eller ändrat.")
                % {"name": member.name}
            )
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise _bad(_("Arkivet saknar %(name)s.") % {"name": missing[0]})
