import datetime
from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.organisation.commands import KansliCommand, body_named
from kansli.registry.selectors import records_requests_open
from kansli.registry.services import stored_files_sweep


class Command(KansliCommand):
    help = _("Diariet: städa bort lagrade filer utan handling, lista väntande begäranden.")

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        sweep = commands.add_parser(
            "sweep", help=_("Ta bort lagrade filer som ingen handling hänvisar till.")
        )
        sweep.add_argument(
            "--older-than-hours",
            type=int,
            default=24,
            help=_("Rör bara filer äldre än så här många timmar (24)."),
        )
        requests = commands.add_parser(
            "requests", help=_("Begäranden om allmän handling som inte är avgjorda.")
        )
        requests.add_argument("body", help=_("Kommunens eller regionens kortnamn."))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "sweep":
            age = datetime.timedelta(hours=options["older_than_hours"])
            removed = stored_files_sweep(older_than=age)
            for name in removed:
                self.stdout.write(_("Borttagen: %(name)s") % {"name": name})
            self.stdout.write(
                _("%(count)d filer utan handling togs bort.") % {"count": len(removed)}
            )
            return
        body = body_named(options["body"])
        waiting = records_requests_open(body=body, now=timezone.now())
        if not waiting:
            self.stdout.write(_("Inga begäranden väntar."))
        for wait in waiting:
            hours = int(wait.waited.total_seconds() // 3600)
            flag = _(" FÖRSENAD") if wait.overdue else ""
            self.stdout.write(
                _("%(id)d: %(subject)s – väntat %(hours)d h, senast %(due)s%(flag)s")
                % {
                    "id": wait.request.pk,
                    "subject": wait.request.subject,
                    "hours": hours,
                    "due": wait.due_on.isoformat(),
                    "flag": flag,
                }
            )
