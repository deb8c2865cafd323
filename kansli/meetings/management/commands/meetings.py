"""`kansli meetings resend-queued`: enqueue again the meetings' e-mails whose task was lost
(`deliveries.deliveries_requeue`). Run it every few minutes beside the worker (a systemd timer or
cron); a delivery enqueued twice is still sent once."""

from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.meetings import deliveries
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand):
    help = _(
        "Sammanträden: resend-queued lägger åter i kön de utskick av e-post som har väntat "
        "för länge på sitt försök."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser(
            "resend-queued",
            help=_("Lägg åter i kön utskick som har väntat för länge på sitt försök."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = deliveries.deliveries_requeue()
        self.stdout.write(_("%(count)d utskick lagda åter i kön.") % {"count": count})
