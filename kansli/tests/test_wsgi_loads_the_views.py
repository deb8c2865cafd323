"""A web worker imports every view when it loads the application (kansli/wsgi.py), not at its
first request, which would otherwise wait seconds behind the import after each start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_loading_the_application_imports_the_url_configuration_and_the_views() -> None:
    code = (
        "import sys\n"
        "import kansli.wsgi\n"
        "print('kansli.urls' in sys.modules, 'kansli.registry.views' in sys.modules)\n"
    )
    environment = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "kansli.settings"}

    result = subprocess.run(  # noqa: S603 - a fixed command: this interpreter, this code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=environment,
    )

    assert result.stdout.split("\n")[-2] == "True True"
