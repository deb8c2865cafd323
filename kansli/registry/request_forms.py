"""Forms of the public records request pages: the public's request, the registrar's intake,
assessment and answer, and the delegate's decision for the authority. They parse what the
user enters, nothing more."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body
from kansli.registry.models import Document, PublicRecordsRequest

# The honeypot: a field the page hides from people, which only a robot fills in.
HONEYPOT = "webbplats"


class RequestForm(forms.Form):
    """Anyone asks for a document; nothing but what is asked for is required (TF 2 kap.
    18 §)."""

    handling = forms.CharField(
        label=_("Vilken handling vill du ta del av?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ett diarienummer eller dokumentnummer, eller en beskrivning av handlingen."),
    )
    namn = forms.CharField(label=_("Ditt namn (frivilligt)"), max_length=200, required=False)
    kontakt = forms.CharField(
        label=_("E-post eller telefon (frivilligt)"),
        max_length=200,
        required=False,
        help_text=_(
            "Du behöver inte tala om vem du är eller varför du vill ha handlingen. Du följer "
            "din begäran genom länken du får när du skickat den."
        ),
    )
    webbplats = forms.CharField(
        label=_("Lämna fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))


def _documents(body: Body, text: str) -> list[Document]:
    """The body's documents by the numbers in the text, separated by commas, spaces or lines."""
    numbers = [number for number in re.split(r"[,;\s]+", text.strip()) if number]
    found = {
        document.number.casefold(): document
        for document in Document.objects.filter(
            case__organization__body=body, number__in=numbers
        ).select_related("case__organization__body")
    }
    missing = [number for number in numbers if number.casefold() not in found]
    if missing:
        raise forms.ValidationError(
            _("Det finns ingen handling med nummer %(numbers)s.") % {"numbers": ", ".join(missing)}
        )
    return [found[number.casefold()] for number in numbers]


class _DocumentsForm(forms.Form):
    handlingar = forms.CharField(
        label=_("Begärda handlingar"),
        max_length=1000,
        required=False,
        help_text=_("Dokumentnummer, till exempel ”KS 2026/00012-1”, åtskilda med komma."),
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body = body

    def clean_handlingar(self) -> list[Document]:
        return _documents(self.body, self.cleaned_data["handlingar"])


class IntakeForm(_DocumentsForm):
    """A request the registrar takes in by telephone, at the desk, by e-mail or by letter."""

    kanal = forms.ChoiceField(
        label=_("Kom in via"),
        choices=[
            choice
            for choice in PublicRecordsRequest.Channel.choices
            if choice[0] != PublicRecordsRequest.Channel.WEB
        ],
    )
    handling = forms.CharField(
        label=_("Vad som begärs"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    namn = forms.CharField(label=_("Sökande (frivilligt)"), max_length=200, required=False)
    kontakt = forms.CharField(
        label=_("Kontaktuppgift (frivilligt)"), max_length=200, required=False
    )


class AssessForm(_DocumentsForm):
    bedomning = forms.CharField(
        label=_("Sekretessprövning"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    """A decision on a request: the authority's, by its delegate; the official's answer adds
    the masking."""

    svar = forms.ChoiceField(
        label=_("Beslut"), choices=PublicRecordsRequest.Outcome.choices, widget=forms.RadioSelect
    )
    sekretessgrund = forms.CharField(
        label=_("Sekretessgrund"),
        max_length=100,
        required=False,
        help_text=_("Vid avslag eller maskering, till exempel ”OSL 26 kap. 1 §”."),
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(DecisionForm):
    """The official's answer."""

    maskera = forms.CharField(
        label=_("Avsnitt att maskera"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Vid utlämnande med maskering: ett avsnitt per rad, som det står i handlingen. "
            "Kopian görs om från handlingens text utan avsnitten."
        ),
    )

    def clean_maskera(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["maskera"].splitlines() if line.strip()]
