"""Forms of the organisation's pages: they parse what the visitor asks for, nothing more."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.web.forms import date_field


class OnDateForm(forms.Form):
    """The date an organization page describes; empty means today."""

    datum = date_field(_("Visa läget den"), required=False)

    def date(self) -> datetime.date:
        """The chosen date, or today when none or an invalid one was given."""
        if self.is_valid() and self.cleaned_data["datum"]:
            return self.cleaned_data["datum"]
        return timezone.localdate()
