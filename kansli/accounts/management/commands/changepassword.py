"""`kansli changepassword`: Django's command, with the new password recorded in the event log,
so that an operator's reset does not read as a change made around the log."""

import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import changepassword
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand, changepassword.Command):
    help = _("Byt lösenord för en användare; bytet skrivs i händelseloggen.")

    def handle(self, *args: Any, **options: Any) -> str | None:
        users = get_user_model()._default_manager.using(options["database"])
        lookup = {get_user_model().USERNAME_FIELD: options["username"] or getpass.getuser()}
        with transaction.atomic(using=options["database"]):
            stored = users.filter(**lookup).first()
            if stored is None:
                return super().handle(*args, **options)  # which refuses a user of no account
            changed = super().handle(*args, **options)
            user = users.get(**lookup)
            audit.record(
                actor=None,
                action=audit.action_name(user, "update"),
                instance=user,
                before=audit.snapshot(stored),
                after=audit.snapshot(user),
            )
        return changed
