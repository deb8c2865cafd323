"""The sign-in form."""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a username longer than any account's before it is tried.

    Django gives the field its length only as an attribute for the browser; a longer one went on
    to the throttle, which records what is tried in a column of 255 characters (django-axes),
    and PostgreSQL refused to store it: a 500 for a sign-in with 5,000 characters.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        if isinstance(username, forms.CharField) and username.max_length is not None:
            username.validators.append(MaxLengthValidator(username.max_length))
