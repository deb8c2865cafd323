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


class DraftForm(forms.Form):
    """A new version's version and first day."""

    version = forms.CharField(label=_("Version"), max_length=40)
    galler_fran = date_field(_("Gäller från"))


class DraftFileForm(forms.Form):
    """An order file (docs/delegation-order-format.md) uploaded as a draft."""

    fil = forms.FileField(label=_("Ordningsfil (YAML)"))

    def clean(self) -> dict[str, Any]:
        """The file's text as `text`, its name as `name`; a file not in UTF-8 is an error."""
        data = super().clean() or {}
        if "fil" in data:
            try:
                data["text"] = data["fil"].read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("fil", _("Filen är inte text i UTF-8."))
            data["name"] = data["fil"].name
        return data


class RuleForm(forms.Form):
    """A rule's number, section, decision type, matter, delegate, substitutes and limits. What
    else the rule holds (scope, requirements, conditions, sub-delegation) is kept as it is; an
    uploaded file changes it."""

    nummer = forms.CharField(label=_("Nummer"), max_length=60)
    avsnitt = forms.CharField(label=_("Avsnitt"), max_length=200)
    beslutstyp = forms.ChoiceField(label=_("Beslutstyp"))
    arende = forms.CharField(label=_("Ärende"), widget=forms.Textarea(attrs={"rows": 3}))
    delegat = forms.ChoiceField(label=_("Delegat"))
    ersattare = forms.MultipleChoiceField(label=_("Ersättare"), required=False)
    hogsta_belopp = forms.DecimalField(
        label=_("Högsta belopp (kronor)"), required=False, min_value=0, max_digits=14
    )
    hogsta_antal_manader = forms.IntegerField(
        label=_("Högsta antal månader"), required=False, min_value=0
    )

    def __init__(
        self,
        *args: Any,
        decision_types: list[tuple[str, str]],
        parties: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "beslutstyp", decision_types)
        offer(self, "delegat", parties)
        offer(self, "ersattare", parties)
