"""Which tables the event log answers for, and which of their columns change without an event.

Every model of Kansli's own apps is written through the audited services (kansli.audit.services)
except those left out here, each with the reason. `kansli audit verify` compares the audited
tables' rows with the log, and on PostgreSQL their triggers report changes no event accounts for
(kansli.audit.triggers). docs/security.md lists the same tables for the operator.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models

LEFT_OUT = {
    "audit.event": "the log itself, checked by its chain",
    "audit.chainhead": "the chain's end, checked against the chain and the anchors",
    "audit.rowchange": "written by the database's triggers, read by verify",
    "search.searchentry": "the search index, derived from the rows and rebuilt from them",
    "registry.numberseries": (
        "made on first use and counted up by case numbering in the registering transaction; "
        "each case, with its number, is in the log"
    ),
    "integrations.idempotencykey": (
        "the kept answer to an API call, for its retries; the call's own change is in the log"
    ),
    "integrations.webhookdelivery": (
        "the record of an event sent to a subscriber; the change it tells of is in the log"
    ),
    "accounts.session": (
        "a signed-in browser's session, as Django keeps it; the sign-in and what it does are "
        "in the log"
    ),
    "web.taskrun": (
        "who started a background task and how far it came; the work it does is in the log"
    ),
}

# Columns that legitimately change without an event; verify and the triggers ignore them.
UNLOGGED_FIELDS = {
    "accounts.user": {"last_login": "set by Django at each sign-in"},
    "accounts.apitoken": {"last_used_at": "stamped at most every few minutes by the key's use"},
    "registry.file": {
        "extracted_text": (
            "the text of a file whose checksum is logged; kept out of the log, which keeps "
            "everything for ever and would otherwise hold secret text"
        )
    },
    "integrations.webhooksubscription": {
        "secret": "the key of the signatures, kept out of the log, which keeps everything for ever"
    },
    "registry.case": {
        "next_document_number": "counted up by each document registered, whose event holds it"
    },
}

# Files kept in the storage whose SHA-256 their row holds, by table: (the field with the file's
# storage name, the field with its hash). The row is compared with its events like any other;
# `kansli audit verify` also reads each file and compares it with the hash (files_verify).
HASHED_FILES = {
    "meetings.minutesversion": (("file", "sha256"), ("public_file", "public_sha256")),
    "meetings.itemextract": (("file", "sha256"),),
}


def audited_models() -> list[type[models.Model]]:
    """The models whose every row the event log answers for, in a stable order."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if model.__module__.startswith("kansli.") and model._meta.label_lower not in LEFT_OUT
        ),
        key=lambda model: model._meta.label_lower,
    )


def unlogged_columns(model: type[models.Model]) -> list[str]:
    """The columns of `model` that change without an event."""
    names = UNLOGGED_FIELDS.get(model._meta.label_lower, {})
    return [column(model, name) for name in names]


def column(model: type[models.Model], name: str) -> str:
    """The database column of the field `name` of `model`."""
    field = model._meta.get_field(name)
    found = field.column if isinstance(field, models.Field) else None
    if found is None:
        raise ImproperlyConfigured(f"{model._meta.label}.{name} has no column of its own.")
    return found
