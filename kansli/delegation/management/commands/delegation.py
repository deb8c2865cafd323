"""`kansli delegation import` and `kansli delegation export`: delegation orders as YAML files
(docs/delegation-order-format.md)."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import order_text
from kansli.delegation.services import order_import
from kansli.organisation.commands import (
    KansliCommand,
    bad_input,
    body_named,
    first_of,
    number_in,
    text_file,
)
from kansli.organisation.models import Body


class Command(KansliCommand):
    help = _("Delegationsordningar som YAML-filer: import läser in, export skriver ut.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        reading = sub.add_parser("import", help=_("Läs in en ordning från en YAML-fil."))
        writing = sub.add_parser("export", help=_("Skriv ut en ordning som YAML."))
        for command in (reading, writing):
            command.add_argument(
                "--body", required=True, help=_("Kommunens eller regionens kortnamn.")
            )
        reading.add_argument("file", help=_("YAML-filen."))
        writing.add_argument(
            "--order", help=_("Ordningens id (i filen) eller nummer; behövs när det finns flera.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        if options["subcommand"] == "import":
            self._import(body, Path(options["file"]))
        else:
            self.stdout.write(order_text(order=self._order(body, options["order"])), ending="")

    def _import(self, body: Body, path: Path) -> None:
        text = text_file(path)
        try:
            order = order_import(actor=None, body=body, text=text, source_name=str(path))
        except ValidationError as error:
            raise bad_input(first_of(error.messages)) from error
        self.stdout.write(
            _("Inläst: %(order)s (%(id)s), %(rules)d regler och %(duties)d skyldigheter.")
            % {
                "order": order,
                "id": order.key,
                "rules": order.rules.count(),
                "duties": order.duties.count(),
            }
        )

    def _order(self, body: Body, wanted: str | None) -> DelegationOrder:
        orders = DelegationOrder.objects.filter(body=body).order_by("valid_from", "pk")
        if wanted is not None:
            number = number_in(wanted)
            lookup = {"pk": number} if number is not None else {"key": wanted}
            order = orders.filter(**lookup).first()
            if order is None:
                raise bad_input(
                    _("%(body)s har ingen delegationsordning %(id)s.")
                    % {"body": body, "id": wanted}
                )
            return order
        if len(orders) != 1:
            keys = ", ".join(order.key for order in orders) or _("inga")
            raise bad_input(
                _("Ange vilken ordning med --order; %(body)s har: %(keys)s.")
                % {"body": body, "keys": keys}
            )
        return orders[0]
