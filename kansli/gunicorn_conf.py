"""gunicorn's configuration for Kansli's web tier (`make serve`, deploy/kansli-web.service:
`gunicorn kansli.wsgi --config python:kansli.gunicorn_conf`): the hooks that let Prometheus see
all of gunicorn's workers at once (docs/observability.md, "Several gunicorn workers").

With PROMETHEUS_MULTIPROC_DIR set, prometheus_client writes each process's metrics into a file
of its own in that folder, and /metrics (django-prometheus' view) sums the files of them all.
The folder must start empty, since files left by the processes of an earlier run would be
summed too, and a worker that ends hands back its live gauges. The other settings stay on the
command line, where the Makefile and the unit show them.
"""

import os
from pathlib import Path
from typing import Any

from prometheus_client import multiprocess


def _metrics_dir() -> Path | None:
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return Path(folder) if folder else None


def on_starting(server: Any) -> None:
    """Before the first worker: the folder made if missing, and emptied of the metric files of
    an earlier run. Only prometheus_client's own files (`*.db`) are removed, so that a folder
    named by mistake loses nothing else."""
    folder = _metrics_dir()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob("*.db"):
        leftover.unlink()


def child_exit(server: Any, worker: Any) -> None:
    """A worker ended (stopped, restarted after its timeout, or recycled): its live gauges are
    no longer counted."""
    if _metrics_dir() is not None:
        multiprocess.mark_process_dead(worker.pid)
