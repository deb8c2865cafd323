"""Which body a row belongs to, found along its foreign keys, so that each event of the log is
shown to the administrator of its body and to no other (operators see every event).

The log is below every app, so it names no model: a row belongs to the body it reaches along
its foreign keys ("body", "organization__body", "case__organization__body"), by the shortest
path of keys that may not be empty if there is one, through a user account only as a last
resort.
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
    return foreign_key_path(model, BODY)


@cache
def foreign_key_path(model: type[models.Model], target: str) -> str | None:
    """The lookup along foreign keys from `model` to the model labelled `target`
    ("organisation.body", "registry.case"): the shortest through keys that may not be empty,
    else the shortest through any; through a user account only when nothing else leads there."""
    for may_be_empty, through_users in ((False, False), (False, True), (True, False), (True, True)):
        path = _shortest_path(model, target, may_be_empty=may_be_empty, through_users=through_users)
        if path is not None:
            return path
    return None


def _shortest_path(
    model: type[models.Model], target: str, *, may_be_empty: bool, through_users: bool
) -> str | None:
    user_model = settings.AUTH_USER_MODEL.lower()
    queue = deque([(model, "", 0)])
    seen = {model}
    while queue:
        current, prefix, depth = queue.popleft()
        for field in current._meta.concrete_fields:
            related = field.related_model
            if related is None or not (field.many_to_one or field.one_to_one):
                continue
            if field.null and not may_be_empty:
                continue
            if related._meta.label_lower == target:
                return f"{prefix}{field.name}"
            if related._meta.label_lower == user_model and not through_users:
                continue
            if related not in seen and depth + 1 < MAX_DEPTH:
                seen.add(related)
                queue.append((related, f"{prefix}{field.name}__", depth + 1))
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
    if isinstance(direct, models.Field):
        return [getattr(instance, direct.attname) for instance in instances]
    found = dict(
        model._base_manager.filter(pk__in=[instance.pk for instance in instances]).values_list(
            "pk", path
        )
    )
    return [found.get(instance.pk) for instance in instances]
