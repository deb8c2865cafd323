"""The registry (diarium): cases, the documents registered in them, their files and secrecy.

OSL 5 kap 1 §: a public document is registered without delay once it has come in or been drawn
up. OSL 5 kap 2 §: the registration shows, unless plainly unneeded, (1) the date it came in or
was drawn up, (2) its number, (3) who it came from or was sent to, and (4) in short what it is
about; (3) and (4) are left out or kept apart where needed so that the rest of the register
can be released. Hence `Document.date`, `number`, `counterpart` and `description`, and the two
masking flags that say which of (3) and (4) secrecy hides.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization, Person


def masked_text(reference: str) -> str:
    """What a secret text reads as to those who may not see it."""
    return gettext("[Sekretess enligt %(reference)s]") % {"reference": reference}


# KLASSA-style classification codes: "1", "1.2", "1.2.3".
validate_classification = RegexValidator(
    r"^\d{1,3}(\.\d{1,3}){0,5}$",
    _("Ange klassificeringen som siffror åtskilda av punkter, till exempel 1.2.3."),
)

# The provision that makes a record secret, as it is cited: "OSL 21 kap. 1 §",
# "OSL 19 kap. 3 § andra stycket".
validate_secrecy_reference = RegexValidator(
    r"^OSL \d{1,2} kap\. \d{1,2}( [a-z])? §",
    _("Ange sekretessgrunden som till exempel ”OSL 21 kap. 1 §”."),
)


def validate_number_format(value: str) -> None:
    """A series format must number with {number} and may name the {year}."""
    try:
        example = value.format(year=2026, number=51)
    except (KeyError, IndexError, ValueError):
        example = None
    if "{number" not in value or example is None:
        raise ValidationError(
            _(
                "Nummerformatet ska innehålla {number} och får bara använda {year} och "
                "{number}, till exempel ”KS {year}/{number:05d}”."
            )
        )


class NumberSeries(models.Model):
    """The case numbers of one organization in one year (diarienummer, "KS 2026/00051").

    `next_number` is read and advanced under a row lock in the transaction that opens the case,
    so a number is neither handed out twice nor skipped.
    """

    DEFAULT_FORMAT = "{year}/{number:05d}"

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="number_series",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    format = models.CharField(
        _("nummerformat"),
        max_length=60,
        default=DEFAULT_FORMAT,
        validators=[validate_number_format],
        help_text=_("Till exempel ”KS {year}/{number:05d}” eller ”{year}/{number:05d}”."),
    )
    next_number = models.PositiveIntegerField(_("nästa nummer"), default=1)

    class Meta:
        verbose_name = _("nummerserie")
        verbose_name_plural = _("nummerserier")
        ordering = ["organization", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="one_number_series_per_organization_year"
            ),
            models.CheckConstraint(
                condition=Q(next_number__gte=1), name="number_series_next_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}, {self.year}"

    def number(self, sequence: int) -> str:
        return self.format.format(year=self.year, number=sequence)

    def clean(self) -> None:
        if self.pk is None:
            return
        stored = NumberSeries.objects.filter(pk=self.pk).values_list("format", flat=True).first()
        if stored != self.format and self.cases.exists():
            raise ValidationError(
                _("Nummerserien %(series)s har redan ärenden; formatet kan inte ändras.")
                % {"series": self}
            )


class RetentionRule(models.Model):
    """A line of the retention schedule (dokumenthanteringsplan): preserve, or dispose after N
    years."""

    class Action(models.TextChoices):
        PRESERVE = "preserve", _("bevaras")
        DISPOSE = "dispose", _("gallras")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="retention_rules", verbose_name=_("huvudman")
    )
    name = models.CharField(_("benämning"), max_length=200)
    action = models.CharField(_("bevarande eller gallring"), max_length=10, choices=Action.choices)
    dispose_after_years = models.PositiveSmallIntegerField(
        _("gallras efter (år)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("gallringsregel")
        verbose_name_plural = _("gallringsregler")
        ordering = ["body", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="retention_rule_name_per_body"),
            models.CheckConstraint(
                condition=(
                    Q(action="preserve", dispose_after_years__isnull=True)
                    | Q(action="dispose", dispose_after_years__gte=0)
                ),
                name="retention_rule_years_only_for_disposal",
                violation_error_message=_(
                    "Ange antal år för gallring, och inga år för handlingar som bevaras."
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.action == self.Action.PRESERVE:
            return f"{self.name} ({self.get_action_display()})"
        return _("%(name)s (gallras efter %(years)s år)") % {
            "name": self.name,
            "years": self.dispose_after_years,
        }


class ClassificationPlan(models.Model):
    """A body's classification plan (klassificeringsstruktur), process-based as KLASSA's: areas
    of activity (verksamhetsområden) hold process groups (processgrupper), which hold the
    processes a case is classified by. Loaded from its YAML file (`planfile`)."""

    body = models.OneToOneField(
        Body,
        on_delete=models.PROTECT,
        related_name="classification_plan",
        verbose_name=_("huvudman"),
    )
    name = models.CharField(_("benämning"), max_length=200)

    class Meta:
        verbose_name = _("klassificeringsstruktur")
        verbose_name_plural = _("klassificeringsstrukturer")

    def __str__(self) -> str:
        return self.name


class PlanClass(models.Model):
    """A class of the plan: "1" an area, "1.2" a process group, "1.2.3" a process. Only a
    process classifies cases, and each carries its retention rule."""

    PROCESS_LEVEL = 3

    plan = models.ForeignKey(
        ClassificationPlan,
        on_delete=models.CASCADE,
        related_name="classes",
        verbose_name=_("klassificeringsstruktur"),
    )
    code = models.CharField(_("kod"), max_length=30, validators=[validate_classification])
    name = models.CharField(_("benämning"), max_length=200)
    retention_rule = models.ForeignKey(
        RetentionRule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_classes",
        verbose_name=_("gallringsregel"),
    )

    class Meta:
        verbose_name = _("klass")
        verbose_name_plural = _("klasser")
        ordering = ["plan", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="plan_class_code_per_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_process(self) -> bool:
        return self.code.count(".") + 1 == self.PROCESS_LEVEL


class Case(models.Model):
    """A matter (ärende), from its opening to its closing, numbered from its organization's
    series for the year it was opened."""

    class Status(models.TextChoices):
        OPEN = "open", _("pågående")
        CLOSED = "closed", _("avslutat")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="cases", verbose_name=_("organisation")
    )
    series = models.ForeignKey(
        NumberSeries, on_delete=models.PROTECT, related_name="cases", verbose_name=_("nummerserie")
    )
    sequence = models.PositiveIntegerField(_("löpnummer"))
    number = models.CharField(_("diarienummer"), max_length=60)
    title = models.CharField(_("ärendemening"), max_length=500)
    # A title that itself holds secret information is masked for those without the right.
    secrecy_reference = models.CharField(
        _("sekretess för ärendemeningen"),
        max_length=100,
        blank=True,
        validators=[validate_secrecy_reference],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    case_officer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("handläggare"),
    )
    classification = models.CharField(
        _("klassificering"), max_length=30, blank=True, validators=[validate_classification]
    )
    plan_class = models.ForeignKey(
        PlanClass,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("klass"),
    )
    opened_on = models.DateField(_("öppnat"))
    closed_on = models.DateField(_("avslutat den"), null=True, blank=True)
    closing_note = models.TextField(_("avslutningsanteckning"), blank=True)
    # The next document's running number within the case ("2026/00051-3"), advanced under lock.
    next_document_number = models.PositiveIntegerField(default=1, editable=False)
    # When the case was last saved: the API's `changed_since` and the order of its pages.
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["updated_at", "id"], name="case_updated_at"),
            # One organ's cases newest first, without walking other bodies' rows: the case
            # list and the API ask by the body's organizations, ordered by id.
            models.Index(fields=["organization", "id"], name="case_organization_id"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["series", "sequence"], name="case_sequence_per_series"),
            models.UniqueConstraint(
                fields=["organization", "number"], name="case_number_per_organization"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="closed", closed_on__isnull=False)
                    | Q(status="open", closed_on__isnull=True)
                ),
                name="case_closed_on_when_closed",
                violation_error_message=_("Ett avslutat ärende har ett avslutsdatum, inget annat."),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="case_closed_after_opened",
                violation_error_message=_("Ärendet kan inte avslutas före det öppnades."),
            ),
        ]

    def __str__(self) -> str:
        # str() reaches places that know no user (the admin's lists of related rows, form
        # choices): a secret case names itself by its number; its title goes through
        # `visibility.case_view`.
        if self.is_secret:
            return f"{self.number} {masked_text(self.secrecy_reference)}"
        return f"{self.number} {self.title}"

    @property
    def is_secret(self) -> bool:
        return bool(self.secrecy_reference)


class Document(models.Model):
    """A record (handling) registered in a case: "2026/00051-1" is the case's first."""

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("inkommande")
        DRAWN_UP = "drawn_up", _("upprättad")
        OUTGOING = "outgoing", _("utgående")

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="documents", verbose_name=_("ärende")
    )
    sequence = models.PositiveIntegerField(_("löpnummer i ärendet"))
    number = models.CharField(_("dokumentnummer"), max_length=70)
    direction = models.CharField(_("riktning"), max_length=10, choices=Direction.choices)
    date = models.DateField(
        _("datum"), help_text=_("Dagen handlingen kom in, upprättades eller skickades.")
    )
    registered_at = models.DateTimeField(_("registrerad"), default=timezone.now)
    counterpart = models.CharField(_("avsändare eller mottagare"), max_length=300, blank=True)
    # A private person's name is not shown to the public in the postlista unless the body
    # says so (`Body.postlista_masks_private_persons`); organisations stay named.
    counterpart_is_private_person = models.BooleanField(
        _("avsändaren/mottagaren är en privatperson"), default=False
    )
    description = models.CharField(_("beskrivning"), max_length=500)
    case_officer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registered_documents",
        verbose_name=_("handläggare"),
    )
    classification = models.CharField(
        _("klassificering"), max_length=30, blank=True, validators=[validate_classification]
    )
    retention_rule = models.ForeignKey(
        RetentionRule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("gallringsregel"),
    )
    # Secrecy (sekretessmarkering, OSL 5 kap 5 §): the provision, why, and which of the
    # registration's parts (OSL 5 kap 2 § items 3 and 4) it hides from the public list.
    secrecy_reference = models.CharField(
        _("sekretessgrund"), max_length=100, blank=True, validators=[validate_secrecy_reference]
    )
    secrecy_reason = models.CharField(_("skäl för sekretess"), max_length=300, blank=True)
    counterpart_masked = models.BooleanField(_("dölj avsändare/mottagare"), default=False)
    description_masked = models.BooleanField(_("dölj beskrivningen"), default=False)
    # When the registration was last saved: the API's `changed_since` and the order of its pages.
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlingar")
        ordering = ["case", "sequence"]
        permissions = [("view_secret_document", _("Kan se sekretessbelagda handlingar"))]
        indexes = [
            models.Index(fields=["registered_at"], name="document_registered_at"),
            models.Index(fields=["updated_at", "id"], name="document_updated_at"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="document_sequence_per_case"),
            models.CheckConstraint(
                condition=~Q(secrecy_reference="")
                | Q(counterpart_masked=False, description_masked=False),
                name="document_masked_only_when_secret",
                violation_error_message=_("Bara en sekretessmarkerad handling kan döljas."),
            ),
        ]

    def __str__(self) -> str:
        # As a case's: a masked description goes through `visibility.document_view` only.
        if self.is_secret and self.description_masked:
            return f"{self.number} {masked_text(self.secrecy_reference)}"
        return f"{self.number} {self.description}"

    @property
    def is_secret(self) -> bool:
        return bool(self.secrecy_reference)


