"""`kansli reindex [--body SLUG] [--enqueue]`: make the index terms of every search entry (or
one body's) again from the text the entry holds, for instance after the Swedish dictionary
changed (docs/search.md). The texts themselves are rebuilt from the registry whenever a
document is registered or changed. It runs here, reporting how far it came, or, with
--enqueue, as a background task for the task worker (kansli.search.tasks.reindex)."""

from typing import Any

from django.core.management.base import CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.organisation.commands import KansliCommand, body_named
from kansli.search import index
from kansli.search.tasks import reindex
from kansli.web.progress import run_start


class Command(KansliCommand):
    help = _("Gör om sökindexets termer för alla handlingar.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--body", help=_("Bara den här kommunens eller regionens handlingar (kortnamnet).")
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=_("Lägg arbetet i kön åt bakgrundsarbetaren i stället för att göra det här."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"]) if options["body"] else None
        body_id = body.pk if body is not None else None
        if options["enqueue"]:
            with transaction.atomic():
                run = run_start(
                    user=None,
                    title=_("Sökindexet görs om"),
                    task=reindex,
                    body=body_id,
                )
            self.stdout.write(_("Lagt i kön: uppgift %(run)s.") % {"run": run.pk})
            return
        index.reindex(
            body_id=body_id,
            report=lambda done, total: self.stdout.write(f"{done:,} / {total:,}"),
        )
