"""The admin's writes go through the audited services; the event log itself is read-only.

An administrator sees and chooses only the rows of its own body (`BodyScoped`, the body found
along each model's foreign keys as for the event log); an operator (a superuser) sees all.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib import admin
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import (
    BaseModelForm,
    BaseModelFormSet,
    ModelChoiceField,
    ModelMultipleChoiceField,
)
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kansli.accounts.policy import Actor, standing
from kansli.audit import services as audit
from kansli.audit.bodies import body_path
from kansli.audit.models import ChainHead, Event

M = TypeVar("M", bound=models.Model)


def scoped(queryset: QuerySet[M], user: Actor) -> QuerySet[M]:
    """The rows of the user's own body; all for an operator, none for a model of no body."""
    own = standing(user)
    if own.operator:
        return queryset
    path = body_path(queryset.model)
    if path is None or own.body_id is None:
        return queryset.none()
    return queryset.filter(**{path: own.body_id})


if TYPE_CHECKING:
    _AdminBase = admin.options.BaseModelAdmin[Any]
else:
    _AdminBase = object


class BodyScoped(_AdminBase):
    """For a ModelAdmin or an inline: the rows listed and opened, and the choices of every
    foreign key and many-to-many field, are those of the signed-in user's body."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return scoped(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(
        self, db_field: "models.ForeignKey[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> "ModelChoiceField[Any] | None":
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _scoped_choices(field, request)

    def formfield_for_manytomany(
        self, db_field: "models.ManyToManyField[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> "ModelMultipleChoiceField[Any] | None":
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return _scoped_choices(field, request)


Choices = TypeVar("Choices", bound="ModelChoiceField[Any]")


def _scoped_choices(field: Choices | None, request: HttpRequest) -> Choices | None:
    if field is not None and field.queryset is not None:
        field.queryset = scoped(field.queryset, request.user)
    return field


class AuditedModelAdmin(BodyScoped, admin.ModelAdmin):
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


class ReadOnlyModelAdmin(BodyScoped, admin.ModelAdmin):
    """Viewable by those allowed to view; added, changed and deleted by no one."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _pretty_json(value: object) -> SafeString:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


@dataclass(frozen=True)
class Shown:
    """What an event shows its reader: its object's name, before and after, masked where the
    reader may not see a secret part."""

    object_repr: str
    before: Any
    after: Any


# Each app whose rows can hold what secrecy hides registers, by object type
# ("registry.document"), how an event of such a row is shown to a reader: the same visibility
# decision as on its own pages (kansli.registry.admin).
EVENT_MASKS: dict[str, Callable[[Actor, Event], Shown]] = {}


def shown(user: Actor, event: Event) -> Shown:
    """The event as the user may read it; an operator reads everything."""
    mask = EVENT_MASKS.get(event.object_type)
    if mask is None or standing(user).operator:
        return Shown(event.object_repr, event.before, event.after)
    return mask(user, event)


# Who reads the log: a display method gets the event, not the request.
_reader: ContextVar[Actor] = ContextVar("event_reader", default=None)


@contextmanager
def _reading(user: Actor) -> Iterator[None]:
    token = _reader.set(user)
    try:
        yield
    finally:
        _reader.reset(token)


@admin.register(Event)
class EventAdmin(ReadOnlyModelAdmin):
    """The events of the reader's body, secret parts masked; an operator reads all."""

    list_display = ["seq", "at", "actor_name", "action", "object_type", "object_shown"]
    list_filter = ["object_type", "action"]
    search_fields = ["object_repr", "object_id", "actor_name", "action"]
    date_hierarchy = "at"
    # Every field shown, none editable.
    readonly_fields = (
        "seq",
        "at",
        "actor",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "object_shown",
        "before_pretty",
        "after_pretty",
        "prev_hash",
        "hash",
    )
    fields = readonly_fields

    def get_search_fields(self, request: HttpRequest) -> list[str]:
        """An object's name may be masked: searching it would tell what the mask hides."""
        if standing(request.user).operator:
            return self.search_fields
        return [name for name in self.search_fields if name != "object_repr"]

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Event | None:
        """The event with its object's name as the reader may see it: the page's title and
        breadcrumbs name the event by it. (The log is read-only: nothing saves it.)"""
        event = super().get_object(request, object_id, from_field)
        if event is not None:
            event.object_repr = shown(request.user, event).object_repr
        return event

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        with _reading(request.user):
            return _rendered(super().changelist_view(request, extra_context))

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        with _reading(request.user):
            return _rendered(super().change_view(request, object_id, form_url, extra_context))

    @admin.display(description=_("objekt"))
    def object_shown(self, event: Event) -> str:
        return shown(_reader.get(), event).object_repr

    @admin.display(description=_("före"))
    def before_pretty(self, event: Event) -> SafeString:
        return _pretty_json(shown(_reader.get(), event).before)

    @admin.display(description=_("efter"))
    def after_pretty(self, event: Event) -> SafeString:
        return _pretty_json(shown(_reader.get(), event).after)


def _rendered(response: HttpResponse) -> HttpResponse:
    """Render a template response now, while the reader is known."""
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        return response.render()
    return response


@admin.register(ChainHead)
class ChainHeadAdmin(ReadOnlyModelAdmin):
    list_display = ["seq", "hash"]
