"""The appointment page: for a chosen post and decision type, what the delegation engine requires
before the head is appointed or dismissed, and the form to decide with the requirements met."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from kansli.decisions.models import Decision
from kansli.decisions.selectors import requirement_label
from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.selectors import appointments as selectors
from kansli.followup.services import appointments as services
from kansli.followup.views import readable_body
from kansli.organisation.models import Body, Person, Position
from kansli.web.forms import date_field, form_written, offer


class QuestionForm(forms.Form):
    beslutstyp = forms.ChoiceField(label=_lazy("Beslut"))
    befattning = forms.ModelChoiceField(label=_lazy("Befattning"), queryset=Position.objects.none())

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(
            self, "beslutstyp", [(t.code, t.name) for t in selectors.appointment_types(body=body)]
        )
        offer(self, "befattning", selectors.appointable_positions(body=body))


class DecideForm(forms.Form):
    person = forms.ModelChoiceField(label=_lazy("Person"), queryset=Person.objects.none())
    decided_on = date_field(_lazy("Beslutsdatum"))
    effective_on = date_field(_lazy("Från (tillsättning) eller till och med (entledigande)"))
    acting = forms.BooleanField(label=_lazy("Tillförordnad"), required=False)

    def __init__(
        self, *args: Any, body: Body, requirements: list, conditions: list, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", body.persons.order_by("family_name", "given_name"))
        for condition in conditions:
            self.fields[f"villkor:{condition.code}"] = forms.BooleanField(
                label=_("Jag intygar att villkoret är uppfyllt: %(text)s")
                % {"text": condition.text},
                required=False,
            )
        for kind, key, name in requirements:
            self.fields[f"krav:{kind}:{key}"] = date_field(
                _("%(requirement)s, datum") % {"requirement": requirement_label(kind, name)},
                required=False,
            )

    def evidence(self) -> list[tuple]:
        return [
            (*name.split(":")[1:], value, "")
            for name, value in self.cleaned_data.items()
            if name.startswith("krav:") and value
        ]

    def conditions(self) -> list[str]:
        return [
            name.split(":", 1)[1]
            for name, value in self.cleaned_data.items()
            if name.startswith("villkor:") and value
        ]


@require_http_methods(["GET", "POST"])
def appointment_requirements(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    question = QuestionForm(request.GET or None, body=body_)
    answers, decide, status = [], None, 200
    if question.is_valid():
        position = question.cleaned_data["befattning"]
        decision_type = question.cleaned_data["beslutstyp"]
        answers = selectors.appointment_requirements(
            body=body_, decision_type=decision_type, position=position, on=today
        )
        if request.GET.get("format") == "csv":
            return csv_response(
                "krav-fore-tillsattning.csv",
                [_("Punkt"), _("Beslutar"), _("Krav"), _("När"), _("Part")],
                (
                    (
                        a.rule.number,
                        a.rule.delegate.name,
                        s.requirement.kind,
                        s.requirement.when,
                        s.requirement.party.name,
                    )
                    for a in answers
                    for s in a.verdict.requirements
                ),
            )
        requirements = [
            (s.requirement.kind, s.requirement.party.key, s.requirement.party.name)
            for answer in answers[:1]
            for s in answer.before
        ]
        decide = DecideForm(
            request.POST if request.method == "POST" else None,
            body=body_,
            requirements=requirements,
            conditions=[c for answer in answers[:1] for c in answer.rule.limits.conditions],
        )
        if request.method == "POST":
            decided: list[Decision] = []

            def decide_appointment(data: dict[str, Any]) -> None:
                decision, _appointment = services.appointment_decide(
                    actor=request.user,
                    body=body_,
                    decision_type=decision_type,
                    position=position,
                    person=data["person"],
                    decided_on=data["decided_on"],
                    effective_on=data["effective_on"],
                    acting=data["acting"],
                    evidence=decide.evidence(),
                    conditions=decide.conditions(),
                )
                decided.append(decision)

            written = form_written(
                decide,
                decide_appointment,
                done=redirect("followup:appointment_requirements", body_.slug),
            )
            if written.response:
                return redirect("decisions:decision_detail", body_.slug, decided[0].pk)
            status = written.status
    context = {
        "body": body_,
        "question": question,
        "answers": answers,
        "decide": decide,
        "may_decide": policy.may_decide_appointment(request.user, body_),
    }
    return render(request, "followup/appointments/requirements.html", context, status=status)