class File(models.Model):
    """A file of a document, kept through Django's storage API; its type comes from its content."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="files", verbose_name=_("handling")
    )
    # The name in Django's default storage (a folder on disk, or object storage).
    storage_name = models.CharField(_("lagringsnamn"), max_length=255, unique=True)
    original_name = models.CharField(_("filnamn"), max_length=255)
    content_type = models.CharField(_("filtyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("storlek (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    extracted_text = models.TextField(_("text"), blank=True)
    uploaded_at = models.DateTimeField(_("tillagd"), default=timezone.now)

    class Meta:
        verbose_name = _("fil")
        verbose_name_plural = _("filer")
        ordering = ["document", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="file_not_empty"),
        ]

    def __str__(self) -> str:
        return self.original_name


class Disposal(models.Model):
    """A disposal run (gallring) under one retention rule, decided as a gallringsbeslut that is
    itself registered in the register. Its items are the record of what went."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="disposals", verbose_name=_("huvudman")
    )
    retention_rule = models.ForeignKey(
        RetentionRule,
        on_delete=models.PROTECT,
        related_name="disposals",
        verbose_name=_("gallringsregel"),
    )
    decision = models.OneToOneField(
        Document,
        on_delete=models.PROTECT,
        related_name="disposal_decided",
        verbose_name=_("gallringsbeslut"),
    )
    decided_on = models.DateField(_("beslutad"))
    closed_on_or_before = models.DateField(_("ärenden avslutade senast"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslutad av"),
    )

    class Meta:
        verbose_name = _("gallring")
        verbose_name_plural = _("gallringar")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return _("Gallring %(date)s enligt %(rule)s") % {
            "date": self.decided_on,
            "rule": self.retention_rule.name,
        }


class DisposedItem(models.Model):
    """A case or a document a disposal removed, as it was registered: the record of what went.
    A case's registration stays in the register; its documents' files and their text go."""

    disposal = models.ForeignKey(
        Disposal, on_delete=models.PROTECT, related_name="items", verbose_name=_("gallring")
    )
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="disposed_items", verbose_name=_("ärende")
    )
    # None for the case itself; the document for each of its documents that went.
    document = models.OneToOneField(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disposed_item",
        verbose_name=_("handling"),
    )
    number = models.CharField(_("nummer"), max_length=70)
    title = models.CharField(_("ärendemening eller beskrivning"), max_length=500)
    date = models.DateField(_("datum"))
    # The provision under which the title is secret: it is masked for those without the right.
    secrecy_reference = models.CharField(_("sekretess för titeln"), max_length=100, blank=True)
    files = models.PositiveIntegerField(_("filer"), default=0)

    class Meta:
        verbose_name = _("gallrad post")
        verbose_name_plural = _("gallrade poster")
        ordering = ["disposal", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(document__isnull=True), name="case_disposed_once"
            ),
        ]

    def __str__(self) -> str:
        if self.secrecy_reference:
            return f"{self.number} {masked_text(self.secrecy_reference)}"
        return f"{self.number} {self.title}"


