"""The organisation in the admin; every save is audited (AuditedModelAdmin), and an
administrator sees its own body only (BodyScoped)."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelChoiceField
from django.http import HttpRequest

from kansli.accounts.policy import standing
from kansli.audit.admin import AuditedModelAdmin, BodyScoped
from kansli.organisation.models import (
    Appointment,
    Body,
    Membership,
    Organization,
    Person,
    Position,
)


@admin.register(Body)
class BodyAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "slug", "organization_number"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "organization_number"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # An administrator keeps its own body's details; a body is added or removed by an operator.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return standing(request.user).operator

    def has_delete_permission(self, request: HttpRequest, obj: Body | None = None) -> bool:
        return standing(request.user).operator


class OthersSeats(BodyScoped):
    """Seats and posts of others: an administrator neither gives itself a seat or a post nor
    changes its own (a post held brings the post's powers); an operator may."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)
        own = standing(request.user)
        return rows if own.operator else rows.exclude(person_id=own.person_id)

    def formfield_for_foreignkey(
        self, db_field: "models.ForeignKey[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> "ModelChoiceField[Any] | None":
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        own = standing(request.user)
        if db_field.name == "person" and field and field.queryset is not None and not own.operator:
            field.queryset = field.queryset.exclude(pk=own.person_id)
        return field


class MembershipInline(OthersSeats, admin.TabularInline):
    model = Membership
    fields = ["person", "role", "party", "rank", "start", "end"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(AuditedModelAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "parent",
        "body",
        "seats",
        "ownership",
        "established_on",
        "dissolved_on",
    ]
    list_filter = ["body", "kind"]
    list_select_related = ["parent", "body"]
    search_fields = ["name", "short_name", "slug"]
    autocomplete_fields = ["body", "parent"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ["family_name", "given_name", "email", "body"]
    list_display_links = ["family_name", "given_name"]
    list_filter = ["body"]
    list_select_related = ["body"]
    search_fields = ["given_name", "family_name", "email"]
    autocomplete_fields = ["body"]


@admin.register(Membership)
class MembershipAdmin(OthersSeats, AuditedModelAdmin):
    list_display = ["person", "role", "organization", "party", "rank", "start", "end"]
    list_filter = ["role", "organization__body", "organization"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__given_name", "person__family_name", "organization__name", "party"]
    autocomplete_fields = ["person", "organization"]
    date_hierarchy = "start"


class AppointmentInline(OthersSeats, admin.TabularInline):
    model = Appointment
    fields = ["person", "acting", "start", "end"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(Position)
class PositionAdmin(AuditedModelAdmin):
    list_display = ["title", "organization", "body", "security_class"]
    list_filter = ["body", "security_class"]
    list_select_related = ["organization", "body"]
    search_fields = ["title", "slug", "organization__name"]
    autocomplete_fields = ["body", "organization"]
    inlines = [AppointmentInline]


@admin.register(Appointment)
class AppointmentAdmin(OthersSeats, AuditedModelAdmin):
    list_display = ["position", "person", "acting", "start", "end"]
    list_filter = ["acting", "position__body"]
    list_select_related = ["position", "person"]
    search_fields = ["person__given_name", "person__family_name", "position__title"]
    autocomplete_fields = ["person", "position"]
    date_hierarchy = "start"
