"""Kansli under load (issue 16; docs/benchmarks.md; `make loadtest`): staff browsing cases,
searching and opening meetings, the public reading the portal, the anslagstavla and the PDFs,
and API clients listing with a bearer key, against a server on this machine only.

Each request is named by its group ("staff: ", "public: ", "api: ") so that the CSV's rows give
the p95 per page group. Configuration from the environment (loadtest/README.md):

    KANSLI_LOADTEST_BODY         the staff's body (default: bench, the bench body)
    KANSLI_LOADTEST_USERNAME     a staff user of that body who signs in through the form
    KANSLI_LOADTEST_PASSWORD     its password
    KANSLI_LOADTEST_PUBLIC_BODY  the body whose portal, anslagstavla and PDFs the public reads
                                 (default: vanersborg, the demo's)
    KANSLI_LOADTEST_API_KEY      a bearer key of a staff user of KANSLI_LOADTEST_BODY
"""

from __future__ import annotations

import csv
import math
import os
import random
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task
from locust.env import Environment

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

BODY = os.environ.get("KANSLI_LOADTEST_BODY", "bench")
PUBLIC_BODY = os.environ.get("KANSLI_LOADTEST_PUBLIC_BODY", "vanersborg")

# Words that the bench's documents and the demo's share, searched two at a time.
WORDS = [
    "yttrande",
    "remiss",
    "budget",
    "förslag",
    "avtal",
    "upphandling",
    "detaljplan",
    "bygglov",
    "skola",
    "förskola",
    "taxa",
    "avgift",
    "bidrag",
    "revision",
    "granskning",
    "riktlinje",
    "policy",
    "plan",
    "strategi",
    "personal",
    "fastighet",
    "investering",
    "bistånd",
    "tillsyn",
    "miljö",
]

# Which case, search or PDF a user takes: load, not security.
RNG = random.Random()  # noqa: S311

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class HostRefusedError(ValueError):
    pass


def require_loopback(host: str | None) -> str:
    """The host if it is http:// on this machine's loopback; anything else is refused, so that
    the load never leaves the machine."""
    parts = urlsplit(host or "")
    if parts.scheme != "http" or parts.hostname not in LOOPBACK:
        raise HostRefusedError(f"loadtest runs against http://127.0.0.1 only, not {host!r}")
    return host or ""


@events.init.add_listener
def _refuse_other_hosts(environment: Environment, **_kwargs: object) -> None:
    # SystemExit passes through locust's handling of a listener's errors: no user starts.
    try:
        require_loopback(environment.host)
    except HostRefusedError as refused:
        raise SystemExit(str(refused)) from refused


# Every request as (started, name, milliseconds), for the figures once the sign-ins are over.
REQUESTS: list[tuple[float, str, float]] = []
SIGN_IN = "staff: sign in"


@events.request.add_listener
def _record(name: str, response_time: float, start_time: float, **_kwargs: object) -> None:
    REQUESTS.append((start_time, name, response_time))


def settled(requests: list[tuple[float, str, float]]) -> dict[str, tuple[int, float, float]]:
    """Per request name, the count, p50 and p95 (nearest rank, in ms) of the requests started
    after the last sign-in had been answered: the run once the staff's burst of password
    hashing at the start is over."""
    signed_in = max(
        (started + ms / 1000 for started, name, ms in requests if name == SIGN_IN), default=0.0
    )
    times: dict[str, list[float]] = defaultdict(list)
    for started, name, ms in requests:
        if started > signed_in:
            times[name].append(ms)
            times["Aggregated"].append(ms)

    def rank(values: list[float], share: float) -> float:
        return values[max(0, math.ceil(share * len(values)) - 1)]

    return {
        name: (len(values), rank(sorted(values), 0.5), rank(sorted(values), 0.95))
        for name, values in sorted(times.items())
    }


@events.quitting.add_listener
def _write_settled(environment: Environment, **_kwargs: object) -> None:
    """`<csv prefix>_settled.csv` beside locust's own CSV files (loadtest/README.md)."""
    prefix = getattr(environment.parsed_options, "csv_prefix", None)
    if not prefix:
        return
    with Path(f"{prefix}_settled.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Name", "Request Count", "50%", "95%"])
        for name, (count, median, p95) in settled(REQUESTS).items():
            writer.writerow([name, count, round(median), round(p95)])


