"""The follow-up in the admin, for correcting what the services recorded; every save and delete
is audited (AuditedModelAdmin). The crisis log is append-only: readable here, never changed."""

from django.contrib import admin

from kansli.audit.admin import AuditedModelAdmin, BodyScoped, ReadOnlyModelAdmin
from kansli.followup.models import (
    Acknowledgement,
    BudgetInitiative,
    BudgetLine,
    Certification,
    CertificationRight,
    CrisisEvent,
    CrisisLogEntry,
    DeviationThreshold,
    Outcome,
    ReportTemplate,
    SupervisionInitiative,
    SupervisionReport,
    Talk,
)


@admin.register(BudgetLine)
class BudgetLineAdmin(AuditedModelAdmin):
    list_display = ["organization", "year", "month", "amount"]
    list_filter = ["year", "organization__body"]
    list_select_related = ["organization"]


@admin.register(Outcome)
class OutcomeAdmin(AuditedModelAdmin):
    list_display = ["organization", "year", "month", "amount", "source", "imported_at"]
    list_filter = ["year", "organization__body"]
    list_select_related = ["organization"]


@admin.register(DeviationThreshold)
class DeviationThresholdAdmin(AuditedModelAdmin):
    list_display = ["body", "percent", "amount"]


@admin.register(BudgetInitiative)
class BudgetInitiativeAdmin(AuditedModelAdmin):
    list_display = ["organization", "year", "month", "opened_on", "case", "dealt_with_on"]
    list_filter = ["year", "organization__body"]
    list_select_related = ["organization", "case"]


@admin.register(CertificationRight)
class CertificationRightAdmin(AuditedModelAdmin):
    list_display = ["person", "organization", "max_amount", "start", "end"]
    list_filter = ["organization__body"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__given_name", "person__family_name"]


@admin.register(Certification)
class CertificationAdmin(AuditedModelAdmin):
    list_display = ["reference", "right", "payee_name", "amount", "certified_on"]
    list_select_related = ["right__person", "right__organization"]
    search_fields = ["reference", "payee_name"]
    date_hierarchy = "certified_on"


@admin.register(ReportTemplate)
class ReportTemplateAdmin(AuditedModelAdmin):
    list_display = ["name", "body", "organization_kind", "interval_months", "due_days"]
    list_filter = ["body"]


@admin.register(SupervisionReport)
class SupervisionReportAdmin(AuditedModelAdmin):
    list_display = ["organization", "template", "period_start", "period_end", "due_on", "filed_on"]
    list_filter = ["template"]
    list_select_related = ["organization", "template"]


@admin.register(SupervisionInitiative)
class SupervisionInitiativeAdmin(AuditedModelAdmin):
    list_display = ["case", "organization", "taken_on"]
    list_select_related = ["case", "organization"]


class CrisisLogEntryInline(BodyScoped, admin.TabularInline):
    model = CrisisLogEntry
    readonly_fields = ("recorded_at", "kind", "text", "recorded_by", "decision")
    fields = readonly_fields
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(CrisisEvent)
class CrisisEventAdmin(AuditedModelAdmin):
    list_display = ["title", "body", "started_at", "ended_at", "leadership"]
    list_filter = ["body", "leadership"]
    inlines = [CrisisLogEntryInline]


@admin.register(CrisisLogEntry)
class CrisisLogEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["recorded_at", "event", "kind", "recorded_by"]
    list_filter = ["kind"]
    list_select_related = ["event", "recorded_by"]


@admin.register(Talk)
class TalkAdmin(AuditedModelAdmin):
    list_display = ["kind", "held_by", "held_with", "due_on", "held_on", "source_section"]
    list_filter = ["body", "kind"]
    list_select_related = ["held_by", "held_with"]


@admin.register(Acknowledgement)
class AcknowledgementAdmin(AuditedModelAdmin):
    list_display = ["person", "version", "acknowledged_at"]
    list_select_related = ["person", "version"]
