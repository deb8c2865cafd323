"""The engine, the order files and the benchmark are pure Python: they run without Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_delegation_modules_import_no_django():
    code = (
        "import sys\n"
        "import kansli.delegation.engine, kansli.delegation.orderfile, kansli.bench.authority\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )

    result = subprocess.run(  # noqa: S603 - a fixed command: this interpreter, this code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )

    assert result.stdout.strip() == "[]"
