"""Meetings in the admin: read there, with the place and times editable (audited); everything
the law governs (attendance, decisions, minute numbers, approval, posting) is written on the
meeting pages through the services, never here."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kansli.audit.admin import AuditedModelAdmin, BodyScoped, ReadOnlyModelAdmin
from kansli.meetings.models import AgendaItem, Attendance, Meeting, MinuteSeries, Posting
from kansli.meetings.policy import item_title
from kansli.registry.visibility import unmasked


class ReadOnlyInline(BodyScoped, admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AgendaItemInline(ReadOnlyInline):
    model = AgendaItem
    fields = ["position", "minute_number", "kind", "title", "case", "rapporteur", "status"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AgendaItem]:
        """The meeting's items but those whose title the meetings' policy masks from the user
        (`item_title`, as on the meeting's pages)."""
        items = super().get_queryset(request).select_related("case__organization")
        return unmasked(items, request.user, lambda user, item: item_title(user, item)[1])


class AttendanceInline(ReadOnlyInline):
    model = Attendance
    fields = ["person", "capacity", "present", "serves_for", "checks_minutes", "may_speak"]


@admin.register(Meeting)
class MeetingAdmin(AuditedModelAdmin):
    list_display = ["organization", "starts_at", "place", "status"]
    list_filter = ["status", "organization__body", "organization"]
    date_hierarchy = "starts_at"
    fields = [
        "organization",
        "starts_at",
        "ends_at",
        "place",
        "open_to_public",
        "status",
        "chair",
        "secretary",
        "notice_sent_at",
        "opened_at",
        "closed_at",
        "approved_at",
    ]
    readonly_fields = [
        "organization",
        "status",
        "chair",
        "secretary",
        "notice_sent_at",
        "opened_at",
        "closed_at",
        "approved_at",
    ]
    inlines = [AgendaItemInline, AttendanceInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # meetings are planned through meeting_schedule

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MinuteSeries)
class MinuteSeriesAdmin(ReadOnlyModelAdmin):
    list_display = ["organization", "year", "next_number"]
    list_filter = ["organization__body"]


@admin.register(Posting)
class PostingAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "item", "approved_on", "posted_on", "last_appeal_day", "late"]
    list_filter = ["meeting__organization__body"]

    @admin.display(boolean=True, description=_("sent anslaget"))
    def late(self, posting: Posting) -> bool:
        return posting.late
