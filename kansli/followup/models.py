"""Follow-up (uppföljning): the director's duties in the instruction that are not a decision of
their own, each kept so that its evidence can be shown: the economy against the budget and the
initiatives a deviation requires, certification rights, the supervision of committees and
companies, crisis events with their log, the talks the instruction prescribes, and managers'
acknowledgement of governing documents, and the attestations of the duties done outside
Kansli (a talk held, a plan adopted, a report given orally).

Written through `kansli.followup.services`; the duty dashboard reads `kansli.followup.selectors`.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansli.decisions.models import Decision
from kansli.governance.models import DocumentVersion
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization, Person
from kansli.registry.models import Case, Document


class BudgetLine(models.Model):
    """The budget of one organization for one month (net cost, kronor)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    month = models.PositiveSmallIntegerField(_("månad"))
    amount = models.DecimalField(_("budget (kronor)"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("budgetrad")
        verbose_name_plural = _("budget")
        ordering = ["organization", "year", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "month"], name="budget_line_once"
            ),
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12), name="budget_line_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}-{self.month:02}"


class Outcome(models.Model):
    """The outcome (utfall) of one organization for one month, as imported from the ledger."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    month = models.PositiveSmallIntegerField(_("månad"))
    amount = models.DecimalField(_("utfall (kronor)"), max_digits=16, decimal_places=2)
    source = models.CharField(_("källa"), max_length=300, help_text=_("Den importerade filen."))
    imported_at = models.DateTimeField(_("importerad"))

    class Meta:
        verbose_name = _("utfall")
        verbose_name_plural = _("utfall")
        ordering = ["organization", "year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "month"], name="outcome_once"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="outcome_month"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}-{self.month:02}"


class DeviationThreshold(models.Model):
    """How far the outcome may stray from the budget, year to date, before the director must
    take the initiative with the board (seed 000, "Ekonomiskt ansvar")."""

    body = models.OneToOneField(
        Body,
        on_delete=models.PROTECT,
        related_name="deviation_threshold",
        verbose_name=_("huvudman"),
    )
    percent = models.DecimalField(_("procent av budgeten"), max_digits=5, decimal_places=2)
    amount = models.DecimalField(
        _("eller belopp (kronor)"), max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("gräns för budgetavvikelse")
        verbose_name_plural = _("gränser för budgetavvikelse")
        constraints = [
            models.CheckConstraint(condition=Q(percent__gt=0), name="threshold_percent_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.percent} %"


class BudgetInitiative(models.Model):
    """A deviation past the threshold, and the case the director owes the board about it; open
    until the board has dealt with it."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    month = models.PositiveSmallIntegerField(_("till och med månad"))
    budget = models.DecimalField(_("budget hittills"), max_digits=16, decimal_places=2)
    outcome = models.DecimalField(_("utfall hittills"), max_digits=16, decimal_places=2)
    opened_on = models.DateField(_("upptäckt"))
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ärende till styrelsen"),
    )
    dealt_with_on = models.DateField(_("behandlat av styrelsen"), null=True, blank=True)
    dealt_with_in = models.CharField(
        _("behandlat vid"), max_length=300, blank=True, help_text=_("Sammanträde och paragraf.")
    )

    class Meta:
        verbose_name = _("initiativ vid budgetavvikelse")
        verbose_name_plural = _("initiativ vid budgetavvikelse")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(dealt_with_on__isnull=True),
                name="budget_initiative_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}-{self.month:02}"


