"""Delegation orders and the director's instruction as data: orders, their decision types,
rules (delegationspunkter) and duties.

The database is the source of truth; `kansli.delegation.mapping` turns an order's rows into
the engine's plain `Order` and back, losslessly. The structured parts of a rule (substitutes,
scope, limits, requirements, sub-delegation) are JSON in the shape `mapping` writes: the engine
reads them whole and nothing queries inside them.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kansli.delegation import engine, labels
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Organization

NON_DELEGABLE_CHOICES = list(labels.NON_DELEGABLE.items())
PARTY_KIND_CHOICES = [(kind, kind) for kind in engine.PARTY_KINDS]
RECURRENCE_CHOICES = [
    ("continuous", _("löpande")),
    ("per_meeting", _("vid varje sammanträde")),
    ("annual", _("årligen")),
    ("on_event", _("vid händelse")),
]


class DelegationOrder(models.Model):
    """A delegation order, or the powers and duties of a director's instruction, adopted by an
    organization. Orders of the same organization and document replace each other: each is in
    force from `valid_from` until `valid_to`, or until the next version starts."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="delegation_orders", verbose_name=_("huvudman")
    )
    key = models.CharField(
        _("id"), max_length=200, help_text=_("Ordningens id i YAML-filen, unikt hos huvudmannen.")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="delegation_orders",
        verbose_name=_("antagen av"),
    )
    document = models.CharField(
        _("dokument"), max_length=200, help_text=_("Dokumentets namn som det citeras.")
    )
    governing_document = models.ForeignKey(
        GoverningDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegation_orders",
        verbose_name=_("styrdokument"),
    )
    version = models.CharField(_("version"), max_length=40)
    adopted_on = models.DateField(_("antagen datum"), null=True, blank=True)
    minute = models.CharField(_("antagen §"), max_length=40, blank=True)
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(
        _("gäller till"),
        null=True,
        blank=True,
        help_text=_("Tomt: tills en nyare version av samma dokument börjar gälla."),
    )
    parties = models.JSONField(_("parter"), default=list, blank=True)
    subdelegations = models.JSONField(_("vidaredelegeringar"), default=list, blank=True)
    source_name = models.CharField(_("inläst från"), max_length=300, blank=True)
    source_text = models.TextField(_("YAML-källa"), blank=True)
    imported_at = models.DateTimeField(_("inläst"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegationsordning")
        verbose_name_plural = _("delegationsordningar")
        ordering = ["body", "document", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["body", "key"], name="delegation_order_key_per_body"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="delegation_order_valid_to_after_from",
                violation_error_message=_("Slutdatumet kan inte vara före startdatumet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.version}"


class DecisionType(models.Model):
    """A kind of decision in the body's vocabulary, as an order defines it."""

    order = models.ForeignKey(
        DelegationOrder,
        on_delete=models.CASCADE,
        related_name="decision_types",
        verbose_name=_("ordning"),
    )
    position = models.PositiveIntegerField(_("ordning i filen"))
    code = models.CharField(_("kod"), max_length=100)
    name = models.CharField(_("benämning"), max_length=300)
    non_delegable = models.CharField(
        _("får inte delegeras"),
        max_length=60,
        choices=NON_DELEGABLE_CHOICES,
        blank=True,
        help_text=_("Kategori enligt kommunallagen 6 kap. 38 §."),
    )

    class Meta:
        verbose_name = _("beslutstyp")
        verbose_name_plural = _("beslutstyper")
        ordering = ["order", "position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "code"], name="decision_type_code_per_order"),
        ]

    def __str__(self) -> str:
        return self.name


class DelegationRule(models.Model):
    """One power: who may decide which matter, where, within which limits, and what must happen
    before and after (a delegationspunkt, or a power in the instruction)."""

    order = models.ForeignKey(
        DelegationOrder, on_delete=models.CASCADE, related_name="rules", verbose_name=_("ordning")
    )
    position = models.PositiveIntegerField(_("ordning i filen"))
    key = models.CharField(_("id"), max_length=200)
    number = models.CharField(_("nummer"), max_length=60)
    decision_type = models.CharField(_("beslutstyp"), max_length=100)
    matter = models.TextField(_("ärende"))
    delegate_kind = models.CharField(
        _("delegatens slag"), max_length=20, choices=PARTY_KIND_CHOICES
    )
    delegate_slug = models.CharField(_("delegatens kortnamn"), max_length=100)
    delegate_name = models.CharField(_("delegat"), max_length=300)
    substitutes = models.JSONField(_("ersättare"), default=list, blank=True)
    scope = models.JSONField(_("tillämpningsområde"), default=list, blank=True)
    limits = models.JSONField(_("begränsningar"), default=dict, blank=True)
    requirements = models.JSONField(_("krav före och efter"), default=list, blank=True)
    subdelegation = models.JSONField(_("vidaredelegering"), default=dict, blank=True)
    legal_basis = models.JSONField(_("lagrum"), default=list, blank=True)
    source_document = models.CharField(_("källa"), max_length=200)
    source_section = models.CharField(_("avsnitt"), max_length=200)

    class Meta:
        verbose_name = _("delegationspunkt")
        verbose_name_plural = _("delegationspunkter")
        ordering = ["order", "position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "key"], name="delegation_rule_key_per_order"),
        ]
        indexes = [
            models.Index(fields=["order", "decision_type"], name="delegation_rule_order_type"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.matter}"


class Duty(models.Model):
    """An obligation the instruction places on someone ("ska", "ansvarar för")."""

    order = models.ForeignKey(
        DelegationOrder, on_delete=models.CASCADE, related_name="duties", verbose_name=_("ordning")
    )
    position = models.PositiveIntegerField(_("ordning i filen"))
    key = models.CharField(_("id"), max_length=200)
    number = models.CharField(_("nummer"), max_length=60)
    holder_kind = models.CharField(
        _("innehavarens slag"), max_length=20, choices=PARTY_KIND_CHOICES
    )
    holder_slug = models.CharField(_("innehavarens kortnamn"), max_length=100)
    holder_name = models.CharField(_("ansvarig"), max_length=300)
    text = models.TextField(_("skyldighet"))
    parties = models.JSONField(_("gentemot eller tillsammans med"), default=list, blank=True)
    recurrence = models.CharField(
        _("återkommer"), max_length=20, choices=RECURRENCE_CHOICES, blank=True
    )
    trigger = models.CharField(_("utlöses av"), max_length=300, blank=True)
    legal_basis = models.JSONField(_("lagrum"), default=list, blank=True)
    source_document = models.CharField(_("källa"), max_length=200)
    source_section = models.CharField(_("avsnitt"), max_length=200)

    class Meta:
        verbose_name = _("skyldighet")
        verbose_name_plural = _("skyldigheter")
        ordering = ["order", "position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "key"], name="duty_key_per_order"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.text}"


class OrderDraft(models.Model):
    """A new version of a delegation order as it is being drafted: the order file it would be
    (docs/delegation-order-format.md), copied from the version in force or uploaded, edited
    rule by rule. Only the adopting organization's decision brings it into force
    (`services.order_draft_adopt`): then `order` is the version it became."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        ADOPTED = "adopted", _("antagen")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="order_drafts", verbose_name=_("huvudman")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="order_drafts",
        verbose_name=_("antas av"),
    )
    based_on = models.ForeignKey(
        DelegationOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("utgår från"),
    )
    document = models.CharField(_("dokument"), max_length=200)
    version = models.CharField(_("version"), max_length=40)
    valid_from = models.DateField(_("gäller från"))
    text = models.TextField(_("ordningsfil"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    order = models.OneToOneField(
        DelegationOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="draft",
        verbose_name=_("antagen som"),
    )
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)

    class Meta:
        verbose_name = _("utkast till delegationsordning")
        verbose_name_plural = _("utkast till delegationsordningar")
        ordering = ["body", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft", order__isnull=True)
                | Q(status="adopted", order__isnull=False),
                name="order_draft_adopted_as_an_order",
                violation_error_message=_("Ett antaget utkast är en version av ordningen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT
