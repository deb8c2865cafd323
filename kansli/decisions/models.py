"""The register of decisions (beslut): who decided what, on which power, with which evidence
for the consultations and approvals the power requires, and when it is reported.

A decision is recorded through `kansli.decisions.services`, which asks the delegation engine
first and keeps its verdict with the decision: a decision stays a draft until every requirement
before it is met, and one the engine denies is never stored.
"""

import datetime
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization, Person, Position

# The status of a cancelled meeting (the meetings app's Meeting.Status.CANCELLED, which builds
# on this app): it is no "next meeting" to report at.
MEETING_CANCELLED = "cancelled"


def meetings_to_report_at(*, organization: Any, decided_on: Any) -> QuerySet[models.Model]:
    """The meetings at which a decision reported at the organ's next meeting (KL 6 kap. 39 §)
    may be reported: the organization's, on or after the decision's day, not cancelled. Either
    argument may be a value or an expression (`OuterRef`). The meetings app builds on this one:
    its model is looked up, not imported."""
    return (
        apps.get_model("meetings", "Meeting")
        .objects.filter(organization=organization, starts_at__date__gte=decided_on)
        .exclude(status=MEETING_CANCELLED)
    )


class Decision(models.Model):
    """A decision, whoever made it: a delegate, the director under the instruction, or an
    organization at a meeting."""

    class Kind(models.TextChoices):
        DELEGATE = "delegate", _("delegationsbeslut")
        INSTRUCTION = "instruction", _("beslut enligt direktörsinstruktionen")
        MEETING = "meeting", _("beslut vid sammanträde")

    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        RECORDED = "recorded", _("registrerat")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("huvudman")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    decision_type = models.SlugField(_("beslutstyp"), max_length=100)
    decision_type_name = models.CharField(_("beslutstypens benämning"), max_length=300)
    decided_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("beslutsfattare"),
    )
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("i egenskap av befattning"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions_made",
        verbose_name=_("beslutande organ"),
    )
    concerning = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions_concerning",
        verbose_name=_("berörd organisation"),
    )
    amount = models.DecimalField(
        _("belopp (kronor)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    decided_on = models.DateField(_("beslutsdatum"))
    title = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("beslut"), blank=True)
    case_reference = models.CharField(_("diarienummer"), max_length=60, blank=True)
    verdict = models.JSONField(
        _("prövning mot delegationsordningen"),
        default=dict,
        help_text=_("Delegationsmotorns svar: grund, krav, anmälan och skäl."),
    )
    # Codes of the conditions the decision maker asserted hold ("ärendet är brådskande"), for
    # rules limited by them; asked again with the decision whenever evidence is added.
    conditions = models.JSONField(_("intygade villkor"), default=list, blank=True)
    source_document = models.CharField(_("källa"), max_length=200)
    source_section = models.CharField(_("avsnitt"), max_length=200)
    source_rule = models.CharField(_("punkt"), max_length=60)
    report_to = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions_to_report",
        verbose_name=_("anmäls till"),
    )
    report_due = models.DateField(_("anmäls senast"), null=True, blank=True)
    # KL 6 kap. 39 §: a decision in a matter too urgent to wait for the committee (by its chair
    # or a member, under a rule limited to urgent matters) is reported at the committee's next
    # meeting; its last day is that meeting's (`report_deadline`), not a stored date.
    report_at_next_meeting = models.BooleanField(_("anmäls vid nästa sammanträde"), default=False)
    reported_on = models.DateField(_("anmält den"), null=True, blank=True)
    reported_in = models.CharField(
        _("anmält vid"), max_length=300, blank=True, help_text=_("Sammanträde och paragraf.")
    )
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__isnull=True) | Q(organization__isnull=True),
                name="decision_one_capacity",
                violation_error_message=_(
                    "Ett beslut fattas antingen i egenskap av en befattning eller av ett organ."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind="meeting") | Q(decided_by__isnull=False),
                name="decision_delegate_named",
                violation_error_message=_("Ett delegationsbeslut har en namngiven beslutsfattare."),
            ),
            models.CheckConstraint(
                condition=Q(report_to__isnull=True, report_due__isnull=True)
                | Q(report_to__isnull=False, report_due__isnull=False)
                | Q(report_to__isnull=False, report_at_next_meeting=True),
                name="decision_report_due_with_recipient",
                violation_error_message=_(
                    "Ett beslut som ska anmälas har ett sista datum, eller anmäls vid nästa "
                    "sammanträde."
                ),
            ),
            models.CheckConstraint(
                condition=Q(report_at_next_meeting=False)
                | Q(report_to__isnull=False, report_due__isnull=True),
                name="decision_next_meeting_undated",
                violation_error_message=_(
                    "Ett beslut som anmäls vid nästa sammanträde har inget eget sista datum."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reported_on__isnull=True)
                | Q(status="recorded", report_to__isnull=False),
                name="decision_reported_when_recorded",
                violation_error_message=_(
                    "Bara ett registrerat beslut med anmälningsplikt kan anmälas."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="decision_amount_not_negative",
                violation_error_message=_("Beloppet kan inte vara negativt."),
            ),
        ]
        indexes = [
            models.Index(fields=["report_to", "reported_on"], name="decision_report_queue"),
            # The body's decisions latest first (the list, the API): one index scan in the
            # body's rows, in the list's order.
            models.Index(fields=["body", "decided_on", "id"], name="decision_body_decided_on"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def unreported(self) -> bool:
        """Recorded, owed a report, and not yet reported."""
        return (
            self.status == self.Status.RECORDED
            and self.report_to_id is not None
            and self.reported_on is None
        )

    @cached_property
    def report_deadline(self) -> datetime.date | None:
        """The last day to report the decision: its `report_due`, or for one reported at the
        organ's next meeting (KL 6 kap. 39 §) the day of the organ's first meeting on or after
        the decision that is not cancelled; none while no such meeting is planned."""
        if not self.report_at_next_meeting or self.report_to is None:
            return self.report_due
        starts = (
            meetings_to_report_at(organization=self.report_to, decided_on=self.decided_on)
            .order_by("starts_at")
            .values_list("starts_at", flat=True)
            .first()
        )
        return None if starts is None else timezone.localdate(starts)

    @property
    def maker(self) -> str:
        """Who decided: the person, or the organization at a meeting."""
        return str(self.decided_by or self.organization)

    @property
    def citation(self) -> str:
        return f"{self.source_document} {self.source_section}"


class Evidence(models.Model):
    """That a consultation, approval, advance notification or advance report the decision
    requires has taken place."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("samråd")
        APPROVAL = "approval", _("godkännande")
        NOTIFICATION = "notification", _("information i förväg")
        REPORT = "report", _("anmälan i förväg")

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("beslut")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    party = models.CharField(
        _("part"), max_length=120, help_text=_("Partens nyckel i delegationsordningen, t.ex. pfu.")
    )
    party_name = models.CharField(_("partens namn"), max_length=300)
    took_place_on = models.DateField(_("datum"))
    recorded_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("registrerat av")
    )
    note = models.TextField(_("anteckning"), blank=True)
    # A consultation the order requires only "vid behov" that the decision maker found not
    # needed (Blekinge's instruction, Arbetsgivaransvar): `note` gives the reason.
    waived = models.BooleanField(
        _("behövdes inte"),
        default=False,
        help_text=_("Ett samråd vid behov som inte behövdes; anteckningen anger skälet."),
    )

    class Meta:
        verbose_name = _("underlag för krav")
        verbose_name_plural = _("underlag för krav")
        ordering = ["took_place_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(waived=False) | ~Q(note=""),
                name="evidence_waived_with_reason",
                violation_error_message=_("Ange skälet till att samrådet inte behövdes."),
            ),
            models.UniqueConstraint(
                fields=["decision", "kind", "party"],
                name="evidence_once_per_requirement",
                violation_error_message=_("Kravet har redan ett registrerat underlag."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.party_name}"


class ExecutionTask(models.Model):
    """Verkställighet: a piece of executing a decision, given through the director to a
    department or company, with a due date (seed 002 3.1, seed 000 "verkställs")."""

    class Status(models.TextChoices):
        OPEN = "open", _("ej påbörjad")
        IN_PROGRESS = "in_progress", _("pågår")
        DONE = "done", _("verkställd")
        CANCELLED = "cancelled", _("kan inte verkställas")

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="execution_tasks", verbose_name=_("beslut")
    )
    title = models.CharField(_("uppgift"), max_length=300)
    executor = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("verkställs av")
    )
    assigned_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("uppdragen av")
    )
    assigned_on = models.DateField(_("uppdragen"))
    due_on = models.DateField(_("klar senast"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("klar"), null=True, blank=True)
    note = models.TextField(_("anteckning"), blank=True)

    class Meta:
        verbose_name = _("verkställighetsuppgift")
        verbose_name_plural = _("verkställighetsuppgifter")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(status__in=["done", "cancelled"]),
                name="execution_done_on_when_done",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """Uppdrag: a task the board gives the director in a decision, with a due date and how
    often the board is to hear how it progresses (seed 000: "hålla ordförande och styrelsen
    fortlöpande informerade om hur givna uppdrag framskrider")."""

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("pågår")
        COMPLETED = "completed", _("slutfört")
        CANCELLED = "cancelled", _("avslutat utan att slutföras")

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("beslut")
    )
    title = models.CharField(_("uppdrag"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    assignee = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("uppdragstagare")
    )
    # Whom the director names to report in the director's stead.
    reporter = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapporterar"),
    )
    given_on = models.DateField(_("givet"))
    due_on = models.DateField(_("ska slutföras senast"))
    report_interval_months = models.PositiveSmallIntegerField(_("rapporteras var … månad"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONGOING
    )
    completed_on = models.DateField(_("slutfört"), null=True, blank=True)

    class Meta:
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report_interval_months__gte=1), name="assignment_interval_positive"
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("given_on")), name="assignment_due_after_given"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AssignmentReport(models.Model):
    """A progress report on an assignment; it may be put on the board's agenda, where the
    agenda item names it (`report.agenda_item`, the meetings app's link)."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.PROTECT, related_name="reports", verbose_name=_("uppdrag")
    )
    reported_on = models.DateField(_("rapporterat"))
    reported_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("av")
    )
    text = models.TextField(_("rapport"))

    class Meta:
        verbose_name = _("rapport om uppdrag")
        verbose_name_plural = _("rapporter om uppdrag")
        ordering = ["assignment", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.assignment} {self.reported_on}"
