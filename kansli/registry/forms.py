"""Forms of the registry's pages: the public registry list's filter, and the staff's
registration, search, case list and case management forms. They parse what the user enters,
nothing more."""

import datetime
from collections.abc import Mapping
from typing import Any, TypedDict

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.bounds import PAGE_MAX, require_year_in_bounds
from kansli.organisation.models import Appointment, Body, Organization, Person
from kansli.registry.files import CheckedFile, check_file, held
from kansli.registry.models import Case, Document, PlanClass
from kansli.registry.plans import processes_of
from kansli.registry.selectors import secrecy_ground, secrecy_grounds, week_of
from kansli.web.forms import date_field, offer


class ListFilters(TypedDict):
    """The registry list's filters besides the period, as `selectors.registry_list` takes them."""

    organization: Organization | None
    direction: str | None


class RegistryListForm(forms.Form):
    DAY, WEEK = "dag", "vecka"

    datum = date_field(_("Datum"), required=False)
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[(DAY, _("dagen")), (WEEK, _("veckan"))],
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    riktning = forms.ChoiceField(
        label=_("Riktning"),
        required=False,
        choices=[("", _("alla")), *Document.Direction.choices],
    )

    def __init__(self, data: Mapping[str, Any] | None, *, body: Body) -> None:
        super().__init__(data)
        self.body = body
        organizations = body.organizations.filter(cases__isnull=False).distinct()
        offer(
            self,
            "organisation",
            [
                ("", _("alla")),
                *((organization.slug, organization.name) for organization in organizations),
            ],
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        require_year_in_bounds(self.cleaned_data.get("datum"), field="datum")
        return self.cleaned_data

    def _value(self, name: str) -> Any:
        return self.cleaned_data.get(name) if self.is_valid() else None

    def period_bounds(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day listed: the chosen day (today if none), or its week."""
        day = self._value("datum") or timezone.localdate()
        return week_of(day) if self._value("period") == self.WEEK else (day, day)

    def filters(self) -> ListFilters:
        """The selector's filters besides the period."""
        slug = self._value("organisation")
        return {
            "organization": self.body.organizations.get(slug=slug) if slug else None,
            "direction": self._value("riktning") or None,
        }


def staff_on(body: Body, day: datetime.date) -> QuerySet[Person]:
    """The body's officials on the day: those holding a post."""
    holders = Appointment.objects.on(day).filter(position__body=body).values("person")
    return Person.objects.filter(pk__in=holders).order_by("family_name", "given_name")


def secrecy_field(*, current: str = "", **kwargs: Any) -> forms.ChoiceField:
    """The secrecy picker: the OSL provisions of the shipped list (`selectors.secrecy_grounds`),
    or none. A record marked before the list keeps its free-text reference as a choice of its
    own, so that it reads as it was and stays when the form is saved unchanged."""
    grounds = [(ground.reference, ground.label) for ground in secrecy_grounds()]
    if current and current not in dict(grounds):
        grounds.insert(
            0, (current, _("%(reference)s (angiven före listan)") % {"reference": current})
        )
    return forms.ChoiceField(
        label=_("Sekretessgrund"),
        choices=[("", _("Ingen sekretess")), *grounds],
        required=False,
        initial=current,
        **kwargs,
    )


MASKS_HELP = _(
    "Anger du varken skäl eller vad som ska döljas, döljs det som paragrafen brukar dölja."
)


def masks_by_default(data: dict[str, Any]) -> None:
    """A secrecy ground picked with neither a reason nor anything to hide hides what its
    provision usually does (`SecrecyGround`'s masks)."""
    ground = secrecy_ground(data.get("sekretess") or "")
    if ground is None or data.get("sekretess_skal") or data.get("dolj_avsandare"):
        return
    if not data.get("dolj_beskrivning"):
        data["dolj_avsandare"] = ground.counterpart_masked
        data["dolj_beskrivning"] = ground.description_masked


def plan_class_field() -> forms.ModelChoiceField:
    """The class of a case: a process of the body's classification plan. The form offers
    `plans.processes_of(body)` once it knows the body."""
    return forms.ModelChoiceField(
        label=_("Klass"),
        queryset=PlanClass.objects.none(),
        required=False,
        empty_label=_("Ingen klass ännu"),
        help_text=_("Processen i klassificeringsstrukturen; den ger gallringsregeln."),
    )


class RegisterForm(forms.Form):
    """An incoming letter (or another document) in a few keystrokes: the sender, what it is
    about and a file; into a case by its number, or into a new case."""

    avsandare = forms.CharField(
        label=_("Avsändare"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    privatperson = forms.BooleanField(
        label=_("Avsändaren/mottagaren är en privatperson"),
        required=False,
        help_text=_("Namnet visas då inte för allmänheten i postlistan."),
    )
    beskrivning = forms.CharField(label=_("Beskrivning"), max_length=500)
    fil = forms.FileField(label=_("Fil"), required=False)
    arende = forms.CharField(
        label=_("Diarienummer"),
        max_length=60,
        required=False,
        help_text=_("Ärendet handlingen hör till. Lämna tomt för att öppna ett nytt ärende."),
    )
    ny_arendemening = forms.CharField(
        label=_("Ärendemening för nytt ärende"),
        max_length=500,
        required=False,
        help_text=_("Tomt: beskrivningen blir ärendemening."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation för nytt ärende"), queryset=Organization.objects.none()
    )
    klass = plan_class_field()
    handlaggare = forms.ModelChoiceField(
        label=_("Handläggare"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Ingen ännu"),
    )
    riktning = forms.ChoiceField(
        label=_("Riktning"), choices=Document.Direction.choices, initial="incoming"
    )
    datum = date_field(_("Datum"), help_text=_("Dagen handlingen kom in eller upprättades."))
    sekretess = secrecy_field(help_text=MASKS_HELP)
    sekretess_skal = forms.CharField(label=_("Skäl för sekretess"), max_length=300, required=False)
    dolj_avsandare = forms.BooleanField(label=_("Dölj avsändaren"), required=False)
    dolj_beskrivning = forms.BooleanField(label=_("Dölj beskrivningen"), required=False)
    bekrafta = forms.BooleanField(
        label=_("Jag har sett de liknande handlingarna och registrerar ändå"), required=False
    )
    # The file a former post of this form brought, held for the user (`files.hold`).
    fil_sparad = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, body: Body, today: datetime.date, owner: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.body = body
        self.today = today
        self.owner = owner
        # The uploaded file, once checked; or the token of the held file the form was given.
        self.checked: CheckedFile | None = None
        self.held_token = ""
        organs = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", organs.order_by("position", "name"))
        board = organs.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()
        self.fields["organisation"].initial = board.pk if board else None
        offer(self, "handlaggare", staff_on(body, today))
        self.fields["datum"].initial = today
        offer(self, "klass", processes_of(body))

    def clean_datum(self) -> datetime.date:
        day = self.cleaned_data["datum"]
        if day > self.today:
            raise forms.ValidationError(
                _("Datumet kan inte vara senare än i dag (%(today)s).") % {"today": self.today}
            )
        return day

    def clean(self) -> dict[str, Any]:
        """Check a new file now, so that its error is shown with the others; a post without a
        file takes the one held for the user, if any."""
        super().clean()
        data = self.cleaned_data
        require_year_in_bounds(data.get("datum"), field="datum")
        masks_by_default(data)
        upload, token = data.get("fil"), data.get("fil_sparad")
        try:
            if upload:
                self.checked = check_file(upload)
            elif token:
                data["fil"] = held(token, owner=self.owner)
                self.held_token = token
        except forms.ValidationError as error:
            self.add_error("fil", error)
        return data

    def clean_arende(self) -> Case | None:
        number = self.cleaned_data["arende"].strip()
        if not number:
            return None
        case = Case.objects.filter(organization__body=self.body, number__iexact=number).first()
        if case is None:
            raise forms.ValidationError(
                _("Det finns inget ärende med diarienummer %(number)s.") % {"number": number}
            )
        return case


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Sök i diariet"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Alla"),
        to_field_name="slug",
    )
    ar = forms.IntegerField(label=_("År"), required=False, min_value=1900, max_value=2200)
    klassificering = forms.CharField(label=_("Klassificering"), max_length=30, required=False)
    status = forms.ChoiceField(
        label=_("Ärendets status"), required=False, choices=[("", _("Alla")), *Case.Status.choices]
    )
    riktning = forms.ChoiceField(
        label=_("Riktning"), required=False, choices=[("", _("Alla")), *Document.Direction.choices]
    )
    sekretess = forms.NullBooleanField(
        label=_("Sekretess"),
        required=False,
        widget=forms.Select(
            choices=[("", _("Alla")), ("true", _("Sekretessmarkerade")), ("false", _("Öppna"))]
        ),
    )
    fran = date_field(_("Från och med"), required=False)
    till = date_field(_("Till och med"), required=False)
    sida = forms.IntegerField(
        required=False, min_value=1, max_value=PAGE_MAX, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organs = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", organs.order_by("position", "name"))


class CaseListForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Alla"),
        to_field_name="slug",
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alla")), *Case.Status.choices]
    )
    efter = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organs = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", organs.order_by("position", "name"))


def _officer_field(**kwargs: Any) -> forms.ModelChoiceField:
    """A choice of the body's officials, offered by the form (`staff_on`)."""
    return forms.ModelChoiceField(queryset=Person.objects.none(), **kwargs)


class CaseOpenForm(forms.Form):
    """A new case, before any document of it is registered."""

    arendemening = forms.CharField(label=_("Ärendemening"), max_length=500)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    handlaggare = _officer_field(
        label=_("Handläggare"), required=False, empty_label=_("Ingen ännu")
    )
    sekretess = secrecy_field(
        help_text=_("Om ärendemeningen själv röjer något som är sekretessbelagt.")
    )

    def __init__(self, *args: Any, body: Body, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organs = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", organs.order_by("position", "name"))
        board = organs.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()
        self.fields["organisation"].initial = board.pk if board else None
        offer(self, "handlaggare", staff_on(body, today))


class CaseEditForm(forms.Form):
    arendemening = forms.CharField(label=_("Ärendemening"), max_length=500)


class ReassignForm(forms.Form):
    handlaggare = _officer_field(label=_("Ny handläggare"), empty_label=None)

    def __init__(self, *args: Any, case: Case, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = staff_on(case.organization.body, today)
        if case.case_officer_id is not None:
            staff = staff.exclude(pk=case.case_officer_id)
        offer(self, "handlaggare", staff)


class CloseForm(forms.Form):
    anteckning = forms.CharField(
        label=_("Avslutningsanteckning"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hur ärendet avslutades, till exempel ”Besvarat med skrivelse 3”."),
    )


class CaseSecrecyForm(forms.Form):
    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sekretess"] = secrecy_field(current=case.secrecy_reference)


class DocumentSecrecyForm(forms.Form):
    sekretess_skal = forms.CharField(label=_("Skäl för sekretess"), max_length=300, required=False)
    dolj_avsandare = forms.BooleanField(label=_("Dölj avsändaren/mottagaren"), required=False)
    dolj_beskrivning = forms.BooleanField(label=_("Dölj beskrivningen"), required=False)

    def __init__(self, data: Mapping[str, Any] | None = None, *, document: Document) -> None:
        initial = {
            "sekretess_skal": document.secrecy_reason,
            "dolj_avsandare": document.counterpart_masked,
            "dolj_beskrivning": document.description_masked,
        }
        super().__init__(data, initial=initial)
        self.fields["sekretess"] = secrecy_field(
            current=document.secrecy_reference, help_text=MASKS_HELP
        )
        self.order_fields(["sekretess"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        masks_by_default(self.cleaned_data)
        return self.cleaned_data
