from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansli.bounds import require_year_in_bounds
from kansli.web.forms import date_field


class ExportForm(forms.Form):
    """The day before which the exported cases were closed (ÅÅÅÅ-MM-DD)."""

    avslutade_fore = date_field(_("Ärenden avslutade före"))

    def clean_avslutade_fore(self) -> object:
        day = self.cleaned_data["avslutade_fore"]
        try:
            require_year_in_bounds(day, field="avslutade_fore")
        except ValidationError as error:
            raise ValidationError(error.message_dict["avslutade_fore"]) from error
        return day
