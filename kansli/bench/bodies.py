"""Many bodies in one installation, as a shared service hosts them (docs/benchmarks.md):

    kansli bench seed --documents 100000 --bodies 300   # the bench body and 300 others
    kansli bench bodies --bodies 300                    # one body's pages with 1, then 301

`seed --bodies N` gives each other body its organs, officers and cases with documents spread as
the bench body's (`registry.seed`). `bodies` times the bench body's pages as its staff see
them (the case list, a search, the week's postlista, the start page and the director's duty
dashboard) through the whole stack, first with the bodies present, then after seeding the
others, and prints the ratios: a body's pages must cost the same beside 300 others.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.test import Client, override_settings
from django.utils.translation import gettext as _

from kansli.accounts.models import Role
from kansli.bench.registry import BODY, Timing, bench_user, seed_bodies, timed, two_word_queries
from kansli.organisation.models import Body


@dataclass(frozen=True)
class Measurement:
    bodies: int
    pages: tuple[Timing, ...]


LOADTEST_USER = "bank-handlaggare"


def measure(*, runs: int, query: str) -> Measurement:
    """The bench body's pages as its director sees them, each `runs` times, with the
    bodies present now; the search for `query`."""
    body = Body.objects.get(slug=BODY)
    client = Client()
    client.force_login(bench_user(body, "bank-direktor", Role.DIRECTOR))
    pages: tuple[tuple[str, str, dict[str, str]], ...] = (
        (_("Ärendelistan"), f"/{BODY}/diarium/", {}),
        (_("Sökning, två ord"), f"/{BODY}/diarium/sok/", {"q": query}),
        (_("Postlistan, veckan"), f"/{BODY}/postlista/", {"period": "vecka"}),
        (_("Startsidan"), "/", {}),
        (_("Direktörens plikter"), f"/{BODY}/uppfoljning/", {}),
    )
    timings = []
    for label, url, params in pages:

        def fetch(url: str = url, params: dict[str, str] = params) -> None:
            response = client.get(url, params)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code}")

        fetch()  # the first fetch fills the caches; a user's next one is what is measured
        timings.append(timed(str(label), [fetch] * runs))
    return Measurement(Body.objects.count(), tuple(timings))


@dataclass(frozen=True)
class BodiesResult:
    before: Measurement
    after: Measurement

    def __str__(self) -> str:
        lines = [
            _("Den syntetiska kommunens sidor med %(before)d och med %(after)d kommuner:")
            % {"before": self.before.bodies, "after": self.after.bodies}
        ]
        for first, then in zip(self.before.pages, self.after.pages, strict=True):
            ratio = statistics.median(then.samples) / statistics.median(first.samples)
            lines += [f"  {first}", f"  {then}", f"  {first.label}: ×{ratio:.2f}"]
        return "\n".join(lines)


def bench_bodies(
    *, bodies: int, documents_per_body: int, runs: int, progress: Callable[[str], None] = print
) -> BodiesResult:
    """The bench body's pages with the bodies present, then with `bodies` others seeded."""
    rng = random.Random(0)  # noqa: S311 - synthetic data, not security
    query = next(two_word_queries(body=Body.objects.get(slug=BODY), count=1, rng=rng))
    # A server runs without DEBUG, whose log of every query would be measured too.
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        before = measure(runs=runs, query=query)
        seed_bodies(bodies=bodies, documents_per_body=documents_per_body, progress=progress)
        after = measure(runs=runs, query=query)
    return BodiesResult(before, after)


def add_bodies_command(sub: Any) -> None:
    """`kansli bench bodies`, a subcommand of `kansli bench`."""
    measuring = sub.add_parser(
        "bodies",
        help=_("En kommuns sidor med bara den och med N andra kommuner i systemet."),
    )
    measuring.add_argument("--bodies", type=int, default=300, help=_("Antal andra kommuner."))
    measuring.add_argument(
        "--documents-per-body",
        type=int,
        default=1_000,
        help=_("Antal handlingar i varje annan kommun."),
    )
    measuring.add_argument("--runs", type=int, default=20, help=_("Mätningar per sida."))


def add_loadtest_user_command(sub: Any) -> None:
    """`kansli bench loadtest-user`, a subcommand of `kansli bench`."""
    sub.add_parser(
        "loadtest-user",
        help=_("Skapa den syntetiska kommunens handläggare för lasttestet och skriv ut namnet."),
    )


def handle_bodies_command(stdout: Any, options: dict[str, Any]) -> bool:
    """Run `bodies` or `loadtest-user` if that is the subcommand; False for any other."""
    if options["subcommand"] == "loadtest-user":
        # The staff user whom loadtest/locustfile.py signs in: a case officer of the bench body,
        # given a password by `kansli changepassword` and a key by `kansli apitoken create`.
        stdout.write(bench_user(Body.objects.get(slug=BODY), LOADTEST_USER).username)
        return True
    if options["subcommand"] != "bodies":
        return False
    result = bench_bodies(
        bodies=options["bodies"],
        documents_per_body=options["documents_per_body"],
        runs=options["runs"],
        progress=stdout.write,
    )
    stdout.write(str(result))
    return True
