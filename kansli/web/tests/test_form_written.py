"""form_written gives a valid form's data to its service and never loses what the user wrote."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect

from kansli.web.forms import form_written

DONE = HttpResponseRedirect("/klart/")


class CaseForm(forms.Form):
    rubrik = forms.CharField()
    avsandare = forms.CharField(required=False)


def posted(**data: str) -> CaseForm:
    return CaseForm({"rubrik": "Yttrande över detaljplan", **data})


def raising(error: Exception) -> Any:
    def write(data: dict[str, Any]) -> None:
        raise error

    return write


def test_a_written_form_gives_the_done_response() -> None:
    received = []

    written = form_written(posted(), received.append, done=DONE)

    assert written.response is DONE
    assert received == [{"rubrik": "Yttrande över detaljplan", "avsandare": ""}]


def test_the_done_response_may_follow_from_what_the_service_wrote() -> None:
    written = form_written(
        posted(), lambda data: 7, done=lambda case: HttpResponseRedirect(f"/arenden/{case}/")
    )

    assert written.response is not None
    assert written.response["Location"] == "/arenden/7/"


def test_a_refusal_keeps_the_input_with_the_reason_on_the_form_and_403() -> None:
    form = posted()

    written = form_written(form, raising(PermissionDenied("Bara registratorer.")), done=DONE)

    assert (written.response, written.status) == (None, 403)
    assert form.non_field_errors() == ["Bara registratorer."]
    assert form["rubrik"].value() == "Yttrande över detaljplan"


def test_a_refusal_without_a_reason_says_so_in_swedish() -> None:
    form = posted()

    written = form_written(form, raising(PermissionDenied()), done=DONE)

    assert written.status == 403
    assert form.non_field_errors() == ["Du har inte behörighet att göra detta."]


def test_an_invalid_form_is_shown_again_without_calling_the_service() -> None:
    form = CaseForm({"rubrik": ""})

    written = form_written(form, raising(AssertionError("called")), done=DONE)

    assert (written.response, written.status) == (None, 400)
    assert form.errors["rubrik"]


def test_the_services_error_goes_on_the_named_field() -> None:
    form = posted()

    written = form_written(
        form, raising(ValidationError("Avsändaren finns redan.")), done=DONE, field="avsandare"
    )

    assert written.status == 400
    assert form.errors == {"avsandare": ["Avsändaren finns redan."]}


def test_errors_for_fields_the_form_lacks_go_on_the_form() -> None:
    form = posted()

    form_written(
        form,
        raising(ValidationError({"rubrik": "För lång.", "organization": "Fel organisation."})),
        done=DONE,
    )

    assert form.errors["rubrik"] == ["För lång."]
    assert form.non_field_errors() == ["Fel organisation."]
