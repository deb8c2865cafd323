"""The registry list's filter: which day or week, which organization, which direction."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.bounds import require_year_in_bounds
from kansli.organisation.models import Body
from kansli.registry.models import Document
from kansli.registry.selectors import week_of
from kansli.web.forms import date_field


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

    def __init__(self, data: object, *, body: Body) -> None:
        super().__init__(data)
        self.body = body
        organizations = body.organizations.filter(cases__isnull=False).distinct()
        self.fields["organisation"].choices = [
            ("", _("alla")),
            *((organization.slug, organization.name) for organization in organizations),
        ]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        require_year_in_bounds(cleaned.get("datum"), field="datum")
        return cleaned

    def _value(self, name: str) -> object:
        return self.cleaned_data.get(name) if self.is_valid() else None

    def period_bounds(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day listed: the chosen day (today if none), or its week."""
        day = self._value("datum") or timezone.localdate()
        return week_of(day) if self._value("period") == self.WEEK else (day, day)

    def filters(self) -> dict[str, object]:
        """The selector's filters besides the period."""
        slug = self._value("organisation")
        return {
            "organization": self.body.organizations.get(slug=slug) if slug else None,
            "direction": self._value("riktning") or None,
        }
