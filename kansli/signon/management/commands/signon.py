from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.organisation.commands import KansliCommand, bad_input, first_of
from kansli.organisation.models import Body
from kansli.signon import directory


class Command(KansliCommand):
    help = _("Inloggning via organisationen: check prövar mappningsfilen (docs/identity.md).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        check = sub.add_parser("check", help=_("Pröva mappningsfilen och säg vad som är fel."))
        check.add_argument(
            "file", nargs="?", default="", help=_("Filen; utan den KANSLI_SIGNON_MAPPING.")
        )

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        path = file or settings.KANSLI_SIGNON_MAPPING
        if not path:
            raise bad_input(_("Ange filen, eller sätt KANSLI_SIGNON_MAPPING."))
        try:
            found = directory.load(path)
        except directory.MappingError as error:
            raise bad_input(f"{path}: {first_of(error.problems)}") from None
        known = set(Body.objects.filter(slug__in=list(found.bodies)).values_list("slug", flat=True))
        if unknown := sorted(set(found.bodies) - known):
            raise bad_input(
                _("Det finns ingen kommun eller region med kortnamnet %(slugs)s.")
                % {"slugs": ", ".join(unknown)}
            )
        self.stdout.write(
            _(
                "Mappningsfilen är giltig: personen känns igen på %(claim)s (%(match)s), "
                "grupperna i %(groups)s, %(groups_count)s grupper i %(bodies)s."
            )
            % {
                "claim": found.claim,
                "match": found.match,
                "groups": found.groups_claim,
                "groups_count": sum(len(groups) for groups in found.bodies.values()),
                "bodies": ", ".join(sorted(found.bodies)),
            }
        )
