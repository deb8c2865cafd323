"""Preparation (beredning): making a case ready for decision, with an adequate basis.

Seed 000, "Landstingsdirektörens roll i landstingsstyrelsen och i övriga nämnder": the director
answers for the preparation of every case to the board, its committees and drafting bodies, so
that there is an adequate basis for decision ("adekvat beslutsunderlag") before each meeting;
for a case that comes from another committee, the director sees to it that it is completed with
a statement and a basis, for example the financing of the proposals.

A case's preparation holds the officer's report (tjänsteskrivelse) with its proposed
resolution clauses, economic consequences, financing and rapporteur; the statements (yttranden)
from others; the route the case takes through the body's organs; and its status with history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization, Person
from kansli.registry.models import Case, Document


class Route(models.Model):
    """The organs a kind of case passes, in order, in one body (ärendegång): "AU, KS, KF"."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="routes", verbose_name=_("huvudman")
    )
    name = models.CharField(_("benämning"), max_length=200)
    # The governing text the body prepares its cases by, cited when a case is not ready.
    source = models.CharField(
        _("grund"),
        max_length=300,
        blank=True,
        help_text=_(
            "Styrdokument och avsnitt som beredningen följer, t.ex. "
            "”Kommundirektörsinstruktion 4.1.1”."
        ),
    )

    class Meta:
        verbose_name = _("ärendegång")
        verbose_name_plural = _("ärendegångar")
        ordering = ["body", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="route_name_per_body"),
        ]

    def __str__(self) -> str:
        return self.name


class RouteStep(models.Model):
    """One organ of a route, at its place in the order."""

    route = models.ForeignKey(
        Route, on_delete=models.CASCADE, related_name="steps", verbose_name=_("ärendegång")
    )
    position = models.PositiveSmallIntegerField(_("ordning"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organ")
    )

    class Meta:
        verbose_name = _("steg i ärendegången")
        verbose_name_plural = _("steg i ärendegången")
        ordering = ["route", "position"]
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="route_step_position"),
            models.UniqueConstraint(
                fields=["route", "organization"], name="route_step_organization_once"
            ),
        ]

    def __str__(self) -> str:
        return self.organization.short_name or self.organization.name


class Preparation(models.Model):
    """The preparation of one case: the officer's report, the route and the status."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("under beredning")
        READY = "ready", _("klart för dagordning")
        DECIDED = "decided", _("beslutat")

    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="preparation", verbose_name=_("ärende")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARING
    )
    route = models.ForeignKey(
        Route,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ärendegång"),
    )
    step = models.ForeignKey(
        RouteStep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aktuellt organ"),
    )
    # The organ that deals with the case next and on whose agenda it goes when it is ready:
    # the current organ of its route, or named in the plan when the case has no route.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandlas av"),
    )
    referred_from = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommer från nämnd"),
    )
    due_on = models.DateField(_("klart senast"), null=True, blank=True)
    # The officer's report (tjänsteskrivelse): written here, or a registered document.
    report_text = models.TextField(_("tjänsteskrivelse"), blank=True)
    report_document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tjänsteskrivelse som handling"),
    )
    economic_consequences = models.TextField(_("ekonomiska konsekvenser"), blank=True)
    financing = models.TextField(_("finansiering"), blank=True)
    rapporteur = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("föredragande"),
    )
    updated_at = models.DateTimeField(_("ändrad"), default=timezone.now)

    class Meta:
        verbose_name = _("beredning")
        verbose_name_plural = _("beredningar")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(step__isnull=True) | Q(route__isnull=False),
                name="preparation_step_on_its_route",
            ),
        ]

    def __str__(self) -> str:
        return str(self.case)

    @property
    def has_report(self) -> bool:
        return bool(self.report_text.strip()) or self.report_document_id is not None


class ResolutionClause(models.Model):
    """One proposed resolution clause (att-sats), in order: "att anta instruktionen"."""

    preparation = models.ForeignKey(
        Preparation, on_delete=models.CASCADE, related_name="clauses", verbose_name=_("beredning")
    )
    position = models.PositiveSmallIntegerField(_("ordning"))
    text = models.CharField(_("att-sats"), max_length=1000)

    class Meta:
        verbose_name = _("att-sats")
        verbose_name_plural = _("att-satser")
        ordering = ["preparation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["preparation", "position"], name="resolution_clause_position"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Statement(models.Model):
    """A statement (yttrande) on the case from an organ of the body or from outside it."""

    preparation = models.ForeignKey(
        Preparation,
        on_delete=models.CASCADE,
        related_name="statements",
        verbose_name=_("beredning"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("från organ"),
    )
    author = models.CharField(_("från annan"), max_length=300, blank=True)
    received_on = models.DateField(_("inkom"))
    summary = models.TextField(_("sammanfattning"), blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handling"),
    )

    class Meta:
        verbose_name = _("yttrande")
        verbose_name_plural = _("yttranden")
        ordering = ["preparation", "received_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | ~Q(author=""),
                name="statement_has_a_source",
                violation_error_message=_("Ange vem yttrandet kommer från."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization or self.author)


class StatusChange(models.Model):
    """One change of a case's preparation status or organ: who, when, from what, to what."""

    preparation = models.ForeignKey(
        Preparation, on_delete=models.CASCADE, related_name="history", verbose_name=_("beredning")
    )
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("av"),
    )
    from_status = models.CharField(
        _("från status"), max_length=20, choices=Preparation.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("till status"), max_length=20, choices=Preparation.Status.choices
    )
    from_step = models.ForeignKey(
        RouteStep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("från organ"),
    )
    to_step = models.ForeignKey(
        RouteStep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("till organ"),
    )
    note = models.CharField(_("anteckning"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("statusändring")
        verbose_name_plural = _("statusändringar")
        ordering = ["preparation", "at", "id"]

    def __str__(self) -> str:
        return f"{self.preparation}: {self.from_status or '–'} → {self.to_status}"