def links(html: str, pattern: str) -> list[str]:
    """The hrefs in the page that match the pattern, each once."""
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


def environ(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set (loadtest/README.md)")
    return value


class Staff(HttpUser):
    """A case officer: signs in, pages through the case list, opens cases, searches, opens a
    meeting."""

    weight = 3
    wait_time = between(1, 3)

    def on_start(self) -> None:
        require_loopback(self.host)
        form = self.client.get("/logga-in/", name="staff: sign-in form")
        found = CSRF.search(form.text)
        token = found.group(1) if found else ""
        with self.client.post(
            "/logga-in/",
            {
                "username": environ("KANSLI_LOADTEST_USERNAME"),
                "password": environ("KANSLI_LOADTEST_PASSWORD"),
                "csrfmiddlewaretoken": token,
            },
            name=SIGN_IN,
            catch_response=True,
        ) as response:
            if "/logga-in/" in response.url:
                response.failure("the sign-in was refused")
        self.cases: list[str] = []
        self.meetings: list[str] = []

    @task(3)
    def case_list(self) -> None:
        page = self.client.get(f"/{BODY}/diarium/", name="staff: case list")
        self.cases = links(page.text, rf"/{BODY}/diarium/arenden/\d+/") or self.cases
        later = re.search(r'href="\?efter=(\d+)', page.text)
        if later:
            self.client.get(
                f"/{BODY}/diarium/", params={"efter": later.group(1)}, name="staff: case list"
            )

    @task(3)
    def case(self) -> None:
        if self.cases:
            self.client.get(RNG.choice(self.cases), name="staff: case")

    @task(2)
    def search(self) -> None:
        query = " ".join(RNG.sample(WORDS, 2))
        self.client.get(f"/{BODY}/diarium/sok/", params={"q": query}, name="staff: search")

    @task(1)
    def meeting(self) -> None:
        calendar = self.client.get(f"/{BODY}/sammantraden/", name="staff: meetings")
        self.meetings = links(calendar.text, rf"/{BODY}/sammantraden/\d+/") or self.meetings
        if self.meetings:
            self.client.get(RNG.choice(self.meetings), name="staff: meeting")


class Public(HttpUser):
    """A resident: the portal, the postlista, the anslagstavla, and the minutes' PDFs."""

    weight = 3
    wait_time = between(1, 3)

    def on_start(self) -> None:
        require_loopback(self.host)
        self.pdfs: list[str] = []

    @task(2)
    def portal(self) -> None:
        self.client.get(f"/{PUBLIC_BODY}/", name="public: portal")

    @task(2)
    def postlista(self) -> None:
        self.client.get(f"/{PUBLIC_BODY}/postlista/", name="public: postlista")

    @task(2)
    def posting_board(self) -> None:
        self.client.get(f"/{PUBLIC_BODY}/anslagstavla/", name="public: anslagstavla")

    @task(2)
    def minutes(self) -> None:
        page = self.client.get(f"/{PUBLIC_BODY}/protokoll/", name="public: minutes")
        self.pdfs = links(page.text, rf"/{PUBLIC_BODY}/[^\"]+\.pdf") or self.pdfs

    @task(3)
    def pdf(self) -> None:
        if self.pdfs:
            self.client.get(RNG.choice(self.pdfs), name="public: pdf")


class ApiClient(HttpUser):
    """An integration: lists cases, the postlista, decisions and meetings with a bearer key."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        require_loopback(self.host)
        self.client.headers["Authorization"] = f"Bearer {environ('KANSLI_LOADTEST_API_KEY')}"

    @task(3)
    def cases(self) -> None:
        self.client.get(f"/api/v1/bodies/{BODY}/registry/cases", name="api: cases")

    @task(2)
    def registry_list(self) -> None:
        self.client.get(f"/api/v1/bodies/{BODY}/registry/list", name="api: postlista")

    @task(1)
    def decisions(self) -> None:
        self.client.get(f"/api/v1/bodies/{BODY}/decisions", name="api: decisions")

    @task(1)
    def meetings(self) -> None:
        self.client.get(f"/api/v1/bodies/{BODY}/meetings", name="api: meetings")
