"""`kansli audit`: verify the log (its chain, its anchors and the rows it answers for), print the
chain's head as an anchor line, and re-key the chain when the key is rotated."""

import os
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.audit.adoption import row_adopt
from kansli.audit.chain import KEYED, event_hash
from kansli.audit.models import ChainHead, Event
from kansli.audit.rekeying import chain_rekey
from kansli.audit.selectors import (
    RowReport,
    anchor_line,
    anchors_read,
    anchors_verify,
    chain_verify,
    files_verify,
    rows_verify,
    unaccounted_change,
)
from kansli.organisation.commands import KansliCommand, bad_input

PROBLEMS = {
    "missing": gettext_lazy("händelsen saknas (raderad)"),
    "broken link": gettext_lazy("länken till föregående händelse stämmer inte"),
    "altered": gettext_lazy("innehållet har ändrats efter att händelsen skrevs"),
    "missing at the end": gettext_lazy("händelsen saknas i slutet av kedjan (raderad)"),
    "beyond the end": gettext_lazy("händelsen ligger efter kedjans registrerade slut"),
}
ANCHOR_PROBLEMS = {
    "missing": gettext_lazy("den förankrade händelsen saknas"),
    "altered": gettext_lazy("kontrollsumman är inte den förankrade"),
}
ROW_PROBLEMS = {
    "no event": gettext_lazy("ingen händelse beskriver raden (infogad utanför loggen)"),
    "deleted": gettext_lazy("raden saknas men ingen händelse raderade den"),
    "not deleted": gettext_lazy("raden finns men en händelse raderade den"),
    "differs": gettext_lazy("fältet %(field)s är inte vad den senaste händelsen beskriver"),
    "unaccounted INSERT": gettext_lazy("infogades utan händelse"),
    "unaccounted UPDATE": gettext_lazy("fältet %(field)s ändrades utan händelse"),
    "unaccounted DELETE": gettext_lazy("raderades utan händelse"),
}
FILE_PROBLEMS = {
    "changed": gettext_lazy("filens innehåll är inte det som kontrollsumman i loggen anger"),
    "missing": gettext_lazy("filen saknas"),
}
# Where `rekey` finds the key the chain is hashed with now; KANSLI_AUDIT_KEY holds the new one.
OLD_KEY = "KANSLI_AUDIT_OLD_KEY"


def row_message(report: RowReport) -> str:
    problem = ROW_PROBLEMS[report.problem] % {"field": report.field}
    message = _("Raden %(type)s %(id)s stämmer inte med händelseloggen: %(problem)s") % {
        "type": report.object_type,
        "id": report.object_id,
        "problem": problem,
    }
    if report.seq is not None:
        message += _(" (händelse %(seq)d)") % {"seq": report.seq}
    return message + "."


class Command(KansliCommand):
    help = _(
        "Händelseloggen: verify kontrollerar kedjan, förankringarna och tabellernas rader, "
        "anchor skriver ut kedjans slut, rekey nycklar om kedjan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        verify = sub.add_parser(
            "verify", help=_("Kontrollera kedjan och att raderna stämmer med den.")
        )
        verify.add_argument(
            "--anchors",
            type=Path,
            help=_("En fil med rader från kansli audit anchor, att jämföra kedjan med."),
        )
        sub.add_parser(
            "anchor",
            help=_("Skriv ut kedjans slut (tid, löpnummer, kontrollsumma) att spara utanför."),
        )
        adopt = sub.add_parser(
            "adopt",
            help=_(
                "Ta in en rad som ändrats utanför tjänsterna i loggen som den ser ut nu, "
                "när ändringen är utredd."
            ),
        )
        adopt.add_argument("object_type", help=_("Tabellen, som verify namnger den."))
        adopt.add_argument("object_id", help=_("Radens id."))
        sub.add_parser(
            "rekey",
            help=_("Nyckla om kedjan från nyckeln i %(old)s till KANSLI_AUDIT_KEY.")
            % {"old": OLD_KEY},
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "anchor":
            self.stdout.write(anchor_line())
        elif options["subcommand"] == "rekey":
            self._rekey()
        elif options["subcommand"] == "adopt":
            self._adopt(options["object_type"], options["object_id"])
        else:
            self._verify(options["anchors"])

    def _verify(self, anchors: Path | None) -> None:
        failures = []
        chain = chain_verify()
        if not chain.intact:
            failures.append(
                _("Händelseloggen är bruten vid händelse %(seq)d: %(problem)s.")
                % {"seq": chain.first_bad_seq, "problem": PROBLEMS[chain.problem]}
            )
        if anchors is not None:
            try:
                lines = anchors.read_text().splitlines()
            except OSError as error:
                raise CommandError(
                    _("Förankringarna kunde inte läsas: %(error)s") % {"error": error}
                ) from error
            anchored = anchors_verify(anchors_read(lines))
            if anchored is not None:
                failures.append(
                    _(
                        "Händelseloggen stämmer inte med förankringen vid händelse %(seq)d: "
                        "%(problem)s."
                    )
                    % {"seq": anchored.seq, "problem": ANCHOR_PROBLEMS[anchored.problem]}
                )
        failures += [row_message(found) for found in (unaccounted_change(), rows_verify()) if found]
        stored = files_verify()
        if stored is not None:
            failures.append(
                _("Filen %(name)s till %(row)s stämmer inte: %(problem)s.")
                % {"name": stored.name, "row": stored.row, "problem": FILE_PROBLEMS[stored.problem]}
            )
        if failures:
            raise CommandError("\n".join(failures))
        self.stdout.write(
            _("Händelseloggen är obruten: %(count)d händelser kontrollerade.")
            % {"count": chain.checked}
        )

    def _adopt(self, object_type: str, object_id: str) -> None:
        try:
            event = row_adopt(object_type=object_type, object_id=object_id)
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error
        self.stdout.write(
            _("Raden %(type)s %(id)s är intagen i händelseloggen som händelse %(seq)d.")
            % {"type": object_type, "id": object_id, "seq": event.seq}
        )

    def _rekey(self) -> None:
        old_key = os.environ.get(OLD_KEY, "")
        if not old_key:
            raise CommandError(
                _("Ange den nuvarande nyckeln i %(old)s och den nya i KANSLI_AUDIT_KEY.")
                % {"old": OLD_KEY}
            )
        try:
            with transaction.atomic():
                count = chain_rekey(
                    events=Event,
                    heads=ChainHead,
                    old_hash=partial(event_hash, old_key),
                    old_name=KEYED,
                    key=settings.KANSLI_AUDIT_KEY,
                )
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(
            _("Kedjan är omnycklad: %(count)d händelser. Börja en ny fil med förankringar.")
            % {"count": count}
        )
