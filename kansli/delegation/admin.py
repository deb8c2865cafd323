"""The delegation orders in the admin. An order's rules, decision types and duties come from its
YAML file (`kansli delegation import`) and are shown read-only; the order's link to its
governing document and its last day may be changed, and an order deleted, all audited."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kansli.audit.admin import AuditedModelAdmin, BodyScoped, ReadOnlyModelAdmin
from kansli.delegation.models import DecisionType, DelegationOrder, DelegationRule, Duty


class ReadOnlyInline(BodyScoped, admin.TabularInline):
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DecisionTypeInline(ReadOnlyInline):
    model = DecisionType
    fields = ["code", "name", "non_delegable"]


class DelegationRuleInline(ReadOnlyInline):
    model = DelegationRule
    fields = ["number", "decision_type", "matter", "delegate_name", "source_section"]


class DutyInline(ReadOnlyInline):
    model = Duty
    fields = ["number", "holder_name", "text", "recurrence", "source_section"]


@admin.register(DelegationOrder)
class DelegationOrderAdmin(AuditedModelAdmin):
    list_display = ["document", "version", "body", "organization", "valid_from", "valid_to"]
    list_filter = ["body"]
    list_select_related = ["body", "organization"]
    search_fields = ["document", "key", "organization__name"]
    autocomplete_fields = ["governing_document"]
    readonly_fields = [
        "body",
        "key",
        "organization",
        "document",
        "version",
        "adopted_on",
        "minute",
        "valid_from",
        "parties",
        "subdelegations",
        "source_name",
        "source_text",
        "imported_at",
    ]
    inlines = [DecisionTypeInline, DelegationRuleInline, DutyInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # New orders come from their YAML file: `kansli delegation import`.
        return False


@admin.register(DelegationRule)
class DelegationRuleAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "matter", "decision_type", "delegate_name", "order"]
    list_filter = ["order__body", "order"]
    list_select_related = ["order"]
    search_fields = ["number", "matter", "decision_type", "delegate_name"]


@admin.register(DecisionType)
class DecisionTypeAdmin(ReadOnlyModelAdmin):
    list_display = ["code", "name", "non_delegable", "order"]
    list_filter = ["order__body", "non_delegable"]
    list_select_related = ["order"]
    search_fields = ["code", "name"]


@admin.register(Duty)
class DutyAdmin(ReadOnlyModelAdmin):
    list_display = ["number", "text", "holder_name", "recurrence", "order"]
    list_filter = ["order__body", "recurrence"]
    list_select_related = ["order"]
    search_fields = ["number", "text", "holder_name"]
