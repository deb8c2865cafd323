"""`kansli audit anchor` prints the chain's head as one line to keep outside the database, and
`verify --anchors` reads such lines back, also from a syslog that holds other lines."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from kansli.audit.models import Event
from kansli.audit.selectors import anchors_read


def test_the_anchor_line_gives_date_seq_hash_and_that_it_is_keyed(events: list[Event]) -> None:
    out = StringIO()

    call_command("audit", "anchor", stdout=out)

    last = events[-1]
    assert re.fullmatch(
        rf"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{{4}} seq={last.seq} hash={last.hash} "
        r"keyed=hmac-sha256\n",
        out.getvalue(),
    )


def test_anchors_are_read_from_a_syslog_among_its_other_lines(
    events: list[Event], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, last = events[0], events[-1]
    syslog = tmp_path / "syslog"
    syslog.write_text(
        f"Dec  3 02:00:01 kansli kansli-anchor: 2026-12-03T02:00:01+0100 seq={last.seq} "
        f"hash={last.hash} keyed=hmac-sha256\n"
        "Dec  3 02:00:02 kansli CRON[812]: (root) CMD (run-parts /etc/cron.daily)\n"
        f"Dec  2 02:00:01 kansli kansli-anchor: 2026-12-02T02:00:01+0100 seq={first.seq} "
        f"hash={first.hash} keyed=hmac-sha256\n"
    )

    call_command("audit", "verify", "--anchors", str(syslog))

    assert anchors_read(syslog.read_text().splitlines()) == [
        (first.seq, first.hash),
        (last.seq, last.hash),
    ]
    assert "Händelseloggen är obruten" in capsys.readouterr().out
