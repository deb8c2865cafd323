"""Forms of the governing documents' pages: they parse what the visitor asks for, nothing more."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DocumentFilterForm(forms.Form):
    passerat = forms.BooleanField(label=_("Bara de som passerat översynsdatum"), required=False)
