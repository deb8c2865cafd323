"""The shell's form helpers, which every app's pages use: `date_field`, the one date widget;
`offer`, a choice field's rows; and `form_written`, which gives a posted form to its service."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from kansli.texts import StrOrPromise

DATE_ERRORS = {"invalid": _("Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD.")}


def date_field(label: StrOrPromise, **kwargs: Any) -> forms.DateField:
    """A date typed as ÅÅÅÅ-MM-DD or picked in the browser's date picker, with one Swedish
    error message for anything else."""
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
        **kwargs,
    )


def offer(form: forms.BaseForm, name: str, rows: QuerySet[Any] | Sequence[tuple[Any, Any]]) -> None:
    """Let the form's choice field `name` offer `rows`, model rows or (value, label) pairs:
    what the form's class cannot know until it is given the body, the meeting or the item."""
    if isinstance(rows, QuerySet):
        cast(forms.ModelChoiceField, form.fields[name]).queryset = rows
    else:
        cast(forms.ChoiceField, form.fields[name]).choices = rows


@dataclass(frozen=True)
class Written:
    """What became of a posted form: the `done` response when the service wrote, else None
    and the status to show the form again with (403 refused, 400 with errors)."""

    response: HttpResponse | None
    status: int


def form_written(
    form: forms.Form,
    write: Callable[[dict[str, Any]], object],
    *,
    done: HttpResponse | Callable[[Any], HttpResponse],
    field: str | None = None,
) -> Written:
    """Give the valid form's data to the service `write`; the user's input is never lost.

    The page shows the form again, with what it was given, unless the service wrote::

        written = form_written(form, lambda data: services.x(actor=request.user, ...),
                               done=redirect(...))
        return written.response or render(request, template, context, status=written.status)

    `done` is the response once written, or a function from what the service returned to it
    (`done=lambda case: redirect("preparation:case_detail", case.number)`).

    A refusal (PermissionDenied) goes on the form as a non-field error with its Swedish reason
    and status 403; the service's ValidationError goes on `field` (or on the fields it names,
    or on the form) with status 400, as do the form's own errors.
    """
    if not form.is_valid():
        return Written(None, 400)
    try:
        result = write(form.cleaned_data)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("Du har inte behörighet att göra detta."))
        return Written(None, 403)
    except ValidationError as error:
        add_errors(form, error, field)
        return Written(None, 400)
    response = done if isinstance(done, HttpResponse) else done(result)
    return Written(response, response.status_code)


def add_errors(form: forms.Form, error: ValidationError, field: str | None = None) -> None:
    """Put a service's error on the form: on the fields it names that the form has, the rest
    (a model field the form calls something else, or none) on `field` or the form. Unlike
    `form.add_error(None, error)`, never raises for a field the form lacks."""
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else field, errors)
