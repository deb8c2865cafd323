import datetime
from decimal import Decimal
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db.models import Q
from django.utils.translation import gettext as _

from kansli.followup.selectors.certification import (
    certification_check,
    certifications_outside_rights,
    rights_expired,
)
from kansli.organisation.commands import (
    KansliCommand,
    amount_or_none,
    bad_input,
    body_named,
    date_or_today,
    number_in,
)
from kansli.organisation.models import Body, Organization, Person

REFUSED = 1


def _person(body: Body, given: str) -> Person | None:
    """A person of the body by id or e-mail address."""
    number = number_in(given)
    found = Person.objects.filter(body=body).filter(
        Q(pk=number) if number is not None else Q(email__iexact=given)
    )
    return found.first()


class Command(KansliCommand):
    help = _(
        "Attesträtt: pröva en attest, eller lista upphörda attesträtter och attester utan rätt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        check = commands.add_parser(
            "check",
            help=_(
                "Med --person, --organization och --amount: får personen attestera betalningen "
                "(felkod 1 om inte)? Utan: upphörda attesträtter och attester utan giltig rätt "
                "(felkod 1 om det finns sådana attester)."
            ),
        )
        check.add_argument("--body", required=True, help=_("Kommunens eller regionens kortnamn."))
        check.add_argument("--person", help=_("Attestanten: id eller e-postadress."))
        check.add_argument("--organization", help=_("Organisationens kortnamn."))
        check.add_argument("--amount", help=_("Beloppet i kronor."))
        check.add_argument(
            "--payee", default="", help=_("Betalningsmottagaren: id, e-postadress eller namn.")
        )
        check.add_argument("--date", help=_("Dagen (ÅÅÅÅ-MM-DD); i dag annars."))

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        on = date_or_today(options["date"])
        if options["person"] or options["organization"] or options["amount"]:
            self._check_one(body, on, options)
        else:
            self._list(body, on)

    def _check_one(self, body: Body, on: datetime.date, options: dict[str, Any]) -> None:
        if not (options["person"] and options["organization"] and options["amount"]):
            raise bad_input(_("Ange --person, --organization och --amount tillsammans."))
        certifier = _person(body, options["person"])
        if certifier is None:
            raise bad_input(_("Ingen person %(given)s.") % {"given": options["person"]})
        organization = Organization.objects.filter(body=body, slug=options["organization"]).first()
        if organization is None:
            raise bad_input(
                _("Ingen organisation med kortnamnet %(slug)s.") % {"slug": options["organization"]}
            )
        amount = amount_or_none(options["amount"])
        payee = _person(body, options["payee"]) if options["payee"] else None
        check = certification_check(
            certifier=certifier,
            organization=organization,
            amount=amount or Decimal(0),
            on=on,
            payee=payee,
            payee_name=payee.name if payee else options["payee"],
        )
        if not check.allowed:
            raise CommandError(
                _("Inte tillåten: %(reason)s") % {"reason": check.reason}, returncode=REFUSED
            )
        self.stdout.write(_("Tillåten: %(reason)s") % {"reason": check.reason})

    def _list(self, body: Body, on: datetime.date) -> None:
        for right in rights_expired(body=body, on=on):
            self.stdout.write(
                _("Upphörd attesträtt: %(person)s, %(organization)s, till %(end)s")
                % {
                    "person": right.person.name,
                    "organization": right.organization.name,
                    "end": right.end,
                }
            )
        outside = certifications_outside_rights(body=body)
        for row, reason in outside:
            self.stdout.write(
                _("Attest utan giltig rätt: %(reference)s %(on)s, %(amount)s kronor: %(reason)s")
                % {
                    "reference": row.reference,
                    "on": row.certified_on.isoformat(),
                    "amount": row.amount,
                    "reason": reason,
                }
            )
        if outside:
            raise CommandError(
                _("%(count)d attester saknar giltig attesträtt.") % {"count": len(outside)},
                returncode=REFUSED,
            )
        self.stdout.write(_("Alla attester ryms i en giltig attesträtt."))
