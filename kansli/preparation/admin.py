"""Routes are configured per body in the admin; preparations are read there and written on the
case pages. Every save is audited (AuditedModelAdmin)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from kansli.audit.admin import AuditedModelAdmin, BodyScoped
from kansli.preparation.models import (
    Preparation,
    ResolutionClause,
    Route,
    RouteStep,
    Statement,
    StatusChange,
)
from kansli.registry.visibility import case_contents_masked, unmasked


class RouteStepInline(BodyScoped, admin.TabularInline):
    model = RouteStep
    extra = 1
    autocomplete_fields = ["organization"]


@admin.register(Route)
class RouteAdmin(AuditedModelAdmin):
    list_display = ["name", "body", "source"]
    list_filter = ["body"]
    search_fields = ["name"]
    inlines = [RouteStepInline]


class ReadOnlyInline(BodyScoped, admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ClauseInline(ReadOnlyInline):
    model = ResolutionClause
    fields = ["position", "text"]


class StatementInline(ReadOnlyInline):
    model = Statement
    fields = ["organization", "author", "received_on", "summary", "document"]


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["at", "actor", "from_status", "to_status", "from_step", "to_step", "note"]


@admin.register(Preparation)
class PreparationAdmin(AuditedModelAdmin):
    """Read here; the case officer writes the report on the case's pages."""

    list_display = ["case", "status", "step", "rapporteur", "due_on", "updated_at"]
    list_filter = ["status", "route"]
    list_select_related = ["case", "step__organization", "rapporteur"]
    search_fields = ["case__number", "case__title"]
    inlines = [ClauseInline, StatementInline, StatusChangeInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Preparation]:
        """The body's preparations but those of cases whose contents are masked from the user
        (`case_contents_masked`, as on the case page)."""
        preparations = super().get_queryset(request).select_related("case__organization")
        return unmasked(
            preparations, request.user, lambda user, p: case_contents_masked(user, p.case)
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
