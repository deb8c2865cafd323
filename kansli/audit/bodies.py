"""Which body a row belongs to, found along its foreign keys, so that each event of the log is
shown to the administrator of its body and to no other (operators see every event).

The log is below every app, so it names no model: a row belongs to the body it reaches by the
shortest path of foreign keys ("body", "organization__body", "case__organization__body"),
preferring keys that may not be empty and, last, the path through a user account.
"""

from collections import deque
from collections.abc import Sequence
from functools import cache

from django.conf import settings
from django.db import models

BODY = "organisation.body"
# Deep enough for every model of Kansli (a section: version, document, body).
MAX_DEPTH = 4


@cache
def body_path(model: type[models.Model]) -> str | None:
    """The lookup from `model` to its body ("pk" for the body itself), or None for a model of
    no body (the roles)."""
    if model._meta.label_lower == BODY:
        return "pk"
    return _shortest_path(model, through_users=False) or _shortest_path(model, through_users=True)


def _shortest_path(model: type[models.Model], *, through_users: bool) -> str | None:
    user_model = settings.AUTH_USER_MODEL.lower()
    queue = deque([(model, "", 0)])
    seen = {model}
    while queue:
        current, prefix, depth = queue.popleft()
        keys = [
            field
            for field in current._meta.concrete_fields
            if field.is_relation and (field.many_to_one or field.one_to_one)
        ]
        for field in sorted(keys, key=lambda field: field.null):
            target = field.related_model
            if target._meta.label_lower == BODY:
                return f"{prefix}{field.name}"
            if target._meta.label_lower == user_model and not through_users:
                continue
            if target not in seen and depth + 1 < MAX_DEPTH:
                seen.add(target)
                queue.append((target, f"{prefix}{field.name}__", depth + 1))
    return None


def body_ids(instances: Sequence[models.Model]) -> list[int | None]:
    """The body of each saved row (rows of one model), with at most one query."""
    if not instances:
        return []
    model = type(instances[0])
    path = body_path(model)
    if path is None:
        return [None] * len(instances)
    if path == "pk":
        return [instance.pk for instance in instances]
    direct = model._meta.get_field(path) if "__" not in path else None
    if direct is not None:
        return [getattr(instance, direct.attname) for instance in instances]
    found = dict(
        model._base_manager.filter(pk__in=[instance.pk for instance in instances]).values_list(
            "pk", path
        )
    )
    return [found.get(instance.pk) for instance in instances]
