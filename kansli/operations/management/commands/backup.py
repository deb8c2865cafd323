"""`kansli backup --output FILE`: the database, every stored file and a manifest in one archive
(kansli.operations.backup; docs/operations.md, "Backup and restore")."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.operations.backup import backup_write
from kansli.organisation.commands import KansliCommand, bad_input


class Command(KansliCommand):
    help = _("Säkerhetskopiera databasen och alla lagrade filer till ett arkiv (tar).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, required=True, help=_("Arkivet att skriva (ny fil).")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = backup_write(options["output"])
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error
        self.stdout.write(
            _("Säkerhetskopian %(name)s är skriven: databasen och %(files)d filer.")
            % {"name": options["output"], "files": files}
        )
