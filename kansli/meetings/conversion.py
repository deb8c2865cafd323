"""Office documents as PDF for the packets: LibreOffice, headless, converts a DOCX, ODT, XLSX
or ODS attachment (Debian's libreoffice-writer-nogui and libreoffice-calc-nogui, which
`make pdf-deps` installs).

Each conversion runs in a temporary folder of its own with a LibreOffice profile of its own
(`-env:UserInstallation`), so that conversions in parallel never share a lock, and is killed,
with every process it started, after `KANSLI_CONVERSION_TIMEOUT` seconds. It gets no proxy
settings from the environment and LibreOffice is started without its user interface or
recovery. A converted file is kept in the storage under the SHA-256 of the original, so a
packet built again, or an attachment on two agendas, is converted once.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from kansli.registry import files

# The suffix LibreOffice reads each convertible type by.
CONVERTIBLE = {
    files.DOCX: ".docx",
    files.ODT: ".odt",
    files.XLSX: ".xlsx",
    files.ODS: ".ods",
}
CACHE = "conversions"
# LibreOffice's PDF export as PDF/A-2b, for the e-archive (kansli.archive).
PDF_A_EXPORT = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


class ConversionError(Exception):
    """The file could not be converted; the message says why, in Swedish."""


def to_pdf(data: bytes, content_type: str, *, sha256: str, archival: bool = False) -> bytes:
    """The document as PDF (as PDF/A-2b when `archival`), from the cache when it was converted
    before."""
    cached = f"{CACHE}/{sha256}{'.pdfa' if archival else ''}.pdf"
    if default_storage.exists(cached):
        with default_storage.open(cached) as stored:
            return stored.read()
    converted = _convert(data, CONVERTIBLE[content_type], PDF_A_EXPORT if archival else "pdf")
    default_storage.save(cached, ContentFile(converted))
    return converted


def _convert(data: bytes, suffix: str, export: str = "pdf") -> bytes:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise ConversionError(_("LibreOffice, som gör om dokumentet till PDF, saknas på servern."))
    with tempfile.TemporaryDirectory(prefix="kansli-konvertering-") as folder:
        work = Path(folder)
        source = work / f"bilaga{suffix}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            export,
            "--outdir",
            str(work / "pdf"),
            str(source),
        ]
        _run(command, work)
        converted = work / "pdf" / "bilaga.pdf"
        if not converted.exists() or converted.stat().st_size == 0:
            raise ConversionError(_("LibreOffice kunde inte läsa filen; den kan vara skadad."))
        return converted.read_bytes()


def _run(command: list[str], work: Path) -> None:
    """Run LibreOffice in a session of its own, killed whole when it takes too long."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "LANG": "C.UTF-8",
    }
    process = subprocess.Popen(  # noqa: S603 (a fixed command, the file named by us)
        command,
        cwd=work,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=settings.KANSLI_CONVERSION_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ConversionError(
            _("LibreOffice blev inte klar med filen inom %(seconds)s sekunder.")
            % {"seconds": settings.KANSLI_CONVERSION_TIMEOUT}
        ) from error