class CertificationRight(models.Model):
    """Attesträtt (seed 002 5.1.1, 5.1.5): who may certify payments for an organization, up to
    which amount, from when to when."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("attestant")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("ansvar")
    )
    max_amount = models.DecimalField(
        _("högsta belopp (kronor)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utsedd av"),
    )

    class Meta:
        verbose_name = _("attesträtt")
        verbose_name_plural = _("attesträtter")
        ordering = ["organization", "person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="certification_right_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.organization}"


class Certification(models.Model):
    """One payment certified under a certification right; never by the payee."""

    right = models.ForeignKey(
        CertificationRight,
        on_delete=models.PROTECT,
        related_name="certifications",
        verbose_name=_("attesträtt"),
    )
    payee = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("betalningsmottagare (person)"),
    )
    payee_name = models.CharField(_("betalningsmottagare"), max_length=300)
    amount = models.DecimalField(_("belopp (kronor)"), max_digits=16, decimal_places=2)
    reference = models.CharField(_("verifikation"), max_length=100)
    certified_on = models.DateField(_("attesterat"))

    class Meta:
        verbose_name = _("attest")
        verbose_name_plural = _("attester")
        ordering = ["-certified_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference}: {self.amount}"


class ReportTemplate(models.Model):
    """What committees or companies of one kind must report to the board under its supervision
    (uppsiktsplikt, KL 6 kap. 1 §), how often, and by when."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("huvudman")
    )
    name = models.CharField(_("benämning"), max_length=200)
    organization_kind = models.CharField(
        _("gäller"), max_length=30, choices=Organization.Kind.choices
    )
    interval_months = models.PositiveSmallIntegerField(_("intervall (månader)"))
    due_days = models.PositiveSmallIntegerField(_("dagar efter periodens slut"))
    contents = models.TextField(_("innehåll"), help_text=_("Vad rapporten ska redovisa."))

    class Meta:
        verbose_name = _("rapportmall för uppsikt")
        verbose_name_plural = _("rapportmallar för uppsikt")
        ordering = ["body", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="report_template_name"),
            models.CheckConstraint(
                condition=Q(interval_months__gte=1, interval_months__lte=12),
                name="report_template_interval",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SupervisionReport(models.Model):
    """One periodic report a committee or company owes, and whether and when it came."""

    template = models.ForeignKey(
        ReportTemplate, on_delete=models.PROTECT, related_name="reports", verbose_name=_("mall")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("rapportör")
    )
    period_start = models.DateField(_("period från"))
    period_end = models.DateField(_("period till"))
    due_on = models.DateField(_("ska lämnas senast"))
    filed_on = models.DateField(_("lämnad"), null=True, blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapporten som handling"),
    )
    summary = models.TextField(_("sammanfattning"), blank=True)

    class Meta:
        verbose_name = _("uppsiktsrapport")
        verbose_name_plural = _("uppsiktsrapporter")
        ordering = ["due_on", "organization"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "organization", "period_start"], name="supervision_report_once"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="supervision_report_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.period_start}–{self.period_end}"


class SupervisionInitiative(models.Model):
    """An initiative the director takes under the board's supervision duty, as a case."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("gäller")
    )
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="+", verbose_name=_("ärende")
    )
    reason = models.TextField(_("anledning"))
    taken_on = models.DateField(_("tagit"))

    class Meta:
        verbose_name = _("initiativ inom uppsikten")
        verbose_name_plural = _("initiativ inom uppsikten")
        ordering = ["-taken_on", "-pk"]

    def __str__(self) -> str:
        return str(self.case)


class CrisisEvent(models.Model):
    """A disturbance to society (samhällsstörning) and how it is led: by the crisis committee
    if it is activated, otherwise by the director (seed 002 3.5)."""

    class Leadership(models.TextChoices):
        UNDECIDED = "undecided", _("inte beslutat")
        COMMITTEE = "committee", _("krisledningsnämnden")
        DIRECTOR = "director", _("direktören")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("huvudman")
    )
    title = models.CharField(_("händelse"), max_length=300)
    started_at = models.DateTimeField(_("inträffade"))
    ended_at = models.DateTimeField(_("avslutad"), null=True, blank=True)
    leadership = models.CharField(
        _("leds av"), max_length=20, choices=Leadership.choices, default=Leadership.UNDECIDED
    )
    leadership_decided_at = models.DateTimeField(_("beslut om ledning"), null=True, blank=True)
    committee = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("krisledningsnämnd"),
    )
    chief_of_staff = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stabschef"),
    )

    class Meta:
        verbose_name = _("krishändelse")
        verbose_name_plural = _("krishändelser")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="crisis_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AppendOnlyError(ValidationError):
    """A change to or removal of a crisis log entry, refused."""

    def __init__(self) -> None:
        super().__init__(
            _("Krisloggen kan bara kompletteras: en anteckning ändras eller tas aldrig bort.")
        )


class AppendOnlyQuerySet(models.QuerySet):
    """Rows that are only ever added: updating or deleting them in bulk is refused."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError


class CrisisLogEntry(models.Model):
    """One line of the crisis log: append-only, never changed or removed."""

    class Kind(models.TextChoices):
        OBSERVATION = "observation", _("lägesbild")
        MEASURE = "measure", _("åtgärd")
        DECISION = "decision", _("beslut")
        LEADERSHIP = "leadership", _("ledning")
        COMMUNICATION = "communication", _("kommunikation")

    event = models.ForeignKey(
        CrisisEvent, on_delete=models.PROTECT, related_name="log", verbose_name=_("händelse")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("anteckning"))
    recorded_at = models.DateTimeField(_("tid"))
    recorded_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("av")
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslut"),
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("krislogg")
        verbose_name_plural = _("krisloggen")
        ordering = ["event", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.recorded_at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError


class Talk(models.Model):
    """A talk the instruction prescribes: the board chair's evaluation talk with the director
    (seed 002 3.6, seed 000), the director's salary talks with department heads and chiefs of
    staff (seed 002 5.1.4, 5.2.5)."""

    class Kind(models.TextChoices):
        EVALUATION = "evaluation", _("utvärderingssamtal")
        SALARY = "salary", _("lönesamtal")
        APPRAISAL = "appraisal", _("medarbetarsamtal")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("huvudman")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    held_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("hålls av")
    )
    held_with = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("med")
    )
    due_on = models.DateField(_("ska hållas senast"))
    held_on = models.DateField(_("hölls"), null=True, blank=True)
    note = models.TextField(_("anteckning"), blank=True)
    source_section = models.CharField(_("avsnitt"), max_length=60)

    class Meta:
        verbose_name = _("samtal")
        verbose_name_plural = _("samtal")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.held_with}"


