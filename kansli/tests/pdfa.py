"""What the tests check of a PDF that Kansli makes: it declares PDF/A-2 in its XMP metadata, and
every font on every page is embedded."""

import io

import pypdf
from pypdf.generic import DictionaryObject


def xmp(data: bytes) -> str:
    """The XMP metadata of the PDF's catalog, as text ('' when there is none)."""
    root = pypdf.PdfReader(io.BytesIO(data)).root_object
    if "/Metadata" not in root:
        return ""
    return root["/Metadata"].get_object().get_data().decode("utf-8")


def fonts_not_embedded(data: bytes) -> list[str]:
    """The fonts of the pages' resources that have no font file of their own."""
    missing = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for name, font in (fonts.get_object() if fonts else DictionaryObject()).items():
            font = font.get_object()
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            files = descriptor.get_object().keys() if descriptor else []
            if not any(key.startswith("/FontFile") for key in files):
                missing.append(f"{name} {font.get('/BaseFont')}")
    return missing


def is_pdfa_2(data: bytes) -> bool:
    """PDF/A-2 declared in the XMP, and every font embedded."""
    return 'pdfaid:part="2"' in xmp(data) and not fonts_not_embedded(data)
