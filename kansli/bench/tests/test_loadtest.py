"""The load test's locustfile (loadtest/locustfile.py) imports, names its three kinds of user,
and refuses any host but this machine's loopback. Locust patches the standard library with
gevent when imported, so each check runs in a process of its own."""

import subprocess
import sys
from pathlib import Path

LOADTEST = Path(__file__).resolve().parents[3] / "loadtest"
LOCUST = Path(sys.executable).with_name("locust")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], cwd=LOADTEST, capture_output=True, text=True, check=False
    )


def test_the_locustfile_imports_with_staff_public_and_api_users() -> None:
    ran = _python(
        "import locustfile as f; "
        "print(sorted(c.__name__ for c in (f.Staff, f.Public, f.ApiClient) if c.tasks))"
    )

    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "['ApiClient', 'Public', 'Staff']"


def test_the_host_guard_accepts_loopback_and_refuses_any_other_host() -> None:
    ran = _python(
        "import locustfile as f\n"
        "for host in ('http://127.0.0.1:8000', 'http://localhost:8000', 'http://[::1]:8000'):\n"
        "    f.require_loopback(host)\n"
        "for host in ('http://example.com', 'http://10.0.0.5:8000', 'https://127.0.0.1:8000',\n"
        "             'http://127.0.0.1.example.com', '', None):\n"
        "    try:\n"
        "        f.require_loopback(host)\n"
        "    except f.HostRefusedError:\n"
        "        print('refused', host)\n"
    )

    assert ran.returncode == 0, ran.stderr
    assert len(ran.stdout.splitlines()) == 6


def test_locust_stops_before_any_user_starts_when_pointed_at_another_host() -> None:
    ran = subprocess.run(  # noqa: S603 - locust of this environment, fixed arguments
        [
            str(LOCUST),
            *("-f", "locustfile.py", "--headless", "-u", "1", "-r", "1", "-t", "5s"),
            *("--host", "http://example.com:8000"),
        ],
        cwd=LOADTEST,
        capture_output=True,
        text=True,
        check=False,
    )

    assert ran.returncode != 0
    assert "loadtest runs against http://127.0.0.1 only, not 'http://example.com:8000'" in (
        ran.stderr
    )
    assert "GET" not in ran.stderr + ran.stdout


def test_the_settled_figures_count_only_requests_started_after_the_last_sign_in() -> None:
    ran = _python(
        "import locustfile as f\n"
        "requests = [\n"
        "    (0.0, 'public: portal', 900.0),\n"
        "    (1.0, f.SIGN_IN, 2000.0),\n"
        "    (2.5, 'public: portal', 800.0),\n"
        "    (3.5, 'public: portal', 10.0),\n"
        "    (3.6, 'public: portal', 30.0),\n"
        "    (3.7, 'staff: case', 50.0),\n"
        "]\n"
        "print(f.settled(requests))\n"
    )

    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == (
        "{'Aggregated': (3, 30.0, 50.0), 'public: portal': (2, 10.0, 30.0),"
        " 'staff: case': (1, 50.0, 50.0)}"
    )
