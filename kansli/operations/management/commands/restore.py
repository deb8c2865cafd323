"""`kansli restore --input FILE`: a backup from `kansli backup` into an empty database and an
empty storage, checked before and after (kansli.operations.backup)."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _

from kansli.operations.backup import backup_restore
from kansli.organisation.commands import KansliCommand, bad_input


class Command(KansliCommand):
    help = _(
        "Återläs en säkerhetskopia från kansli backup till en tom databas och en tom "
        "fillagring, och kontrollera händelseloggen och sökindexet efteråt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input", type=Path, required=True, help=_("Arkivet från kansli backup.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restored = backup_restore(options["input"])
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error
        self.stdout.write(
            _("Återläst: databasen från %(created)s (Kansli %(version)s) och %(files)d filer.")
            % {
                "created": restored.manifest["created_at"],
                "version": restored.manifest["kansli_version"],
                "files": restored.files,
            }
        )
        if restored.migrated:
            self.stdout.write(_("Databasen är migrerad till den här versionen av Kansli."))
        self.stdout.write(restored.verified)
        if not restored.search_answers:
            raise CommandError(
                _("Sökindexet hittar inte det som finns i databasen. Kör kansli reindex.")
            )
        self.stdout.write(_("Sökindexet svarar."))
