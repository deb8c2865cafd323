"""Archives made by hand for the restore's refusals: a member, its manifest, any hash."""

import hashlib
import io
import json
import tarfile
from pathlib import Path


def archive(path: Path, members: dict[str, bytes], *, hashes: dict[str, str] | None = None) -> Path:
    """A backup archive at `path` holding `members` and a manifest that lists `hashes` (by
    default the members' true SHA-256)."""
    listed = hashes or {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    manifest = {
        "format": "kansli-backup",
        "format_version": 1,
        "kansli_version": "0.1.0",
        "database_vendor": "sqlite",
        "migrations": {},
        "members": listed,
    }
    with tarfile.open(path, "w") as tar:
        for name, data in {**members, "manifest.json": json.dumps(manifest).encode()}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path
