"""The admin's writes go through the audited services; the event log itself is read-only."""

import json
from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import BaseModelForm, BaseModelFormSet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kansli.audit import services as audit
from kansli.audit.models import ChainHead, Event


class AuditedModelAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes, inlines included, are recorded in the event log
    in the same transaction, with the signed-in user as the actor."""

    def save_model(self, request: HttpRequest, obj: Any, form: BaseModelForm, change: bool) -> None:
        save = audit.update if change else audit.create
        save(actor=request.user, instance=obj)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        audit.delete(actor=request.user, instance=obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        with transaction.atomic(using=queryset.db):
            for obj in queryset:
                audit.delete(actor=request.user, instance=obj)

    def save_related(
        self,
        request: HttpRequest,
        form: BaseModelForm,
        formsets: list[BaseModelFormSet],
        change: bool,
    ) -> None:
        _save_many_to_many(request, form)
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(
        self, request: HttpRequest, form: BaseModelForm, formset: BaseModelFormSet, change: bool
    ) -> None:
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit.delete(actor=request.user, instance=obj)
        for obj, _changed_fields in formset.changed_objects:
            audit.update(actor=request.user, instance=obj)
        for obj in formset.new_objects:
            audit.create(actor=request.user, instance=obj)
        for saved_form in formset.saved_forms:
            _save_many_to_many(request, saved_form)


def _save_many_to_many(request: HttpRequest, form: BaseModelForm) -> None:
    """What `form.save_m2m()` would do, recorded."""
    relations = {
        field.name: form.cleaned_data[field.name]
        for field in form.instance._meta.many_to_many
        if field.name in form.fields and field.name in form.cleaned_data
    }
    if relations:
        audit.set_relations(actor=request.user, instance=form.instance, **relations)


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """Viewable by those allowed to view; added, changed and deleted by no one."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


@admin.register(Event)
class EventAdmin(ReadOnlyModelAdmin):
    list_display = ["seq", "at", "actor_name", "action", "object_type", "object_repr"]
    list_filter = ["object_type", "action"]
    search_fields = ["object_repr", "object_id", "actor_name", "action"]
    date_hierarchy = "at"
    fields = [
        "seq",
        "at",
        "actor",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "before_pretty",
        "after_pretty",
        "prev_hash",
        "hash",
    ]

    readonly_fields = fields

    @admin.display(description=_("före"))
    def before_pretty(self, event: Event) -> SafeString:
        return _pretty_json(event.before)

    @admin.display(description=_("efter"))
    def after_pretty(self, event: Event) -> SafeString:
        return _pretty_json(event.after)


@admin.register(ChainHead)
class ChainHeadAdmin(ReadOnlyModelAdmin):
    list_display = ["seq", "hash"]
