"""Office documents as PDF for the packets: LibreOffice, headless, converts a DOCX, ODT, XLSX,
ODS or PPTX attachment (Debian's libreoffice-writer-nogui, libreoffice-calc-nogui and
libreoffice-impress-nogui, which `make pdf-deps` installs).

Each conversion runs in a temporary folder of its own with a LibreOffice profile of its own
(`-env:UserInstallation`), so that conversions in parallel never share a lock, and is killed,
with every process it started, after `KANSLI_CONVERSION_TIMEOUT` seconds. It gets no proxy
settings from the environment and LibreOffice is started without its user interface or
recovery. A converted file is kept in the storage under the SHA-256 of the original, so a
packet built again, or an attachment on two agendas, is converted once.

A packet converts its attachments in parallel (`Converter`): as many LibreOffice processes at
once as the server has processors, at most `MAX_WORKERS`, each still bounded by the timeout.
"""

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _

from kansli.registry import files

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# The suffix LibreOffice reads each convertible type by.
CONVERTIBLE = {
    files.DOCX: ".docx",
    files.ODT: ".odt",
    files.XLSX: ".xlsx",
    files.ODS: ".ods",
    # Not a type the registry takes, but one an e-mail brings as an attachment.
    PPTX: ".pptx",
}
CACHE = "conversions"
# LibreOffice processes at once in a packet: each takes a processor and some 200 MB.
MAX_WORKERS = 4
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


class Converter:
    """Office documents made PDFs in parallel, each once however often it is given: `submit`
    starts a conversion (or finds it in the cache) and returns its future; leaving the `with`
    block waits for every conversion started."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="konvertering")
        self._started: dict[str, Future[bytes]] = {}

    def __enter__(self) -> "Converter":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=error is not None)

    def submit(self, data: bytes, content_type: str) -> Future[bytes]:
        """The document as PDF (`to_pdf`), to come; a ConversionError when it cannot be."""
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 not in self._started:
            language = translation.get_language()
            self._started[sha256] = self._pool.submit(
                _in_language, language, data, content_type, sha256
            )
        return self._started[sha256]


def workers() -> int:
    """How many conversions run at once: one per processor this process may use."""
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def _in_language(language: str | None, data: bytes, content_type: str, sha256: str) -> bytes:
    # The reason a conversion failed is told in the language of whoever asked for it.
    with translation.override(language):
        return to_pdf(data, content_type, sha256=sha256)


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
