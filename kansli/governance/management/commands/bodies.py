import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.organisation.commands import KansliCommand
from kansli.organisation.models import Body


class Command(KansliCommand):
    help = _("Kommuner och regioner i systemet, sorterade efter namn.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--json",
            action="store_true",
            help=_('Skriv ut en JSON-lista: [{"slug": …, "name": …}].'),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bodies = list(Body.objects.order_by("name", "slug").values("slug", "name"))
        if options["json"]:
            self.stdout.write(json.dumps(bodies, ensure_ascii=False))
            return
        if not bodies:
            self.stdout.write(_("Inga kommuner eller regioner."))
            return
        heading = _("Kortnamn")
        width = max(len(heading), *(len(body["slug"]) for body in bodies))
        self.stdout.write(f"{heading:<{width}}  {_('Namn')}")
        for body in bodies:
            self.stdout.write(f"{body['slug']:<{width}}  {body['name']}")
