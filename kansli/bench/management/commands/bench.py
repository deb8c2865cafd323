"""`kansli bench authority`: checks per second and latency of the delegation engine for orders
of 100, 1,000 and 10,000 rules in a body of 10,000 positions (docs/benchmarks.md)."""

from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.bench.authority import bench_checks
from kansli.bench.bodies import (
    add_bodies_command,
    add_loadtest_user_command,
    handle_bodies_command,
)
from kansli.bench.meetings import add_meetings_command, handle_meetings_command
from kansli.bench.registry import add_registry_commands, handle_registry_command
from kansli.bench.search_quality import (
    add_search_quality_command,
    handle_search_quality_command,
)
from kansli.organisation.commands import KansliCommand

SIZES = (100, 1_000, 10_000)


class Command(KansliCommand):
    help = _("Mät hur snabbt delegationsmotorn svarar (authority).")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        authority = sub.add_parser("authority", help=_("Kontroller per sekund, p50 och p99."))
        authority.add_argument(
            "--checks", type=int, default=50_000, help=_("Antal kontroller per storlek.")
        )
        authority.add_argument(
            "--positions", type=int, default=10_000, help=_("Antal befattningar.")
        )
        add_registry_commands(sub)
        add_meetings_command(sub)
        add_search_quality_command(sub)
        add_bodies_command(sub)
        add_loadtest_user_command(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        if handle_registry_command(self.stdout, options):
            return
        if handle_meetings_command(self.stdout, options):
            return
        if handle_search_quality_command(self.stdout, options):
            return
        if handle_bodies_command(self.stdout, options):
            return
        self.stdout.write(
            _("Delegationsmotorn, en kärna, %(checks)d kontroller per storlek:")
            % {"checks": options["checks"]}
        )
        for rules in SIZES:
            result = bench_checks(rules, options["positions"], n_checks=options["checks"])
            self.stdout.write(str(result))
