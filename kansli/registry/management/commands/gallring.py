"""`kansli gallring --body SLUG [--dry-run]`: what each retention rule has due for disposal
today, and, without --dry-run, its disposal decided and carried out by the system: the stored
files are removed by a background task, worked by the task worker."""

from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.organisation.commands import KansliCommand, body_named
from kansli.registry.disposal import Due, all_due, disposal_decide


class Command(KansliCommand):
    help = _("Gallring: visar vad som ska gallras enligt varje gallringsregel och gallrar det.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Visa bara vad som ska gallras.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        for found in all_due(body=body, on=timezone.localdate()):
            self._due(found)
            if found.empty or options["dry_run"]:
                continue
            decided = disposal_decide(actor=None, rule=found.rule)
            self.stdout.write(
                _("Gallrat: %(disposal)s, beslut %(number)s.")
                % {"disposal": decided.disposal, "number": decided.disposal.decision.number}
            )
            if decided.removal is not None:
                self.stdout.write(
                    _("Filerna tas bort av en bakgrundsuppgift (%(run)s).")
                    % {"run": decided.removal.pk}
                )

    def _due(self, found: Due) -> None:
        self.stdout.write(
            _(
                "%(rule)s: ärenden avslutade senast %(date)s: %(cases)d ärenden, %(documents)d "
                "handlingar."
            )
            % {
                "rule": found.rule,
                "date": found.closed_on_or_before.isoformat(),
                "cases": len(found.cases),
                "documents": len(found.documents),
            }
        )
        for case in found.cases:
            self.stdout.write(f"  {case.number} ({case.closed_on})")
        for document in found.documents:
            self.stdout.write(f"  {document.number}")
