"""A full export of one body's data, for the body's own use (a move to another system, its own
archive): every row that belongs to the body, one JSON Lines member per model, the files its
rows name, and a manifest.

A row belongs to the body it reaches along its foreign keys, as the event log attributes it
(kansli.audit.bodies.body_path); rows of no body (the roles) and of any other body stay out.
Secret records are the body's own and are in it, which the manifest says; credentials of this
installation (password hashes, API keys, webhook secrets) are not.
"""

import datetime
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext as _

from kansli.audit.bodies import body_path
from kansli.operations.tarball import archive_written, manifest_base, output_check
from kansli.organisation.models import Body

FORMAT = "kansli-body-export"
ROWS = "rows/"
FILES = "files/"
# What stays out, and why: the installation's credentials, not the body's records.
LEFT_OUT_MODELS = {
    "accounts.apitoken": "API keys: credentials of this installation",
    "integrations.idempotencykey": "kept answers to API calls, for their retries",
}
LEFT_OUT_FIELDS = {
    "accounts.user": {"password": "the password's hash: a credential of this installation"},
    "integrations.webhooksubscription": {"secret": "the key of the webhooks' signatures"},
}
# Fields holding a name in the default storage that are not FileFields.
STORAGE_NAME_FIELDS = {"registry.file": ("storage_name",)}


class _Encoder(DjangoJSONEncoder):
    """Django's encoder with times to the microsecond, as stored (Django's cuts them to
    milliseconds, which would change what the event log's hashes cover)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def body_models() -> list[tuple[type[models.Model], str]]:
    """Kansli's models whose rows belong to a body, with the lookup to it, by label."""
    found = []
    for model in apps.get_models():
        meta = model._meta
        if not model.__module__.startswith("kansli.") or not meta.managed or meta.proxy:
            continue
        path = body_path(model)
        if path is not None and meta.label_lower not in LEFT_OUT_MODELS:
            found.append((model, path))
    return sorted(found, key=lambda pair: pair[0]._meta.label_lower)


def body_rows(model: type[models.Model], path: str, body: Body) -> models.QuerySet:
    return model._base_manager.filter(**{path: body.pk}).order_by("pk")


def _stored_names(model: type[models.Model], row: models.Model) -> Iterable[str]:
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField) and getattr(row, field.name):
            yield getattr(row, field.name).name
    for name in STORAGE_NAME_FIELDS.get(model._meta.label_lower, ()):
        yield getattr(row, name)


def _rows_written(model: type[models.Model], rows: models.QuerySet, target: Path) -> list[str]:
    """Write the rows as JSON Lines (Django's serialized form, one object a line); the stored
    files they name."""
    left_out = LEFT_OUT_FIELDS.get(model._meta.label_lower, {})
    fields = [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.name not in left_out and not field.primary_key
    ]
    many = [field.name for field in model._meta.many_to_many]
    names: list[str] = []
    with target.open("w", encoding="utf-8") as out:
        for row in rows.prefetch_related(*many).iterator(chunk_size=500):
            (serialized,) = serializers.serialize("python", [row], fields=fields)
            out.write(json.dumps(serialized, cls=_Encoder, ensure_ascii=False) + "\n")
            names.extend(_stored_names(model, row))
    return names


def body_export(body: Body, output: Path) -> dict[str, Any]:
    """Write the export of `body` to the archive `output`; its manifest (without the hashes)."""
    output_check(output)
    counts: dict[str, int] = {}
    secret: dict[str, int] = {}
    files: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kansli-export-") as folder:
        written = []
        for model, path in body_models():
            label = model._meta.label_lower
            rows = body_rows(model, path, body)
            counts[label] = rows.count()
            if not counts[label]:
                continue
            if any(field.name == "secrecy_reference" for field in model._meta.concrete_fields):
                secret[label] = rows.exclude(secrecy_reference="").count()
            target = Path(folder) / f"{label}.jsonl"
            files += _rows_written(model, rows, target)
            written.append((f"{ROWS}{label}.jsonl", target))
        files = list(dict.fromkeys(files))
        missing = [name for name in files if not default_storage.exists(name)]
        if missing:
            raise ValidationError(
                _("Filen %(name)s saknas i fillagringen; kör kansli audit verify.")
                % {"name": missing[0]}
            )
        manifest = {
            **manifest_base(FORMAT),
            "body": {"slug": body.slug, "name": body.name},
            "includes_secret": True,
            "secret_rows": secret,
            "rows": counts,
            "files": len(files),
            "left_out": {
                "models": LEFT_OUT_MODELS,
                "fields": LEFT_OUT_FIELDS,
                "rows": "rows of no body (roles) and of every other body",
            },
        }
        with archive_written(output, manifest) as writer:
            for name, target in written:
                writer.add_path(name, target)
            for name in files:
                with default_storage.open(name, "rb") as stored:
                    writer.add(FILES + name, stored, default_storage.size(name))
    return manifest