class RecordsRequestSettings(models.Model):
    """How a body handles public records requests: how many working days a request may wait
    before the registrar's queue warns that it is no longer handled promptly ("skyndsamt",
    TF 2 kap. 15 §). A body without a row waits one working day."""

    DEFAULT_WORKING_DAYS = 1

    body = models.OneToOneField(
        Body,
        on_delete=models.PROTECT,
        related_name="records_request_settings",
        verbose_name=_("huvudman"),
    )
    working_days = models.PositiveSmallIntegerField(
        _("skyndsamt: arbetsdagar"),
        default=DEFAULT_WORKING_DAYS,
        help_text=_(
            "Hur många arbetsdagar efter mottagandet en begäran om allmän handling får vänta "
            "innan kön varnar. 0 betyder samma dag."
        ),
    )

    class Meta:
        verbose_name = _("inställning för begäran om allmän handling")
        verbose_name_plural = _("inställningar för begäran om allmän handling")
        constraints = [
            models.CheckConstraint(
                condition=Q(working_days__lte=10),
                name="records_request_working_days_at_most_ten",
                violation_error_message=_("Skyndsamt kan inte betyda mer än tio arbetsdagar."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.body)


class PublicRecordsRequest(models.Model):
    """A request to see public documents (begäran om allmän handling, TF 2 kap).

    TF 2 kap. 15 §: a request is handled promptly ("skyndsamt"); 18 §: the requester need not
    say who they are. The official who keeps the documents answers first (OSL 6 kap. 3 §): an
    official's refusal, in full or in part (a copy with passages masked), tells the requester
    that they may ask for the authority's decision, and that only the authority's decision can
    be appealed. The authority's decision is made by the delegate its delegation order names;
    a refusal in it may be appealed (OSL 6 kap. 7 §) to the administrative court of appeal
    (kammarrätten, OSL 6 kap. 8 §), through the authority that decided (FL 43 §) within three
    weeks (FL 44 §).
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("mottagen")
        ASSESSED = "assessed", _("prövad")
        DECIDED = "decided", _("besvarad")
        REVIEW_REQUESTED = "review_requested", _("myndighetens beslut begärt")
        REVIEWED = "reviewed", _("beslutad av myndigheten")

    class Outcome(models.TextChoices):
        RELEASED = "released", _("lämnas ut")
        RELEASED_IN_PART = "released_in_part", _("lämnas ut delvis (maskerad)")
        REFUSED = "refused", _("avslag")

    class Channel(models.TextChoices):
        WEB = "web", _("webbformulär")
        EMAIL = "email", _("e-post")
        PHONE = "phone", _("telefon")
        DESK = "desk", _("besök")
        LETTER = "letter", _("brev")

    REFUSALS = (Outcome.RELEASED_IN_PART, Outcome.REFUSED)
    # Waiting for someone at the authority: the official's answer, or the authority's decision.
    WAITING = (Status.RECEIVED, Status.ASSESSED, Status.REVIEW_REQUESTED)
    ANSWERED = (Status.DECIDED, Status.REVIEW_REQUESTED, Status.REVIEWED)

    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="public_records_requests",
        verbose_name=_("huvudman"),
    )
    received_at = models.DateTimeField(_("mottagen"), default=timezone.now)
    channel = models.CharField(
        _("kom in via"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    # TF 2 kap 18 §: the requester need not say who they are.
    requester = models.CharField(_("sökande"), max_length=200, blank=True)
    requester_contact = models.CharField(_("kontaktuppgift"), max_length=200, blank=True)
    subject = models.TextField(_("vad som begärs"))
    # The SHA-256 of the secret key in the link the requester follows the request by; the key
    # itself is shown once, when the request is made, and never stored.
    follow_key_hash = models.CharField(max_length=64, blank=True, editable=False)
    documents = models.ManyToManyField(
        Document, blank=True, related_name="public_records_requests", verbose_name=_("handlingar")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    assessed_at = models.DateTimeField(_("prövad"), null=True, blank=True)
    assessment = models.TextField(_("sekretessprövning"), blank=True)
    outcome = models.CharField(_("svar"), max_length=20, choices=Outcome.choices, blank=True)
    decided_at = models.DateTimeField(_("besvarad"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvarad av"),
    )
    refusal_ground = models.CharField(
        _("sekretessgrund"),
        max_length=100,
        blank=True,
        validators=[validate_secrecy_reference],
    )
    decision_text = models.TextField(_("svarets motivering"), blank=True)
    # OSL 6 kap. 3 §: what an official's refusal tells the requester.
    review_information = models.TextField(_("om myndighetens prövning"), blank=True)
    released_copies = models.ManyToManyField(
        Document,
        blank=True,
        related_name="released_for_requests",
        verbose_name=_("utlämnade kopior"),
    )
    review_requested_at = models.DateTimeField(
        _("myndighetens beslut begärt"), null=True, blank=True
    )
    reviewed_at = models.DateTimeField(_("myndighetens beslut"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delegat"),
    )
    review_basis = models.CharField(_("beslutad med stöd av"), max_length=300, blank=True)
    review_outcome = models.CharField(
        _("myndighetens beslut"), max_length=20, choices=Outcome.choices, blank=True
    )
    review_ground = models.CharField(
        _("sekretessgrund i myndighetens beslut"),
        max_length=100,
        blank=True,
        validators=[validate_secrecy_reference],
    )
    review_text = models.TextField(_("myndighetens motivering"), blank=True)
    # The besvärshänvisning: only the authority's decision may be appealed.
    appeal_information = models.TextField(_("hur man överklagar"), blank=True)

    class Meta:
        verbose_name = _("begäran om allmän handling")
        verbose_name_plural = _("begäranden om allmän handling")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status__in=["decided", "review_requested", "reviewed"])
                    & Q(decided_at__isnull=False)
                    & ~Q(outcome="")
                    | Q(status__in=["received", "assessed"], outcome="", decided_at__isnull=True)
                ),
                name="public_records_request_outcome_when_decided",
            ),
            models.CheckConstraint(
                condition=Q(outcome="released") | Q(outcome="") | ~Q(refusal_ground=""),
                name="public_records_request_refusal_has_ground",
                violation_error_message=_("Ett avslag ska ange sin grund i OSL."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="reviewed", reviewed_at__isnull=False) & ~Q(review_outcome="")
                    | Q(review_outcome="", reviewed_at__isnull=True) & ~Q(status="reviewed")
                ),
                name="public_records_request_review_when_reviewed",
            ),
            models.CheckConstraint(
                condition=Q(review_outcome__in=["", "released"]) | ~Q(review_ground=""),
                name="public_records_request_review_refusal_has_ground",
                violation_error_message=_("Ett avslag ska ange sin grund i OSL."),
            ),
            models.UniqueConstraint(
                fields=["follow_key_hash"],
                condition=~Q(follow_key_hash=""),
                name="public_records_request_follow_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return _("Begäran %(id)s: %(subject)s") % {"id": self.pk, "subject": self.subject[:80]}

    @staticmethod
    def key_hash(key: str) -> str:
        """What is kept of the key of a request's link."""
        return hashlib.sha256(key.encode()).hexdigest()
