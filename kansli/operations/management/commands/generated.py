"""`kansli generated sweep [--days N]`: remove the stored PDFs that a newer version has
superseded for N days (kansli.generated.sweep; docs/operations.md, "Generated documents")."""

import argparse
import datetime
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli import generated
from kansli.organisation.commands import KansliCommand, number_in


def days(value: str) -> int:
    number = number_in(value)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(
            _("Ogiltigt antal dagar %(value)s: ange ett heltal från 1.") % {"value": value}
        )
    return number


class Command(KansliCommand):
    help = _("Genererade dokument (sammanträdenas PDF:er), lagrade en gång per version.")

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        sweep = commands.add_parser(
            "sweep",
            help=_(
                "Ta bort lagrade versioner som en nyare version har ersatt, aldrig den senaste "
                "och aldrig ett fastställt dokument."
            ),
        )
        sweep.add_argument(
            "--days",
            type=days,
            default=30,
            help=_("Rör bara versioner som ersattes för mer än så här många dagar sedan (30)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        removed = generated.sweep(older_than=datetime.timedelta(days=options["days"]))
        for name in removed:
            self.stdout.write(_("Borttagen: %(name)s") % {"name": name})
        self.stdout.write(_("%(count)d ersatta versioner togs bort.") % {"count": len(removed)})
