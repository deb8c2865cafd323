"""`kansli minutes store-approved`: store, once, the minutes of every meeting approved before
Kansli stored minutes when they were sent for justering (`services.minutes_store_approved`).
Run again, it finds nothing left to store."""

from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.meetings import selectors, services
from kansli.meetings.selectors import minutes_name
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand):
    help = _(
        "Protokoll: store-approved lagrar en gång protokollen för sammanträden som justerades "
        "innan Kansli lagrade protokoll, återgivna ur databasen nu och märkta så."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser(
            "store-approved",
            help=_("Lagra protokollen för justerade sammanträden som saknar lagrat protokoll."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stored = 0
        for meeting in selectors.approved_without_minutes():
            version = services.minutes_store_approved(actor=None, meeting=meeting)
            if version is None:
                continue
            stored += 1
            self.stdout.write(
                _("Lagrat i efterhand: %(minutes)s, %(body)s (SHA-256 %(sha256)s).")
                % {
                    "minutes": minutes_name(meeting),
                    "body": meeting.organization.body,
                    "sha256": version.sha256,
                }
            )
        self.stdout.write(_("%(count)d protokoll lagrade.") % {"count": stored})
