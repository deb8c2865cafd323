"""The registry's configuration in the admin: number series and retention rules, audited.

Cases, documents, files and public records requests are not edited here: their numbers are
taken under lock and their secrecy decides who sees them, so they are written only through
the registry's services and read through its visibility function, which also masks what the
event log shows of them.
"""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.db import models
from django.forms import BaseModelForm
from django.http import HttpRequest
from django.utils.translation import gettext as _

from kansli.accounts.policy import Actor
from kansli.audit.admin import EVENT_MASKS, AuditedModelAdmin, Shown
from kansli.audit.bodies import foreign_key_path
from kansli.audit.models import Event
from kansli.registry.models import (
    Case,
    Document,
    File,
    NumberSeries,
    PublicRecordsRequest,
    RecordsRequestSettings,
    RetentionRule,
)
from kansli.registry.policy import may_change_settings, may_handle_records_requests
from kansli.registry.services import records_request_settings_set
from kansli.registry.visibility import case_view, document_view, masked_text


@admin.register(NumberSeries)
class NumberSeriesAdmin(AuditedModelAdmin):
    list_display = ["organization", "year", "format", "next_number"]
    list_filter = ["organization__body", "year"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "format"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["next_number"]


@admin.register(RetentionRule)
class RetentionRuleAdmin(AuditedModelAdmin):
    list_display = ["name", "body", "action", "dispose_after_years"]
    list_filter = ["body", "action"]
    search_fields = ["name"]
    autocomplete_fields = ["body"]


@admin.register(RecordsRequestSettings)
class RecordsRequestSettingsAdmin(AuditedModelAdmin):
    """How long a records request may wait before the queue warns ("skyndsamt", TF 2 kap.
    15 §), one row per body. Saved through `records_request_settings_set`, which asks the
    registry's policy and writes the event; rows are not deleted (a body without one waits the
    default working day)."""

    list_display = ["body", "working_days"]
    autocomplete_fields = ["body"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A row belongs to its body for good: another body gets a row of its own.
        return ["body"] if obj is not None else []

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change_settings(request.user, obj.body_id))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: RecordsRequestSettings, form: BaseModelForm, change: bool
    ) -> None:
        saved = records_request_settings_set(
            actor=request.user, body=obj.body, working_days=obj.working_days
        )
        obj.pk = saved.pk


# How the event log shows the registry's rows: the same visibility decision as the registry's
# pages, taken on the row as the event recorded it and as it is now, so that a part masked at
# either time stays masked in every event of the row.


def _rows(model: type[models.Model], event: Event) -> list[Any]:
    names = {field.attname for field in model._meta.concrete_fields}
    rows = [
        model(**{key: value for key, value in snapshot.items() if key in names})
        for snapshot in (event.before, event.after)
        if isinstance(snapshot, dict) and "id" in snapshot
    ]
    current = model._base_manager.filter(pk=event.object_id).first()
    return [*rows, current] if current is not None else rows


def _masked(event: Event, hidden: set[str], mask: str, object_repr: str) -> Shown:
    def hide(snapshot: Any) -> Any:
        if not isinstance(snapshot, dict):
            return snapshot
        return {key: mask if key in hidden and value else value for key, value in snapshot.items()}

    return Shown(object_repr, hide(event.before), hide(event.after))


def _reference(rows: list[Any]) -> str:
    return next((row.secrecy_reference for row in rows if row.secrecy_reference), "")


def _case_event(user: Actor, event: Event) -> Shown:
    rows = _rows(Case, event)
    try:
        masked = any(case_view(user, row).title_masked for row in rows)
    except ObjectDoesNotExist:
        masked = True
    if not masked:
        return Shown(event.object_repr, event.before, event.after)
    mask = masked_text(_reference(rows))
    number = rows[0].number if rows else ""
    return _masked(event, {"title", "closing_note"}, mask, f"{number} {mask}")


def _document_event(user: Actor, event: Event) -> Shown:
    rows = _rows(Document, event)
    try:
        views = [document_view(user, row) for row in rows]
    except ObjectDoesNotExist:
        views = []
    hidden = set()
    if not views or any(view.counterpart_masked for view in views):
        hidden |= {"counterpart"}
    if not views or any(view.description_masked for view in views):
        hidden |= {"description", "secrecy_reason"}
    if not hidden or not any(row.secrecy_reference for row in rows):
        return Shown(event.object_repr, event.before, event.after)
    mask = masked_text(_reference(rows))
    number = rows[0].number if rows else ""
    shown_repr = f"{number} {mask}" if "description" in hidden else event.object_repr
    return _masked(event, hidden, mask, shown_repr)


def _file_event(user: Actor, event: Event) -> Shown:
    rows = _rows(File, event)
    documents = Document.objects.filter(pk__in=[row.document_id for row in rows])
    visible = bool(documents) and all(
        document_view(user, document).files_visible for document in documents
    )
    if visible:
        return Shown(event.object_repr, event.before, event.after)
    mask = masked_text(_reference(list(documents)))
    return _masked(event, {"original_name", "storage_name", "extracted_text"}, mask, mask)


def _request_event(user: Actor, event: Event) -> Shown:
    rows = _rows(PublicRecordsRequest, event)
    if rows and all(may_handle_records_requests(user, row.body_id) for row in rows):
        return Shown(event.object_repr, event.before, event.after)
    hidden = {"requester", "requester_contact", "subject", "assessment", "decision_text"}
    mask = _("[Visas bara för dem som handlägger begäran]")
    return _masked(event, hidden, mask, _("Begäran %(id)s") % {"id": event.object_id})


def _linked_case(model: type[models.Model], path: str, event: Event) -> Case | None:
    """The case a row of another model is about, as its event recorded the link."""
    first, _, rest = path.partition("__")
    key = model._meta.get_field(first)
    if not isinstance(key, models.ForeignKey):
        raise ImproperlyConfigured(f"{model._meta.label}.{first} is no foreign key.")
    linked = [
        snapshot[key.attname]
        for snapshot in (event.after, event.before)
        if isinstance(snapshot, dict) and snapshot.get(key.attname) is not None
    ]
    if not linked:
        return None
    case_id = (
        key.related_model._base_manager.filter(pk=linked[0]).values_list(rest, flat=True).first()
        if rest
        else linked[0]
    )
    case = (
        Case.objects.select_related("organization").filter(pk=case_id).first()
        if case_id is not None
        else None
    )
    return case or Case(secrecy_reference="?")


def _case_row_mask(model: type[models.Model], path: str) -> Callable[[Actor, Event], Shown]:
    """A row about a case (an agenda item, a preparation, a decision): its texts are masked
    wherever the case's title is."""
    texts = {
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    }

    def mask(user: Actor, event: Event) -> Shown:
        case = _linked_case(model, path, event)
        if case is None or (case.pk is not None and not case_view(user, case).title_masked):
            return Shown(event.object_repr, event.before, event.after)
        hidden = masked_text(case.secrecy_reference)
        return _masked(event, texts, hidden, hidden)

    return mask


EVENT_MASKS.update(
    {
        model._meta.label_lower: _case_row_mask(model, path)
        for model in apps.get_models()
        if model not in {Case, Document, File, PublicRecordsRequest}
        and (path := foreign_key_path(model, "registry.case")) is not None
    }
)
EVENT_MASKS.update(
    {
        "registry.case": _case_event,
        "registry.document": _document_event,
        "registry.file": _file_event,
        "registry.publicrecordsrequest": _request_event,
    }
)
