from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.followup.services import economy
from kansli.organisation.commands import (
    KansliCommand,
    bad_input,
    body_named,
    first_of,
    text_file,
)


class Command(KansliCommand):
    help = _("Ekonomin: läs in utfall eller budget från en CSV-fil.")

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        read = commands.add_parser(
            "import",
            help=_(
                "Läs in utfall (eller budget) per organisation och månad; kolumnerna "
                "organisation, år, månad, belopp. En månad som läses in igen ersätts."
            ),
        )
        read.add_argument("file", help=_("CSV-filen (UTF-8)."))
        read.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        read.add_argument(
            "--budget", action="store_true", help=_("Filen innehåller budget, inte utfall.")
        )
        read.add_argument(
            "--enqueue",
            action="store_true",
            help=_(
                "Kontrollera filen här och lägg inläsningen i kön åt bakgrundsarbetaren i "
                "stället för att göra den här."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        path = Path(options["file"])
        text = text_file(path, encoding="utf-8-sig")
        try:
            if options["enqueue"]:
                run = economy.ledger_import_start(
                    actor=None, body=body, text=text, source=path.name, budget=options["budget"]
                )
                self.stdout.write(_("Lagt i kön: uppgift %(run)s.") % {"run": run.pk})
                return
            if options["budget"]:
                lines = economy.budget_import(actor=None, body=body, text=text)
                self.stdout.write(_("%(count)d budgetrader inlästa.") % {"count": len(lines)})
                return
            imported = economy.outcomes_import(actor=None, body=body, text=text, source=path.name)
        except ValidationError as error:
            raise bad_input(
                _("Inget lästes in ur %(file)s: %(errors)s")
                % {"file": path, "errors": first_of(error.messages)}
            ) from None
        self.stdout.write(_("%(count)d utfallsrader inlästa.") % {"count": len(imported.outcomes)})
        for initiative in imported.initiatives:
            # deviations_check opens each initiative with its case to the board.
            case = initiative.case.number if initiative.case is not None else "–"
            self.stdout.write(
                _("Budgetavvikelse för %(organization)s: ärende %(case)s till styrelsen.")
                % {"organization": initiative.organization.name, "case": case}
            )
