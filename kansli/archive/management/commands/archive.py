from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.archive.forms import ExportForm
from kansli.archive.services import archive_export
from kansli.organisation.commands import KansliCommand, bad_input, body_named


class Command(KansliCommand):
    help = _("E-arkivet: exportera avslutade ärenden som informationspaket (FGS Ärendehantering).")

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        export = commands.add_parser(
            "export",
            help=_(
                "Skriv en kommuns eller regions ärenden avslutade före en dag, med handlingar "
                "och filer, som ett E-ARK SIP i en zip-fil."
            ),
        )
        export.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        export.add_argument(
            "--closed-before", required=True, help=_("Ärenden avslutade före dagen (ÅÅÅÅ-MM-DD).")
        )
        export.add_argument(
            "out", type=Path, help=_("Zip-filen som skrivs, till exempel arkiv.zip.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        form = ExportForm({"avslutade_fore": options["closed_before"]})
        if not form.is_valid():
            raise bad_input(" ".join(str(error) for error in form.errors["avslutade_fore"]))
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise bad_input(_("Mappen %(folder)s finns inte.") % {"folder": out.parent})
        partial = out.with_name(f".{out.name}.delvis")
        try:
            with partial.open("wb") as written:
                package = archive_export(
                    actor=None,
                    body=body,
                    closed_before=form.cleaned_data["avslutade_fore"],
                    out=written,
                )
        except ValidationError as error:
            partial.unlink(missing_ok=True)
            raise bad_input(" ".join(error.messages)) from error
        partial.replace(out)
        self.stdout.write(
            _("%(cases)d ärenden med %(files)d filer exporterade till %(out)s (paket %(id)s).")
            % {
                "cases": len(package.cases),
                "files": len(package.data),
                "out": out,
                "id": package.package_id,
            }
        )
