"""Forms of the preparation's pages: the officer's report with the case's plan, and a
statement received. They parse what the user enters, nothing more."""

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization, Person
from kansli.preparation.models import Preparation, Route
from kansli.registry.forms import staff_on
from kansli.web.forms import date_field, offer


class ReportForm(forms.Form):
    """The officer's report as the case officer writes it, and how the case is planned."""

    tjansteskrivelse = forms.CharField(
        label=_("Tjänsteskrivelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Ärendet, bakgrund och bedömning. Eller ladda upp skrivelsen som fil nedan."),
    )
    fil = forms.FileField(label=_("Tjänsteskrivelse som fil"), required=False)
    att_satser = forms.CharField(
        label=_("Förslag till beslut"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("En att-sats per rad, i ordning, t.ex. ”att anta instruktionen”."),
    )
    ekonomi = forms.CharField(
        label=_("Ekonomiska konsekvenser"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    finansiering = forms.CharField(
        label=_("Finansiering"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    foredragande = forms.ModelChoiceField(
        label=_("Föredragande"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Välj föredragande"),
    )
    arendegang = forms.ModelChoiceField(
        label=_("Ärendegång"),
        queryset=Route.objects.none(),
        required=False,
        empty_label=_("Ingen"),
    )
    fran_namnd = forms.ModelChoiceField(
        label=_("Ärendet kommer från nämnd"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Nej"),
    )
    klart_senast = date_field(_("Klart senast"), required=False)

    def __init__(self, *args: Any, body: Body, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "foredragande", staff_on(body, today))
        offer(self, "arendegang", body.routes.all())
        committees = body.organizations.filter(kind=Organization.Kind.COMMITTEE)
        offer(self, "fran_namnd", committees.order_by("name"))

    @staticmethod
    def initial_from(preparation: Preparation | None) -> dict[str, Any]:
        if preparation is None:
            return {}
        return {
            "tjansteskrivelse": preparation.report_text,
            "att_satser": "\n".join(c.text for c in preparation.clauses.all()),
            "ekonomi": preparation.economic_consequences,
            "finansiering": preparation.financing,
            "foredragande": preparation.rapporteur_id,
            "arendegang": preparation.route_id,
            "fran_namnd": preparation.referred_from_id,
            "klart_senast": preparation.due_on,
        }

    def clauses(self) -> list[str]:
        return self.cleaned_data["att_satser"].splitlines()


class StatementForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Från organ"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Annan"),
    )
    fran = forms.CharField(
        label=_("Från annan"),
        max_length=300,
        required=False,
        help_text=_("T.ex. en myndighet eller förening, om yttrandet inte kommer från ett organ."),
    )
    inkom = date_field(_("Inkom"))
    sammanfattning = forms.CharField(
        label=_("Sammanfattning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, body: Body, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organs = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", organs.order_by("position", "name"))
        self.fields["inkom"].initial = today
