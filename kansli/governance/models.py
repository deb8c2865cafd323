"""Governing documents (styrdokument): metadata, revisions, versions and addressable sections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization


def refuse_other_body(body_id: int | None, *organizations: Organization | None) -> None:
    """A document is adopted, owned and revised by organizations of its own body."""
    if any(o is not None and o.body_id != body_id for o in organizations):
        raise ValidationError(_("Organisationen tillhör en annan huvudman än styrdokumentet."))


class GoverningDocument(models.Model):
    """A policy, guideline, instruction, regulation or plan adopted by an organization.

    The fields follow the metadata block that heads a Swedish governing document
    (seed 002: Dokumenttyp, Dokumentnamn, Antagen, Version, Dokumentägare, …).
    """

    class Kind(models.TextChoices):
        POLICY = "policy", _("policy")
        GUIDELINE = "guideline", _("riktlinje")
        INSTRUCTION = "instruction", _("instruktion")
        REGULATION = "regulation", _("reglemente")
        PLAN = "plan", _("plan")
        DELEGATION_ORDER = "delegation_order", _("delegationsordning")
        RULES = "rules", _("regler")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="documents", verbose_name=_("huvudman")
    )
    slug = models.SlugField(_("kortnamn"))
    kind = models.CharField(_("dokumenttyp"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("dokumentnamn"), max_length=200)
    description = models.TextField(_("dokumentinformation"), blank=True)
    adopted_by = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="adopted_documents",
        verbose_name=_("antagen av"),
    )
    adopted_on = models.DateField(_("antagen datum"), null=True, blank=True)
    adopted_minute = models.CharField(_("antagen §"), max_length=20, blank=True)
    owner = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="owned_documents",
        verbose_name=_("dokumentägare"),
    )
    responsible = models.CharField(_("dokumentansvarig"), max_length=200, blank=True)
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    valid_until = models.DateField(
        _("gäller till"), null=True, blank=True, help_text=_("Tomt betyder tills vidare.")
    )
    published_on = models.DateField(_("publicerad"), null=True, blank=True)
    subject_area = models.CharField(_("ämnesområde"), max_length=200, blank=True)
    internal = models.BooleanField(_("intern"), default=False)
    external = models.BooleanField(_("extern"), default=True)
    referenced_documents = models.JSONField(
        _("andra styrande dokument som omnämns"), default=list, blank=True
    )
    laws = models.JSONField(_("lagar som omnämns"), default=list, blank=True)
    case_number = models.CharField(_("ärendenummer"), max_length=40, blank=True)
    document_number = models.CharField(_("dokumentnummer"), max_length=40, blank=True)
    drawn_up_on = models.DateField(_("upprättad"), null=True, blank=True)
    review_by = models.DateField(_("ska ses över senast"), null=True, blank=True)

    class Meta:
        verbose_name = _("styrdokument")
        verbose_name_plural = _("styrdokument")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="document_slug_per_body"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        refuse_other_body(
            self.body_id,
            getattr(self, "adopted_by", None),
            getattr(self, "owner", None),
        )

    @property
    def current_version(self) -> "DocumentVersion | None":
        return self.versions.order_by(models.F("valid_from").desc(nulls_last=True), "-id").first()


class Revision(models.Model):
    """A decision that revised the document ("Reviderad KS 2019-01-30, § 20")."""

    document = models.ForeignKey(
        GoverningDocument,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("styrdokument"),
    )
    decided_by = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("beslutad av")
    )
    decided_on = models.DateField(_("datum"))
    minute = models.CharField(_("§"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("revidering")
        verbose_name_plural = _("revideringar")
        ordering = ["decided_on"]

    def __str__(self) -> str:
        return f"{self.decided_by.short_name or self.decided_by} {self.decided_on}, {self.minute}"

    def clean(self) -> None:
        document = getattr(self, "document", None)
        if document is not None:
            refuse_other_body(document.body_id, getattr(self, "decided_by", None))


class DocumentVersion(models.Model):
    """One version of the document's full text; its sections are parsed from the text."""

    document = models.ForeignKey(
        GoverningDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("styrdokument"),
    )
    number = models.CharField(_("version"), max_length=20)
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    preamble = models.TextField(_("inledande text"), blank=True)
    text = models.TextField(_("fullständig text"))

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versioner")
        ordering = ["document", "valid_from", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_per_document"),
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.number}"


class Section(models.Model):
    """An addressable part of a version: numbered ("5.2.3") or named by its heading."""

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("version"),
    )
    key = models.CharField(
        _("nyckel"), max_length=100, help_text=_("Numret, eller rubriken som kortnamn.")
    )
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    heading = models.CharField(_("rubrik"), max_length=200)
    level = models.PositiveSmallIntegerField(_("nivå"), default=1)
    order = models.PositiveIntegerField(_("ordning"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="section_key_per_version"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.number} {self.heading}" if self.number else self.heading

    @property
    def anchor(self) -> str:
        return f"avsnitt-{self.key}"
