# ruff: noqa: N999 - the file name is the command name, and the issue fixes it as `legal-time`.
"""`kansli legal-time appeal-deadline --posted ÅÅÅÅ-MM-DD`: the appeal period of a posting on the
notice board, from `kansli.legal_time`. With --json the output is a stable contract:

    kansli legal-time appeal-deadline --posted 2026-06-01 --json
    {"posted": "2026-06-01", "last_day": "2026-06-22", "taken_down": "2026-06-23"}

Exit code 2, with a message on stderr, when --posted is missing or is not a date.
"""

import datetime
import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kansli import legal_time
from kansli.organisation.commands import KansliCommand, bad_input, date_argument


def posted_date(text: str | None) -> datetime.date:
    if text is None:
        raise bad_input(_("Ange dagen då anslaget sattes upp: --posted ÅÅÅÅ-MM-DD."))
    return date_argument(text, option="--posted")


def spoken(day: datetime.date) -> str:
    return date_format(day, "l j F Y")


class Command(KansliCommand):
    # Plain gettext: argparse cannot format a lazy string (`--help` would fail).
    help = _(
        "Lagstadgade tider: appeal-deadline ger sista dag att överklaga och dagen då anslaget "
        "tas ned."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        appeal = sub.add_parser(
            "appeal-deadline",
            help=_("Överklagandetiden för ett anslag om justerat protokoll (KL 13 kap. 5 §)."),
        )
        # Not required=True: argparse would answer a missing --posted in English.
        appeal.add_argument(
            "--posted",
            metavar="ÅÅÅÅ-MM-DD",
            help=_("Dagen då justeringen tillkännagavs på anslagstavlan (krävs)."),
        )
        appeal.add_argument("--json", action="store_true", help=_("Svara med JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        period = legal_time.appeal_deadline(posted_date(options["posted"]))
        if options["json"]:
            self.stdout.write(json.dumps(period.as_dict()))
            return
        self.stdout.write(
            _(
                "Anslaget sattes upp %(posted)s. Sista dag att överklaga är %(last_day)s. "
                "Anslaget tas ned %(taken_down)s."
            )
            % {
                "posted": spoken(period.posted),
                "last_day": spoken(period.last_day),
                "taken_down": spoken(period.taken_down),
            }
        )
