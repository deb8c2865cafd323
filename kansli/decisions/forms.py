"""Forms of the decision register: they parse what the user asks and records, nothing more."""

import datetime
from collections.abc import Iterable
from typing import Any, NamedTuple, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.decisions import selectors, services
from kansli.decisions.models import Assignment, Decision, ExecutionTask
from kansli.decisions.selectors import RequirementRow, requirement_label
from kansli.decisions.services import EvidenceRow
from kansli.organisation.models import Appointment, Body, Organization, Person, Position
from kansli.registry.visibility import User
from kansli.web.forms import date_field, offer


class DecisionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alla")), *Decision.Status.choices],
        required=False,
    )
    beslutstyp = forms.ChoiceField(label=_("Beslutstyp"), required=False)
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)

    def __init__(self, *args: Any, decision_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "beslutstyp", [("", _("Alla")), *decision_types])


class RequirementFields(NamedTuple):
    """The fields of one requirement: met or not, when, and a note; for an optional
    consultation also "not needed" (`waived`), the note then its reason."""

    kind: str
    party: str
    met: forms.BoundField
    date: forms.BoundField
    note: forms.BoundField
    waived: forms.BoundField | None


class QuestionForm(forms.Form):
    """What the delegation engine is asked: which decision, in which capacity, concerning
    which organization, for what amount, on which day."""

    beslutstyp = forms.ChoiceField(label=_("Beslutstyp"))
    befattning = forms.ModelChoiceField(
        label=_("Jag beslutar som"),
        queryset=Position.objects.none(),
        required=False,
        empty_label=_("Mig själv, med alla mina befattningar och uppdrag"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation som beslutet gäller"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Ingen särskild"),
    )
    belopp = forms.DecimalField(
        label=_("Belopp i kronor"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    datum = date_field(_("Beslutsdatum"), required=False, help_text=_("Tomt: i dag."))

    def __init__(
        self,
        *args: Any,
        body: Body,
        person: Person,
        today: datetime.date,
        decision_types: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        own = Appointment.objects.on(today).filter(person=person).order_by("acting", "start")
        positions = Position.objects.filter(appointments__in=own).distinct()
        offer(self, "beslutstyp", [("", _("Välj beslutstyp")), *decision_types])
        offer(self, "befattning", positions)
        self.fields["befattning"].initial = own.values_list("position", flat=True).first()
        offer(self, "organisation", body.organizations.order_by("name"))
        self.fields["datum"].initial = today
        self.today = today

    def clean_datum(self) -> datetime.date:
        return self.cleaned_data["datum"] or self.today


class DecisionForm(QuestionForm):
    """The question, what was decided, and a checkbox (with date and note) for each
    requirement the rule sets before the decision."""

    rubrik = forms.CharField(label=_("Rubrik"), max_length=300)
    beslut = forms.CharField(
        label=_("Beslut"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Beslutets lydelse, t.ex. att-satserna."),
    )
    diarienummer = forms.CharField(label=_("Diarienummer"), required=False, max_length=60)

    def __init__(
        self, *args: Any, requirements: Iterable[selectors.Before] = (), **kwargs: Any
    ) -> None:
        """`requirements`: each requirement before the decision, as the engine names them for
        the question asked."""
        super().__init__(*args, **kwargs)
        self.requirements: list[RequirementFields] = []
        for kind, party, name, optional in requirements:
            field = f"krav-{kind}-{party}"
            label = requirement_label(kind, name, optional=optional)
            words = {"requirement": label[:1].lower() + label[1:]}
            self.fields[field] = forms.BooleanField(label=label, required=False)
            self.fields[f"{field}-datum"] = date_field(
                _("Datum för %(requirement)s") % words, required=False
            )
            self.fields[f"{field}-anteckning"] = forms.CharField(
                label=_("Anteckning om %(requirement)s") % words, required=False, max_length=500
            )
            if optional:
                self.fields[f"{field}-behovdes-inte"] = forms.BooleanField(
                    label=_("Samrådet behövdes inte (ange skälet i anteckningen)"),
                    required=False,
                )
            self.requirements.append(
                RequirementFields(
                    kind,
                    party,
                    self[field],
                    self[f"{field}-datum"],
                    self[f"{field}-anteckning"],
                    self[f"{field}-behovdes-inte"] if optional else None,
                )
            )

    def evidence(self) -> list[EvidenceRow]:
        """The requirements ticked as met, or (optional ones) as not needed; undated ones on
        the decision day."""
        data = self.cleaned_data
        return [
            EvidenceRow(
                fields.kind,
                fields.party,
                data[fields.date.name] or data["datum"],
                data[fields.note.name],
                waived=waived,
            )
            for fields in self.requirements
            for waived in [fields.waived is not None and data[fields.waived.name]]
            if data[fields.met.name] or waived
        ]


class EvidenceForm(forms.Form):
    """That one of a draft's pending requirements has been met."""

    krav = forms.ChoiceField(label=_("Krav som är uppfyllt"))
    datum = date_field(_("Datum"))
    anteckning = forms.CharField(
        label=_("Anteckning"),
        required=False,
        max_length=500,
        help_text=_("T.ex. sammanträde och paragraf."),
    )
    behovdes_inte = forms.BooleanField(
        label=_("Samrådet behövdes inte (bara samråd vid behov; ange skälet i anteckningen)"),
        required=False,
    )

    def __init__(
        self, *args: Any, pending: list[RequirementRow], today: datetime.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "krav", [(f"{r.kind}:{r.party}", r.label) for r in pending])
        self.fields["datum"].initial = today

    def requirement(self) -> tuple[str, str]:
        kind, _sep, party = self.cleaned_data["krav"].partition(":")
        return kind, party


class RecipientForm(forms.Form):
    """The organization whose unreported decisions are listed: one of the body's organs."""

    organisation = forms.ModelChoiceField(
        label=_("Anmäls till"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
        empty_label=_("Välj organ"),
        error_messages={"invalid_choice": _("Välj ett av organen i listan.")},
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        political = body.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
        offer(self, "organisation", political.order_by("position", "name"))


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alla")), *ExecutionTask.Status.choices],
        required=False,
    )
    verkstallare = forms.ModelChoiceField(
        label=_("Verkställs av"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla"),
    )
    forsenade = forms.BooleanField(label=_("Bara försenade"), required=False)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "verkstallare", _executors(body))


def _executors(body: Body) -> QuerySet[Organization]:
    return body.organizations.filter(kind__in=services.EXECUTOR_KINDS).order_by("name")


class TaskForm(forms.Form):
    uppgift = forms.CharField(label=_("Uppgift"), max_length=300)
    verkstallare = forms.ModelChoiceField(
        label=_("Verkställs av"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
    )
    klart_senast = date_field(_("Klar senast"))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "verkstallare", _executors(body))


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=ExecutionTask.Status.choices)
    anteckning = forms.CharField(label=_("Anteckning"), required=False, max_length=1000)


class AssignmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alla")), *Assignment.Status.choices],
        required=False,
    )
    sena = forms.BooleanField(label=_("Bara med försenad rapport eller försenade"), required=False)


class DecisionChoiceField(forms.ModelChoiceField):
    """A decision at a meeting by its date, organ and title, the title as `viewer` may read it
    (a secret case's title is masked)."""

    viewer: User

    def label_from_instance(self, obj: Decision) -> str:
        title = selectors.decision_view(self.viewer, obj).title
        return f"{obj.decided_on:%Y-%m-%d} {obj.organization}: {title}"


class AssignmentForm(forms.Form):
    beslut = DecisionChoiceField(
        label=_("Beslut vid sammanträde"), queryset=Decision.objects.none()
    )
    rubrik = forms.CharField(label=_("Uppdrag"), max_length=300)
    beskrivning = forms.CharField(
        label=_("Beskrivning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    klart_senast = date_field(_("Ska slutföras senast"))
    intervall = forms.IntegerField(
        label=_("Rapporteras var … månad"), min_value=1, max_value=12, initial=3
    )

    def __init__(self, *args: Any, body: Body, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        decisions = Decision.objects.filter(
            body=body, kind=Decision.Kind.MEETING, status=Decision.Status.RECORDED
        ).select_related("organization", selectors.DECISION_CASE)
        offer(self, "beslut", decisions)
        cast(DecisionChoiceField, self.fields["beslut"]).viewer = user


class ReportForm(forms.Form):
    rapport = forms.CharField(
        label=_("Rapport"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ReporterForm(forms.Form):
    rapportor = forms.ModelChoiceField(
        label=_("Rapporterar i direktörens ställe"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Direktören själv"),
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officials = Appointment.objects.on(timezone.localdate()).filter(position__body=body)
        offer(self, "rapportor", Person.objects.filter(pk__in=officials.values("person")))


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Avsluta som"),
        choices=[
            (Assignment.Status.COMPLETED, Assignment.Status.COMPLETED.label),
            (Assignment.Status.CANCELLED, Assignment.Status.CANCELLED.label),
        ],
    )
