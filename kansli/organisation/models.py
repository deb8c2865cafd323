"""Who sits where, on a given date: bodies, organizations, people, seats and posts."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Top-level paths of the site; a body's slug starts its pages' paths, so it must not be one.
RESERVED_BODY_SLUGS = frozenset(
    {
        "admin",
        "api",
        "healthz",
        "i18n",
        "logga-in",
        "logga-ut",
        "media",
        "metrics",
        "oidc",
        "oparl",
        "readyz",
        "saml2",
        "scim",
        "static",
        "tillganglighet",
        "uppgifter",
    }
)


def validate_body_slug(value: str) -> None:
    if value in RESERVED_BODY_SLUGS:
        raise ValidationError(
            _("Kortnamnet %(slug)s är reserverat för systemet; välj ett annat."),
            params={"slug": value},
        )


class Body(models.Model):
    """The legal person the system serves: a municipality or a region (OParl: Body)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("kommun")
        REGION = "region", _("region")

    slug = models.SlugField(_("kortnamn"), unique=True, validators=[validate_body_slug])
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    organization_number = models.CharField(_("organisationsnummer"), max_length=11, blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    postlista_masks_private_persons = models.BooleanField(
        _("dölj privatpersoners namn i postlistan"),
        default=True,
        help_text=_(
            "Allmänheten ser ”[Privatperson]” i stället för namnet på en avsändare eller "
            "mottagare som är en privatperson. Organisationer visas alltid med namn."
        ),
    )
    second_factor_required = models.BooleanField(
        _("kräv en andra faktor vid inloggning"),
        default=False,
        help_text=_(
            "Alla som loggar in med lösenord i den här kommunen eller regionen måste också ange "
            "en engångskod. Administratörer måste alltid göra det."
        ),
    )

    class Meta:
        verbose_name = _("kommun eller region")
        verbose_name_plural = _("kommuner och regioner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    """One node of the body's single tree of organs, administrations and affiliated entities."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("fullmäktige")
        EXECUTIVE_BOARD = "executive_board", _("styrelse")
        COMMITTEE = "committee", _("nämnd")
        SUBCOMMITTEE = "subcommittee", _("utskott")
        PREPARATORY_COMMITTEE = "preparatory_committee", _("beredning")
        CRISIS_COMMITTEE = "crisis_committee", _("krisledningsnämnd")
        DEPARTMENT = "department", _("förvaltning")
        STAFF_UNIT = "staff_unit", _("stab")
        DIVISION = "division", _("avdelning")
        UNIT = "unit", _("enhet")
        COMPANY = "company", _("bolag")
        FEDERATION = "federation", _("kommunalförbund")
        FOUNDATION = "foundation", _("stiftelse")
        ASSOCIATION = "association", _("förening")

    POLITICAL_KINDS = frozenset(
        {
            Kind.COUNCIL,
            Kind.EXECUTIVE_BOARD,
            Kind.COMMITTEE,
            Kind.SUBCOMMITTEE,
            Kind.PREPARATORY_COMMITTEE,
            Kind.CRISIS_COMMITTEE,
        }
    )

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="organizations", verbose_name=_("huvudman")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnad"),
    )
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    slug = models.SlugField(_("kortnamn"))
    name = models.CharField(_("namn"), max_length=200)
    short_name = models.CharField(_("förkortning"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    established_on = models.DateField(_("inrättad"), null=True, blank=True)
    dissolved_on = models.DateField(_("avvecklad"), null=True, blank=True)
    # The number of members (ledamöter) the organ has by decision (the council's own
    # decision, a committee's in its reglemente), vacant seats included: the quorum is counted
    # on it (KL 5 kap. 43 §, 6 kap. 27 §). Empty for an organ without a fixed number.
    seats = models.PositiveSmallIntegerField(
        _("antal ledamöter"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Det beslutade antalet ledamöter, vakanta platser medräknade; beslutförheten "
            "räknas på det."
        ),
    )
    # Kallelsetid: how many days before the meeting day the notice must go out, from the organ's
    # reglemente or arbetsordning; empty for the default of its kind (`notice_period` in
    # kansli.meetings.selectors: a week for the council, KL 5 kap. 11-12 §§).
    notice_days = models.PositiveSmallIntegerField(
        _("kallelsetid (dagar)"),
        null=True,
        blank=True,
        help_text=_(
            "Antal dagar före sammanträdesdagen som kallelsen senast ska skickas, enligt "
            "reglementet eller arbetsordningen. Tomt: standard för organets typ."
        ),
    )
    # A company's share owned by the body, in percent (0 < share <= 100): 100 is a wholly
    # owned company ("helägt bolag"), which a delegation order's scope may be limited to
    # (`wholly_owned`; seed 002 6.1: "Helägda bolag"). Empty for every other kind.
    ownership = models.DecimalField(
        _("ägarandel (procent)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
        help_text=_(
            "Bara för bolag: hur stor del av bolaget huvudmannen äger, i procent; 100 för ett "
            "helägt bolag."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="organization_slug_per_body"),
            models.CheckConstraint(
                condition=Q(seats__isnull=True) | Q(seats__gte=1),
                name="organization_seats_positive",
                violation_error_message=_("Ett organ har minst en ledamot."),
            ),
            models.CheckConstraint(
                condition=Q(ownership__isnull=True)
                | Q(kind="company", ownership__gt=0, ownership__lte=100),
                name="organization_ownership_of_company",
                violation_error_message=_(
                    "Bara ett bolag har en ägarandel, större än 0 och högst 100 procent."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.ownership is not None and self.kind != self.Kind.COMPANY:
            raise ValidationError(
                {"ownership": _("Bara ett bolag har en ägarandel; lämna fältet tomt.")}
            )
        parent = self.parent
        if parent is None:
            return
        if parent.body_id != self.body_id:
            raise ValidationError(_("Den överordnade organisationen tillhör en annan huvudman."))
        seen: set[int] = set()
        while parent is not None and parent.pk not in seen:
            if parent.pk == self.pk:
                raise ValidationError(_("En organisation kan inte ligga under sig själv."))
            seen.add(parent.pk)
            parent = parent.parent

    @property
    def is_political(self) -> bool:
        return self.kind in self.POLITICAL_KINDS


class Person(models.Model):
    """An elected representative or an official (or both, over time)."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="persons", verbose_name=_("huvudman")
    )
    given_name = models.CharField(_("förnamn"), max_length=100)
    family_name = models.CharField(_("efternamn"), max_length=100)
    email = models.EmailField(_("e-post"), blank=True)
    # The number the employer's directory knows the person by: how single sign-on and the
    # directory's provisioning find the person when set up to (docs/identity.md).
    employee_number = models.CharField(_("anställningsnummer"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["family_name", "given_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "employee_number"],
                condition=~models.Q(employee_number=""),
                name="person_employee_number_unique_in_body",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


class DatedQuerySet(models.QuerySet):
    """Rows valid over a closed interval [start, end]; an empty end means until further notice."""

    def on(self, date: datetime.date) -> "DatedQuerySet":
        return self.filter(Q(end__isnull=True) | Q(end__gte=date), start__lte=date)

    def overlapping(self, start: datetime.date, end: datetime.date | None) -> "DatedQuerySet":
        """Rows that share at least one day with [start, end]."""
        rows = self.exclude(end__lt=start)
        return rows if end is None else rows.filter(start__lte=end)


def dated_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
        name=name,
        violation_error_message=_("Slutdatumet kan inte vara före startdatumet."),
    )


def refuse_overlap(row: "Membership | Appointment", same_holder: DatedQuerySet) -> None:
    """Refuse a period that overlaps another period of `same_holder` (the row itself excepted)."""
    if row.start is None:
        return
    if same_holder.exclude(pk=row.pk).overlapping(row.start, row.end).exists():
        raise ValidationError(_("Perioden överlappar en befintlig period för samma person."))


class Membership(models.Model):
    """A seat of an elected representative in a political organization."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("ordförande")
        FIRST_VICE_CHAIR = "first_vice_chair", _("1:e vice ordförande")
        SECOND_VICE_CHAIR = "second_vice_chair", _("2:e vice ordförande")
        MEMBER = "member", _("ledamot")
        SUBSTITUTE = "substitute", _("ersättare")

    PRESIDIUM_ROLES = (Role.CHAIR, Role.FIRST_VICE_CHAIR, Role.SECOND_VICE_CHAIR)

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    party = models.CharField(_("parti"), max_length=60, blank=True)
    rank = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Ersättarnas inkallelseordning; lägst först.")
    )
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppdrag i organ")
        verbose_name_plural = _("uppdrag i organ")
        ordering = ["organization", "rank", "start"]
        constraints = [dated_constraint("membership_end_after_start")]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.organization}"

    def clean(self) -> None:
        person = getattr(self, "person", None)
        organization = getattr(self, "organization", None)
        if person is None or organization is None:
            return
        if person.body_id != organization.body_id:
            raise ValidationError(_("Personen och organet tillhör olika huvudmän."))
        if not organization.is_political:
            raise ValidationError(_("Uppdrag kan bara finnas i politiska organ."))
        if organization.pk is not None:
            refuse_overlap(
                self, Membership.objects.filter(person=person, organization=organization)
            )


class Position(models.Model):
    """A post held over time (kommundirektör, förvaltningschef, registrator …)."""

    class SecurityClass(models.IntegerChoices):
        CLASS_1 = 1, _("säkerhetsskyddsklass 1")
        CLASS_2 = 2, _("säkerhetsskyddsklass 2")
        CLASS_3 = 3, _("säkerhetsskyddsklass 3")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="positions", verbose_name=_("huvudman")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("kortnamn"))
    title = models.CharField(_("befattning"), max_length=200)
    security_class = models.PositiveSmallIntegerField(
        _("säkerhetsskyddsklass"), choices=SecurityClass.choices, null=True, blank=True
    )
    # Who "berörd förvaltningschef" is, and who may sub-delegate as a head (KL 7 kap 6 §).
    heads_organization = models.BooleanField(
        _("chef för organisationen"),
        default=False,
        help_text=_("Befattningen leder sin organisation (förvaltningschef, stabschef, VD)."),
    )
    # The director every municipality and region must have (KL 7 kap. 1 §): named, not guessed
    # from the tree, since a region's director may head a staff beside other administrations.
    is_director = models.BooleanField(
        _("direktör"),
        default=False,
        help_text=_("Kommundirektör eller regiondirektör enligt kommunallagen 7 kap. 1 §."),
    )

    class Meta:
        verbose_name = _("befattning")
        verbose_name_plural = _("befattningar")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="position_slug_per_body"),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(heads_organization=True),
                name="one_head_per_organization",
                violation_error_message=_("Organisationen har redan en chefsbefattning."),
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(is_director=True),
                name="one_director_per_body",
                violation_error_message=_("Huvudmannen har redan en direktörsbefattning."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        organization = getattr(self, "organization", None)
        if organization is not None and organization.body_id != self.body_id:
            raise ValidationError(_("Organisationen tillhör en annan huvudman."))


class Appointment(models.Model):
    """Who holds a post from when to when; acting (t.f.) appointments are marked."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("person")
    )
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("befattning"),
    )
    acting = models.BooleanField(_("tillförordnad"), default=False)
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("förordnande")
        verbose_name_plural = _("förordnanden")
        ordering = ["position", "start"]
        constraints = [dated_constraint("appointment_end_after_start")]

    def __str__(self) -> str:
        acting = _("t.f. ") if self.acting else ""
        return f"{acting}{self.position}: {self.person}"

    def clean(self) -> None:
        person = getattr(self, "person", None)
        position = getattr(self, "position", None)
        if person is None or position is None:
            return
        if person.body_id != position.body_id:
            raise ValidationError(_("Personen och befattningen tillhör olika huvudmän."))
        if position.pk is not None:
            refuse_overlap(self, Appointment.objects.filter(person=person, position=position))
