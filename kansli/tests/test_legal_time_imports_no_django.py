"""legal_time is pure Python: it runs without Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_legal_time_imports_no_django():
    code = (
        "import sys, datetime\n"
        "import kansli.legal_time as lt\n"
        "print(lt.appeal_deadline(datetime.date(2026, 6, 1)).last_day)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )

    result = subprocess.run(  # noqa: S603 - a fixed command: this interpreter, this code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )

    assert result.stdout.split("\n")[:2] == ["2026-06-22", "[]"]
