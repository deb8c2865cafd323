"""Forms of the delegation pages: they parse what the visitor asks for, nothing more."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.web.forms import date_field, offer


class WhoDecidesForm(forms.Form):
    """A matter to look up: words of it, or its decision type, on a date (today by default)."""

    q = forms.CharField(label=_("Ärende"), required=False, max_length=200)
    beslutstyp = forms.ChoiceField(label=_("Beslutstyp"), required=False)
    datum = date_field(_("Gäller den"), required=False)

    def __init__(self, *args: Any, decision_types: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        offer(self, "beslutstyp", [("", _("Alla beslutstyper")), *decision_types])

    def date(self) -> datetime.date:
        if self.is_valid() and self.cleaned_data["datum"]:
            return self.cleaned_data["datum"]
        return timezone.localdate()

    def asked(self) -> bool:
        return self.is_valid() and bool(self.cleaned_data["q"] or self.cleaned_data["beslutstyp"])
