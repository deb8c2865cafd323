"""The files go into the package as PDF: a registered PDF as it is, an image and an e-mail
laid out as PDF/A-2b, an office document made PDF/A-2b by LibreOffice."""

import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from django.core.files.storage import default_storage

from kansli.archive.renditions import rendition
from kansli.archive.tests.conftest import NS, Unpacked, World
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.registry.tests.samples import upload

# A real OpenDocument text, which LibreOffice reads (the meetings' packet tests use it too).
ODT = Path(__file__).resolve().parents[2] / "meetings" / "tests" / "files" / "yttrande.odt"


def _pdf_a_part(data: bytes) -> str | None:
    """The PDF/A part the file's XMP metadata claims (as an element or an attribute)."""
    root = pypdf.PdfReader(io.BytesIO(data)).root_object
    if "/Metadata" not in root:
        return None
    xmp = root["/Metadata"].get_object().get_data().decode()
    found = re.search(r'pdfaid:part(?:>|=")(\d)', xmp)
    return found.group(1) if found else None


def test_a_registered_pdf_goes_as_it_is_and_the_rest_as_pdf_a(
    exported: Unpacked, world: World
) -> None:
    record = next(
        r
        for r in exported.erms.findall(".//e:record", NS)
        if r.findtext("e:objectId", namespaces=NS) == world.public_letter.number
    )
    appendices = {a.get("name"): a for a in record.findall(".//e:appendix", NS)}
    stored = world.public_letter.files.get(original_name="offert.pdf")
    with default_storage.open(stored.storage_name) as original:
        assert exported.files[appendices["offert.pdf"].get("path")] == original.read()
    assert appendices["offert.pdf"].get("originalFileFormat") is None
    for name, original_type in (("bild.png", "image/png"), ("fraga.eml", "message/rfc822")):
        data = exported.files[appendices[name].get("path")]
        assert data.startswith(b"%PDF")
        assert _pdf_a_part(data) == "2"
        assert appendices[name].get("originalFileFormat") == original_type
    mail = pypdf.PdfReader(io.BytesIO(exported.files[appendices["fraga.eml"].get("path")]))
    assert "Hur många laddplatser behövs?" in mail.pages[0].extract_text()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (make pdf-deps)")
def test_an_office_document_is_made_pdf_a_by_libreoffice(world: World) -> None:
    document = registry.document_register(
        actor=None,
        case=world.open_case,
        direction=Document.Direction.DRAWN_UP,
        date=world.open_case.opened_on,
        description="Yttrande",
        files=[upload("yttrande.odt", ODT.read_bytes())],
    )

    converted = rendition(document.files.get())

    assert converted.converted
    assert _pdf_a_part(converted.data) == "2"
    assert "ODTMARKOR6622" in pypdf.PdfReader(io.BytesIO(converted.data)).pages[0].extract_text()
