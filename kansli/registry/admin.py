"""The registry's configuration in the admin: number series and retention rules, audited.

Cases, documents, files and public records requests are not edited here: their numbers are
taken under lock and their secrecy decides who sees them, so they are written only through
the registry's services and read through its visibility function.
"""

from django.contrib import admin

from kansli.audit.admin import AuditedModelAdmin
from kansli.registry.models import NumberSeries, RetentionRule


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
