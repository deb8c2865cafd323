"""The public portal's forms: a search of the public registry and a year of approved minutes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.bounds import PAGE_MAX, YEAR_MAX, YEAR_MIN


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Sökord"), max_length=200, required=False)
    sida = forms.IntegerField(
        required=False, min_value=1, max_value=PAGE_MAX, widget=forms.HiddenInput
    )


class YearForm(forms.Form):
    ar = forms.IntegerField(label=_("År"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
