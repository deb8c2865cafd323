"""An operator's sign-in in the event log: a superuser is staff of every body and sees through
all secrecy, so each time one signs in is on record, as each of its writes is."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from kansli.accounts.models import User
from kansli.audit import services as audit


def record_operator_sign_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    """Django's `user_logged_in` receiver: an event for a superuser, nothing for anyone else."""
    if not user.is_superuser:
        return
    with transaction.atomic():
        audit.record(actor=user, action=audit.action_name(user, "sign_in"), instance=user)
