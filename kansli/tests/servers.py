"""Servers the tests start as processes of their own on 127.0.0.1 (gunicorn, moto's S3
server): a free port to bind, and a wait until the server answers."""

import socket
import subprocess
import time
import urllib.error
import urllib.request

START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - 127.0.0.1 only
            return True
    except urllib.error.HTTPError:  # an answer all the same
        return True
    except OSError:
        return False


def wait_until_answers(process: subprocess.Popen, url: str) -> None:
    """Return once the server `process` answers at `url`; fail if it stops or takes longer
    than START_TIMEOUT."""
    deadline = time.monotonic() + START_TIMEOUT
    while not _answers(url):
        assert process.poll() is None, f"{process.args} stopped"
        assert time.monotonic() < deadline, f"{process.args} did not answer"
        time.sleep(0.2)
