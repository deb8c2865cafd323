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
    behandlas_av = forms.ModelChoiceField(
        label=_("Behandlas av"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Ärendets eget organ"),
        help_text=_(
            "För ett ärende utan ärendegång: organet vars dagordning ärendet går till när "
            "det är klart."
        ),
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
        organs = body.organizations.filter(
            kind__in=Organization.POLITICAL_KINDS, dissolved_on__isnull=True
        )
        offer(self, "behandlas_av", organs.order_by("position", "name"))
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
            "behandlas_av": None if preparation.route_id else preparation.organization_id,
            "fran_namnd": preparation.referred_from_id,
            "klart_senast": preparation.due_on,
        }

    def clauses(self) -> list[str]:
        return self.cleaned_data["att_satser"].splitlines()


class RouteForm(forms.Form):
    """A route: its name, the rule it follows and its organs in order (empty places skipped)."""

    STEPS = 6

    namn = forms.CharField(label=_("Benämning"), max_length=200, help_text=_("T.ex. ”AU, KS, KF”."))
    grund = forms.CharField(
        label=_("Grund"),
        max_length=300,
        required=False,
        help_text=_("Styrdokument och avsnitt, t.ex. ”Kommundirektörsinstruktion 4.1.1”."),
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organs = body.organizations.filter(
            kind__in=Organization.POLITICAL_KINDS, dissolved_on__isnull=True
        ).order_by("position", "name")
        for n in range(1, self.STEPS + 1):
            self.fields[f"organ_{n}"] = forms.ModelChoiceField(
                label=_("Organ %(n)s") % {"n": n},
                queryset=organs,
                required=n == 1,
                empty_label=_("Inget"),
            )

    @staticmethod
    def initial_from(route: Route) -> dict[str, Any]:
        steps = {f"organ_{step.position}": step.organization_id for step in route.steps.all()}
        return {"namn": route.name, "grund": route.source, **steps}

    def steps(self) -> list[Any]:
        """The fields of the organs, in order, for the template."""
        return [self[f"organ_{n}"] for n in range(1, self.STEPS + 1)]

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        organs = [data[f"organ_{n}"] for n in range(1, self.STEPS + 1)]
        return {
            "name": data["namn"],
            "source": data["grund"],
            "organizations": [organ for organ in organs if organ is not None],
        }


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
