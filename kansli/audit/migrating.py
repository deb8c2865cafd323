"""Data migrations that change audited rows record each change in the event log, by the system,
so that the log still describes every row (`kansli audit verify`) and PostgreSQL's triggers do
not take the change for one made around the log.

The event is written with today's `Event`: a migration that uses this depends on the audit
app's latest migration of the day it was written.
"""

from collections.abc import Iterable
from typing import Any

from django.db import models

from kansli.audit.services import Change, action_name, append


def update_recorded(changes: Iterable[tuple[models.Model, str, Any]]) -> None:
    """Set each (row, field, value): the row's field to the value, with an update event that
    gives the field before and after."""
    events = []
    for row, field, value in changes:
        before = {field: getattr(row, field)}
        type(row)._base_manager.filter(pk=row.pk).update(**{field: value})
        setattr(row, field, value)
        events.append(Change(action_name(row, "update"), row, before, {field: value}))
    append(actor=None, changes=events)