class Acknowledgement(models.Model):
    """That a manager has taken note of a new or revised governing document (seed 000,
    "Verksamhetsansvar": documents fastställda och kända)."""

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.PROTECT,
        related_name="acknowledgements",
        verbose_name=_("version"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("chef")
    )
    acknowledged_at = models.DateTimeField(_("tagit del"))

    class Meta:
        verbose_name = _("kvittens av styrdokument")
        verbose_name_plural = _("kvittenser av styrdokument")
        ordering = ["version", "acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "person"], name="acknowledgement_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.version}"


class Attestation(models.Model):
    """That a duty of the instruction done outside Kansli was fulfilled, as of a day: recorded
    by the director, or by whom the director names for the duty, with a note and the
    registered document that shows it (seed 002 3.1 a, seed 000 "Ansvara inför och rapportera
    till styrelsen"). A duty due per meeting names the meeting it attests."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("huvudman")
    )
    duty_key = models.CharField(_("skyldighet"), max_length=200)
    attested_on = models.DateField(_("fullgjord per"))
    note = models.TextField(_("anteckning"))
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="+", verbose_name=_("handling")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("sammanträde"),
    )
    recorded_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("attesterad av")
    )
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("attestering av skyldighet")
        verbose_name_plural = _("attesteringar av skyldigheter")
        ordering = ["body", "duty_key", "-attested_on", "-pk"]
        indexes = [models.Index(fields=["body", "duty_key", "attested_on"])]

    def __str__(self) -> str:
        return f"{self.duty_key} {self.attested_on}"


class AttestationDelegate(models.Model):
    """A person the director names to attest a duty in the director's place (seed 002 3.1,
    seed 000 "Arbetsgivaransvar 1": befogenheter delas ut skriftligt)."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("huvudman")
    )
    duty_key = models.CharField(_("skyldighet"), max_length=200)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("ombud")
    )
    named_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("utsedd av")
    )
    named_on = models.DateField(_("utsedd"))

    class Meta:
        verbose_name = _("ombud för attestering")
        verbose_name_plural = _("ombud för attestering")
        ordering = ["body", "duty_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "duty_key", "person"], name="attestation_delegate_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.duty_key}: {self.person}"
