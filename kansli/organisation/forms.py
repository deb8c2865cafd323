"""Forms of the organisation's pages: they parse what the visitor asks for, nothing more."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OnDateForm(forms.Form):
    """The date an organization page describes; empty means today."""

    datum = forms.DateField(
        label=_("Visa läget den"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD.")},
    )

    def date(self) -> datetime.date:
        """The chosen date, or today when none or an invalid one was given."""
        if self.is_valid() and self.cleaned_data["datum"]:
            return self.cleaned_data["datum"]
        return timezone.localdate()
