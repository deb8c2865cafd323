"""The register of decisions in the admin. A decision is recorded through the register's
services, which put it to the delegation engine: here only its wording can be corrected, and
every correction is audited (AuditedModelAdmin). A decision masked from the user in the
register is not listed here either."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from kansli.audit.admin import AuditedModelAdmin, BodyScoped
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.selectors import DECISION_CASE, decision_view
from kansli.registry.visibility import unmasked


class EvidenceInline(BodyScoped, admin.TabularInline):
    model = Evidence
    readonly_fields = ("kind", "party_name", "took_place_on", "recorded_by", "note")
    fields = readonly_fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# The decision admin shows these; it edits only the title, the text and the case reference.
DECISION_FIELDS = (
    "body",
    "kind",
    "status",
    "decision_type",
    "decision_type_name",
    "decided_by",
    "position",
    "organization",
    "concerning",
    "amount",
    "decided_on",
    "title",
    "text",
    "case_reference",
    "source_document",
    "source_section",
    "source_rule",
    "verdict",
    "report_to",
    "report_due",
    "reported_on",
    "reported_in",
)


@admin.register(Decision)
class DecisionAdmin(AuditedModelAdmin):
    list_display = [
        "title",
        "body",
        "decision_type_name",
        "decided_by",
        "decided_on",
        "status",
        "report_to",
        "report_due",
        "reported_on",
    ]
    list_filter = ["body", "status", "kind", "report_to"]
    list_select_related = ["body", "decided_by", "report_to"]
    search_fields = [
        "title",
        "text",
        "case_reference",
        "decision_type_name",
        "decided_by__given_name",
        "decided_by__family_name",
    ]
    date_hierarchy = "decided_on"
    fields = DECISION_FIELDS
    readonly_fields = [
        field for field in DECISION_FIELDS if field not in {"title", "text", "case_reference"}
    ]
    inlines = [EvidenceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Decision]:
        """The body's decisions but those whose title and text the register masks from the
        user (`decision_view`)."""
        decisions = super().get_queryset(request).select_related(DECISION_CASE)
        return unmasked(decisions, request.user, lambda user, d: decision_view(user, d).masked)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
