"""Documents Kansli generates (the PDFs of a meeting), made once per version and kept in the
default storage; and how any stored document or file is served: with its version as ETag, its
storage time as Last-Modified, a 304 to a client that already holds it, and caching by others
for the public's only.

A version is a digest of everything the document shows, computed before it is made: the HTML
it is laid out from (the reader's view of the records already applied, so a masked title or a
secret attachment changes it), the language of what is added outside that HTML, the registered
files merged into it, and the versions of the code that lays it out and merges it. An edit
that changes what the document shows changes the digest and so the stored name; no edit finds
the stored file. The name holds the digest, not who asked: two readers whose views are the
same read the same file, and a reader whose view differs (the public, a member, a secretary
from whom a secret is masked) never reaches another's, because the digest differs with it.

Stored versions are not removed when a newer one is made: they are a cache, and a client may
still hold the older ETag. `sweep` (`kansli generated sweep`) removes those a newer version has
superseded for some days; removing the `generated/` folder is always safe.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Protocol, TypeVar

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

FOLDER = "generated"
# What lays the documents out and merges them: a new version of either makes every document
# anew. RECIPE names Kansli's own way of making them; change it when that changes without the
# HTML changing (the merging, the stamping, the compression in kansli.pdf and packets).
RECIPE = ("2026-12-04", metadata.version("weasyprint"), metadata.version("pypdf"))
# How long a browser or proxy may serve a public document without asking again, in seconds:
# short, as a packet changes while the agenda is prepared.
PUBLIC_MAX_AGE = 60
# How long a document that could not be made whole is served before it is made again.
RETRY = datetime.timedelta(minutes=10)
PARTIAL = "ofullstandig"
# A stored name (`stored`): the kind, the version's digest, and a partial one's stretch.
STORED_NAME = re.compile(rf"(?P<kind>.+)-[0-9a-f]{{64}}(?:-{PARTIAL}-\d+)?\.pdf")

R = TypeVar("R", bound=HttpResponseBase)


@dataclass(frozen=True)
class Stored:
    """A document in the default storage, by name, with the digest of its version."""

    name: str
    digest: str

    def read(self) -> bytes:
        with default_storage.open(self.name, "rb") as stored:
            return stored.read()

    def modified(self) -> datetime.datetime:
        return default_storage.get_modified_time(self.name)


def frozen(file: FieldFile, sha256: str) -> Stored:
    """A document stored once as it was fixed (approved minutes, a protokollsutdrag), in its
    own field: its version is its SHA-256."""
    return Stored(str(file), sha256)


def digest(*inputs: object) -> str:
    """The version of a document made from `inputs` (strings, numbers, lists of them)."""
    text = json.dumps([RECIPE, *inputs], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def stored(owner: str, kind: str, version: str, make: Callable[[], tuple[bytes, bool]]) -> Stored:
    """The document `kind` of `owner` (e.g. "meetings/12") in its `version`, made by `make` if
    it is not stored yet. `make` returns the document and whether it is whole: one it could not
    make whole (an attachment LibreOffice failed to convert, which may work the next time) is
    kept under a version of its own until the current stretch of `RETRY` ends, then made again.

    Two processes that make the same version at once both store it; the second copy goes."""
    name = f"{FOLDER}/{owner}/{kind}-{version}.pdf"
    if default_storage.exists(name):
        return Stored(name, version)
    # The partial one of this RETRY-long stretch of time, on the clock the rest of Kansli reads.
    stretch = int(timezone.now().timestamp() // RETRY.total_seconds())
    partial_version = f"{version}-{PARTIAL}-{stretch}"
    partial = Stored(f"{FOLDER}/{owner}/{kind}-{partial_version}.pdf", partial_version)
    if default_storage.exists(partial.name):
        return partial
    data, whole = make()
    made = Stored(name, version) if whole else partial
    saved = default_storage.save(made.name, ContentFile(data))
    if saved != made.name:
        default_storage.delete(saved)
    return made


def sweep(*, older_than: datetime.timedelta) -> list[str]:
    """Remove the stored versions that a newer version of the same document (its owner and
    kind) superseded more than `older_than` ago, when the newer one was stored. The newest of
    each document stays, however old, and so does any file a record names (a frozen document:
    the approved or signed minutes, a protokollsutdrag, kept in a field of its record,
    `frozen`), as do files of names this module does not make. A version removed that is still
    asked for (another reader's view of the same document) is made again when it is. The names
    removed."""
    cutoff = timezone.now() - older_than
    kept = _named_by_records()
    removed = []
    for folder, names in _folders(FOLDER):
        versions: dict[str, list[tuple[datetime.datetime, str]]] = defaultdict(list)
        for name in names:
            if match := STORED_NAME.fullmatch(name):
                path = f"{folder}/{name}"
                versions[match["kind"]].append((default_storage.get_modified_time(path), path))
        for document in versions.values():
            for (_stored_at, path), (superseded_at, _newer) in itertools.pairwise(sorted(document)):
                if superseded_at < cutoff and path not in kept:
                    default_storage.delete(path)
                    removed.append(path)
    return removed


def _folders(folder: str) -> Iterator[tuple[str, list[str]]]:
    """Each folder under `folder` with the names of its files. An object store has no folders:
    exists() on a prefix is False there, listdir() is not."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    yield folder, files
    for sub in folders:
        yield from _folders(f"{folder}/{sub}")


def _named_by_records() -> set[str]:
    """The names under FOLDER that a file field of any record holds."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                rows = model._default_manager.filter(**{f"{field.name}__startswith": f"{FOLDER}/"})
                names.update(rows.values_list(field.name, flat=True))
    return names


def serve(request: HttpRequest, document: Stored, filename: str, *, public: bool) -> HttpResponse:
    """The stored document as an inline PDF, conditionally (`respond`)."""
    return respond(
        request,
        version=document.digest,
        modified=document.modified(),
        public=public,
        make=lambda: _pdf(document.read(), filename),
    )


class RegisteredFile(Protocol):
    """A registered file (the registry's `File`), as a download needs it."""

    sha256: str
    uploaded_at: datetime.datetime
    storage_name: str
    original_name: str
    content_type: str


def download(
    request: HttpRequest, file: RegisteredFile, *, public: bool
) -> FileResponse | HttpResponse:
    """The registered file as an attachment, conditionally (`respond`): a registered file never
    changes, so its SHA-256 is its version."""
    return respond(
        request,
        version=file.sha256,
        modified=file.uploaded_at,
        public=public,
        make=lambda: FileResponse(
            default_storage.open(file.storage_name),
            as_attachment=True,
            filename=file.original_name,
            content_type=file.content_type,
        ),
    )


def respond(
    request: HttpRequest,
    *,
    version: str,
    modified: datetime.datetime,
    public: bool,
    make: Callable[[], R],
) -> R | HttpResponse:
    """The response `make` makes, with `version` as ETag and `modified` as Last-Modified, or
    304 Not Modified when the request's If-None-Match names that version (or, without one, its
    If-Modified-Since is not older). A public response may be cached by anyone for a short
    while; any other only by the reader's own browser, which asks again each time (a member's
    packet changes with the agenda, and what one reader may see another may not)."""
    etag = quote_etag(version)
    last_modified = int(modified.timestamp())
    response: R | HttpResponse = (
        get_conditional_response(request, etag=etag, last_modified=last_modified) or make()
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
