"""Every PDF Kansli makes: PDF/A-2a and PDF/UA-1 from HTML with WeasyPrint, fonts embedded,
tagged (a structure tree, /MarkInfo /Marked true, the language of <html lang>, the title shown),
with XMP metadata taken from the HTML's <title> and <meta> (author, description, keywords).

WeasyPrint writes one variant at a time: PDF/A-2a ("accessible", which has it tag the document),
and the XMP also declares PDF/UA-1 (`pdfuaid:part`), which asks for the same tagging, the
language and the title (DOS-lagen, WCAG 2.1 AA through EN 301 549's clause 10 on documents).

WeasyPrint embeds every font it draws with (a subset of it), so a PDF of our own is PDF/A-2b
by construction. A document merged from other PDFs (a packet with registered attachments) keeps
the metadata and output intent of our own part (`archival`) and stamps its page numbers in the
same embedded font (`stamp_page_numbers`); whether the whole is PDF/A depends on the attachments
merged into it, which Kansli does not rewrite.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pypdf
from django.template.loader import render_to_string
from pypdf.generic import NameObject

if TYPE_CHECKING:
    import weasyprint

VARIANT = "pdf/a-2a"
UA_PART = "1"
# PDF 1.4's file structure: each object written on its own and found through the
# cross-reference table, not packed into one compressed object stream as WeasyPrint does from
# PDF 1.5. A tagged document has thousands of small objects, and pyHanko, which signs the
# minutes and checks their signatures, reads an object of a stream by parsing the stream from
# its start: checking two signatures on minutes of 40 paragraphs took 571 s with the stream
# and 18 s without, at a load average of 15. The file is some four times larger, its content
# streams still compressed. PDF/A-2 takes any header from %PDF-1.0 to %PDF-1.7 (ISO 19005-2, 6.1.2).
VERSION = "1.4"
# The font every PDF of ours is set in (base templates and the page-number stamp).
FONT = '"DejaVu Sans", "Liberation Sans", sans-serif'
# Where "Sida N av M" sits: from the right and the bottom edge of the page, in points.
STAMP_RIGHT = 110
STAMP_BOTTOM = 22
STAMP_FONT_SIZE = 8


def render(html: str, *, base_url: str | None = None) -> weasyprint.Document:
    """The HTML laid out by WeasyPrint. Without `base_url` nothing is fetched from outside the
    document itself (data URIs only)."""
    # WeasyPrint takes seconds to import: only the processes that make PDFs pay for it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    if base_url is not None:
        return HTML(string=html, base_url=base_url).render()
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).render()


def write(document: weasyprint.Document) -> bytes:
    """The laid-out document as PDF/A-2a and PDF/UA-1, tagged."""
    _declare_pdf_ua(document)
    return document.write_pdf(pdf_variant=VARIANT, pdf_version=VERSION, pdf_tags=True)


def _declare_pdf_ua(document: weasyprint.Document) -> None:
    """Have the XMP that WeasyPrint writes for PDF/A also name PDF/UA-1, in the same
    rdf:Description as the PDF/A identification (one rdf:RDF, as XMP wants)."""
    from weasyprint.pdf.metadata import NS, DocumentMetadata

    class _Metadata(DocumentMetadata):
        def generate_rdf_metadata(self, variant: str, version: int, conformance: str) -> bytes:
            xml = super().generate_rdf_metadata(variant, version, conformance)
            rdf = ElementTree.fromstring(xml)  # noqa: S314 (WeasyPrint's own XML)
            identification = rdf.find(f"{{{NS['rdf']}}}Description")
            if identification is None:
                return xml
            identification.set(f"{{{NS['pdfuaid']}}}part", UA_PART)
            return ElementTree.tostring(rdf, encoding="utf-8")

    document.metadata = _Metadata(**vars(document.metadata))


def archival(writer: pypdf.PdfWriter, own: pypdf.PdfReader) -> None:
    """Give a merged document the XMP metadata, output intent, language and tags (structure
    tree, /MarkInfo, the title shown) of the PDF/A part that we rendered ourselves (`own`),
    whose pages the writer already holds. Merged attachments keep their pages as they came;
    their own tags, if any, are not joined into ours."""
    source = own.root_object
    keys = ("/Metadata", "/OutputIntents", "/Lang", "/StructTreeRoot", "/MarkInfo")
    for key in (*keys, "/ViewerPreferences"):
        if key in source:
            writer.root_object[NameObject(key)] = source.raw_get(key).clone(writer)


def stamp_page_numbers(writer: pypdf.PdfWriter, label: Callable[[int, int], str]) -> None:
    """Stamp `label(page, pages)` at the foot of every page, merged pages included: an overlay
    rendered by WeasyPrint in our font (embedded, so the stamp keeps the PDF/A part whole),
    one overlay page of each page's size, merged onto it at its right edge."""
    total = len(writer.pages)
    boxes = []
    for page in writer.pages:
        if page.rotation:
            page.transfer_rotation_to_content()
        box = page.cropbox
        boxes.append((float(box.right), float(box.top), float(box.bottom)))
    sizes = sorted({(width, height) for width, height, _bottom in boxes})
    named = {size: f"p{index}" for index, size in enumerate(sizes)}
    context = {
        "font": FONT,
        "font_size": STAMP_FONT_SIZE,
        "sizes": [(name, width, height) for (width, height), name in named.items()],
        "stamps": [
            {
                "page": named[(width, height)],
                "height": height,
                "left": width - STAMP_RIGHT,
                "bottom": bottom + STAMP_BOTTOM,
                "label": label(number, total),
            }
            for number, (width, height, bottom) in enumerate(boxes, 1)
        ],
    }
    html = render_to_string("pdf/stamp.html", context)
    overlay = pypdf.PdfReader(io.BytesIO(render(html).write_pdf()))
    for page, stamp in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(stamp, over=True)
        # Merging writes the page's joined content uncompressed: a packet of merged
        # attachments grew eightfold (9.4 MB where the attachments made 1.2 MB).
        page.compress_content_streams()


def compact(writer: pypdf.PdfWriter) -> None:
    """Write each object once however many merged parts brought it (the same font or image in
    many attachments, the stamp's font on every page), and leave out what nothing refers to."""
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
