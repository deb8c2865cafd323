from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.integrations.idempotency import keys_sweep
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand):
    help = _("Integrationer: städa bort idempotensnycklar vars livstid har gått ut.")

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser(
            "sweep-keys",
            help=_(
                "Ta bort idempotensnycklar (och de svar de sparar) vars livstid har gått ut. "
                "Kör till exempel en gång i timmen från cron eller en systemd-timer."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = keys_sweep()
        self.stdout.write(
            _("%(count)d idempotensnycklar vars livstid gått ut togs bort.") % {"count": count}
        )
