"""`kansli export_body --body SLUG --output FILE --include-secret`: all of one body's data, its
secret records included, for the body's own use (kansli.operations.export)."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.operations.export import body_export
from kansli.organisation.commands import KansliCommand, bad_input, body_named


class Command(KansliCommand):
    help = _(
        "Exportera all data för en kommun eller region (JSON Lines per tabell, filerna och en "
        "innehållsförteckning), sekretessmarkerade uppgifter medräknade."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        parser.add_argument(
            "--output", type=Path, required=True, help=_("Arkivet att skriva (ny fil).")
        )
        parser.add_argument(
            "--include-secret",
            action="store_true",
            help=_(
                "Bekräfta att exporten innehåller sekretessmarkerade uppgifter och ska "
                "hanteras därefter."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["include_secret"]:
            raise bad_input(
                _(
                    "Exporten innehåller all data, också sekretessmarkerade uppgifter. Ange "
                    "--include-secret för att bekräfta att den ska hanteras därefter."
                )
            )
        body = body_named(options["body"])
        try:
            manifest = body_export(body, options["output"])
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error
        self.stdout.write(
            _("Exporten av %(body)s är skriven till %(name)s: %(rows)d rader och %(files)d filer.")
            % {
                "body": body.name,
                "name": options["output"],
                "rows": sum(manifest["rows"].values()),
                "files": manifest["files"],
            }
        )
