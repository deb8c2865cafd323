"""`kansli bench authority` reports checks per second and latency for each order size."""

import re
from io import StringIO

from django.core.management import call_command


def test_bench_authority_reports_each_size():
    out = StringIO()

    call_command("bench", "authority", "--checks", "200", "--positions", "500", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "Delegationsmotorn, en kärna, 200 kontroller per storlek:"
    sizes = [int(re.match(r"\s*(\d+) regler", line)[1]) for line in lines[1:]]
    assert sizes == [100, 1000, 10000]
    assert all("kontroller/s, p50" in line and "p99" in line for line in lines[1:])
