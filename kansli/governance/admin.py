"""Governing documents in the admin; every save is audited (AuditedModelAdmin)."""

from django.contrib import admin

from kansli.audit.admin import AuditedModelAdmin, BodyScoped
from kansli.governance.models import DocumentVersion, GoverningDocument, Revision, Section


class RevisionInline(BodyScoped, admin.TabularInline):
    model = Revision
    fields = ["decided_by", "decided_on", "minute"]
    autocomplete_fields = ["decided_by"]
    extra = 0


class DocumentVersionInline(BodyScoped, admin.StackedInline):
    model = DocumentVersion
    fields = ["number", "valid_from", "preamble", "text"]
    show_change_link = True
    extra = 0


@admin.register(GoverningDocument)
class GoverningDocumentAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "body", "adopted_by", "adopted_on", "valid_from", "review_by"]
    list_filter = ["kind", "body", "internal", "external"]
    list_select_related = ["body", "adopted_by"]
    search_fields = ["name", "slug", "case_number", "document_number", "subject_area"]
    autocomplete_fields = ["body", "adopted_by", "owner"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RevisionInline, DocumentVersionInline]


@admin.register(Revision)
class RevisionAdmin(AuditedModelAdmin):
    list_display = ["document", "decided_by", "decided_on", "minute"]
    list_select_related = ["document", "decided_by"]
    search_fields = ["document__name", "minute"]
    autocomplete_fields = ["document", "decided_by"]
    date_hierarchy = "decided_on"


class SectionInline(BodyScoped, admin.TabularInline):
    model = Section
    fields = ["order", "key", "number", "heading", "level", "text"]
    extra = 0


@admin.register(DocumentVersion)
class DocumentVersionAdmin(AuditedModelAdmin):
    list_display = ["document", "number", "valid_from"]
    list_select_related = ["document"]
    search_fields = ["document__name", "number"]
    autocomplete_fields = ["document"]
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(AuditedModelAdmin):
    list_display = ["label", "version", "key", "order"]
    list_filter = ["version__document"]
    list_select_related = ["version__document"]
    search_fields = ["heading", "key", "text", "version__document__name"]
    autocomplete_fields = ["version"]
