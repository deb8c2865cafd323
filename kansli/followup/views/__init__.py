"""The followup app's pages, one module per area."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse


def form_written(
    form: forms.Form,
    write: Callable[[dict[str, Any]], object],
    *,
    done: HttpResponse,
    field: str | None = None,
) -> HttpResponse | None:
    """Give the valid form's data to the service `write`: `done` when it is written, a 403 with
    the service's reason when it refuses the user, and None when the form is to be shown again
    with its errors (the service's Swedish ValidationError put on `field`, or on the form)."""
    if not form.is_valid():
        return None
    try:
        write(form.cleaned_data)
    except PermissionDenied as error:
        return HttpResponse(str(error), status=403)
    except ValidationError as error:
        form.add_error(field, error)
        return None
    return done
