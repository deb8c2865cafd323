"""`kansli audit verify`: check that no event of the log was altered, inserted or deleted."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.audit.selectors import chain_verify

PROBLEMS = {
    "missing": gettext_lazy("händelsen saknas (raderad)"),
    "broken link": gettext_lazy("länken till föregående händelse stämmer inte"),
    "altered": gettext_lazy("innehållet har ändrats efter att händelsen skrevs"),
    "missing at the end": gettext_lazy("händelsen saknas i slutet av kedjan (raderad)"),
    "beyond the end": gettext_lazy("händelsen ligger efter kedjans registrerade slut"),
}


class Command(BaseCommand):
    help = _("Händelseloggen: verify kontrollerar att kedjan är obruten.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("verify", help=_("Kontrollera hela kedjan av händelser."))

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain_verify()
        if not report.intact:
            raise CommandError(
                _("Händelseloggen är bruten vid händelse %(seq)d: %(problem)s.")
                % {"seq": report.first_bad_seq, "problem": PROBLEMS[report.problem]}
            )
        self.stdout.write(
            _("Händelseloggen är obruten: %(count)d händelser kontrollerade.")
            % {"count": report.checked}
        )
