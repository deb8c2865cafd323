"""/metrics under gunicorn with several workers (kansli/gunicorn_conf.py): with
PROMETHEUS_MULTIPROC_DIR set, a scrape answered by any worker sums the requests of them all,
also of workers that have since ended; the folder is made and emptied of an earlier run's files
when gunicorn starts, and a worker that ends hands back its live gauges."""

import os
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from kansli import gunicorn_conf
from kansli.tests.servers import free_port, wait_until_answers

REQUESTS = 10
# Each worker is replaced after this many requests, so that no one worker has served them all.
WORKER_LIFE = 4
HEALTHZ_COUNT = re.compile(
    r'^django_http_requests_total_by_view_transport_method_total\{[^}]*view="healthz"[^}]*\} '
    r"(\S+)$",
    re.MULTILINE,
)


def test_gunicorn_starting_makes_the_folder_and_removes_only_an_earlier_runs_metrics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "metrics"
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    gunicorn_conf.on_starting(server=None)
    (folder / "counter_4711.db").write_bytes(b"left from an earlier run")
    (folder / "notes.txt").write_text("not prometheus'")

    gunicorn_conf.on_starting(server=None)

    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt"]


def test_a_worker_that_ends_hands_back_its_live_gauges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    (tmp_path / "gauge_livesum_4711.db").write_bytes(b"")
    (tmp_path / "counter_4711.db").write_bytes(b"")

    gunicorn_conf.child_exit(server=None, worker=SimpleNamespace(pid=4711))

    assert sorted(path.name for path in tmp_path.iterdir()) == ["counter_4711.db"]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - 127.0.0.1 only
        return str(response.read().decode())


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """gunicorn with two workers, each replaced after WORKER_LIFE requests, on a free port of
    127.0.0.1, the metrics' folder not yet made; its address once it answers, and the folder."""
    folder = tmp_path / "metrics"
    port = free_port()
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("PROMETHEUS")
    }
    environment.pop("DATABASE_URL", None)  # an SQLite database of its own, never the suite's
    environment |= {
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
        "KANSLI_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "kansli.settings_test",
    }
    command = [
        *(sys.executable, "-m", "gunicorn", "kansli.wsgi"),
        *("--config", "python:kansli.gunicorn_conf"),
        *("--bind", f"127.0.0.1:{port}", "--workers", "2"),
        *("--max-requests", str(WORKER_LIFE), "--no-control-socket"),
    ]
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - a fixed command: this interpreter, gunicorn
        command, env=environment, stdout=subprocess.DEVNULL, stderr=log
    )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(server, f"{address}/metrics")
        yield address, folder
    finally:
        server.terminate()
        server.wait()
        log.close()


@pytest.mark.slow
def test_a_scrape_sums_every_workers_requests(gunicorn: tuple[str, Path]) -> None:
    address, folder = gunicorn
    for _ in range(REQUESTS):
        assert get(f"{address}/healthz") == "ok"

    scrapes = [get(f"{address}/metrics") for _ in range(3)]

    counter_files = list(folder.glob("counter_*.db"))
    assert len(counter_files) > REQUESTS // WORKER_LIFE  # many workers wrote their metrics
    for scrape in scrapes:
        assert [float(count) for count in HEALTHZ_COUNT.findall(scrape)] == [REQUESTS]
