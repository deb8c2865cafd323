"""A service's ValidationError that names model fields goes on the form, never raises: on the
form's field of that name, the rest on the form. `form.add_error(None, error)` raised
ValueError ("has no field named …") when the error named a model field the form lacks."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.decisions.tests.followup_samples import board_decision
from kansli.organisation.models import Body
from kansli.web.forms import add_errors

MODEL_FIELD_ERROR = ValidationError({"due_on": "Dagen har redan passerat.", "rubrik": "För lång."})


class AssignmentLikeForm(forms.Form):
    rubrik = forms.CharField()


def test_an_error_naming_a_model_field_the_form_lacks_goes_on_the_form() -> None:
    form = AssignmentLikeForm({"rubrik": "Utred skolskjutsarna"})
    assert form.is_valid()

    add_errors(form, MODEL_FIELD_ERROR)

    assert form.errors["rubrik"] == ["För lång."]
    assert form.non_field_errors() == ["Dagen har redan passerat."]


def test_a_plain_error_goes_on_the_named_field() -> None:
    form = AssignmentLikeForm({"rubrik": "Utred skolskjutsarna"})
    assert form.is_valid()

    add_errors(form, ValidationError("Finns redan."), "rubrik")

    assert form.errors == {"rubrik": ["Finns redan."]}


def signed_in(username: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=username))
    return client


def test_the_assignment_page_shows_a_model_field_error_on_the_form(
    demo: dict[str, Body], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refusing(**arguments: object) -> None:
        raise MODEL_FIELD_ERROR

    monkeypatch.setattr("kansli.decisions.views.assignments.services.assignment_give", refusing)
    today = timezone.localdate()
    decision = board_decision(demo["vanersborg"], "Uppdrag om skolskjutsar", today)
    due = today + datetime.timedelta(days=90)

    response = signed_in("direktor").post(
        "/vanersborg/uppfoljning/uppdrag/nytt/",
        {
            "beslut": decision.pk,
            "rubrik": "Utred skolskjutsarna",
            "klart_senast": due.isoformat(),
            "intervall": 3,
        },
    )

    assert response.status_code == 400
    assert "Dagen har redan passerat." in response.content.decode()


def test_the_decision_question_shows_a_model_field_error_on_the_form(
    demo: dict[str, Body], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refusing(**arguments: object) -> None:
        raise ValidationError({"decided_by": "Personen har ingen befattning den dagen."})

    monkeypatch.setattr("kansli.decisions.views.register.selectors.decision_verdict", refusing)
    client = signed_in("direktor")
    form = client.get("/vanersborg/beslut/nytt/").context["question"]
    decision_type = form.fields["beslutstyp"].choices[1][0]

    response = client.get(f"/vanersborg/beslut/nytt/?beslutstyp={decision_type}")

    assert response.status_code == 200
    assert "Personen har ingen befattning den dagen." in response.content.decode()
