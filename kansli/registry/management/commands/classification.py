"""`kansli classification import --body SLUG FILE`: a body's classification plan from its YAML
file (docs/classification-plan-format.md)."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.organisation.commands import (
    KansliCommand,
    bad_input,
    body_named,
    first_of,
    text_file,
)
from kansli.registry.plans import plan_import


class Command(KansliCommand):
    help = _("Klassificeringsstrukturer som YAML-filer: import läser in en kommuns eller regions.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        reading = sub.add_parser("import", help=_("Läs in en klassificeringsstruktur."))
        reading.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        reading.add_argument("file", help=_("YAML-filen."))

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        path = Path(options["file"])
        text = text_file(path)
        try:
            plan = plan_import(actor=None, body=body, text=text, source_name=str(path))
        except ValidationError as error:
            raise bad_input(first_of(error.messages)) from error
        self.stdout.write(
            _("Inläst: %(plan)s, %(classes)d klasser.")
            % {"plan": plan, "classes": plan.classes.count()}
        )
