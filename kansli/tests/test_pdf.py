"""Every PDF Kansli makes is tagged for assistive technology (PDF/UA-1) and archival (PDF/A-2a):
a structure tree, marked content, the document's language and title, and both declared. The
minutes and their extracts go through the same `pdf.write` (test_minutes_frozen.py)."""

import io

import pypdf
import pytest

from kansli import pdf
from kansli.meetings import packets
from kansli.meetings.tests.meeting_samples import meeting_with_agenda
from kansli.organisation.models import Organization
from kansli.tests.pdfa import is_pdfa_2, xmp

HTML = """<!doctype html><html lang="sv"><head><meta charset="utf-8">
<title>Protokoll kommunstyrelsen, Vänersborgs kommun</title></head>
<body><h1>Protokoll</h1><p>§ 1 Val av justerare</p><table><tr><th>Belopp</th></tr>
<tr><td>44 000 000 kr</td></tr></table></body></html>"""


def catalog(data: bytes) -> pypdf.generic.DictionaryObject:
    return pypdf.PdfReader(io.BytesIO(data)).root_object


def test_a_pdf_is_tagged_with_a_structure_tree_and_its_language() -> None:
    data = pdf.write(pdf.render(HTML))

    root = catalog(data)
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"].get_object()["/K"]
    assert root["/MarkInfo"].get_object()["/Marked"].value is True
    assert root["/Lang"] == "sv"
    assert root["/ViewerPreferences"].get_object()["/DisplayDocTitle"].value is True


def test_a_pdf_declares_pdf_ua_1_and_pdf_a_2a_in_one_xmp_description() -> None:
    data = pdf.write(pdf.render(HTML))

    metadata = xmp(data)
    assert metadata.count("<rdf:RDF") == 1
    assert 'pdfuaid:part="1"' in metadata
    assert 'pdfaid:conformance="A"' in metadata
    assert "Protokoll kommunstyrelsen, Vänersborgs kommun" in metadata
    assert is_pdfa_2(data)


def test_a_merged_document_keeps_the_tags_of_our_own_part() -> None:
    own = pypdf.PdfReader(io.BytesIO(pdf.write(pdf.render(HTML))))
    writer = pypdf.PdfWriter()
    for page in own.pages:
        writer.add_page(page)
    pdf.stamp_page_numbers(writer, lambda page, pages: f"Sida {page} av {pages}")

    pdf.archival(writer, own)
    out = io.BytesIO()
    writer.write(out)

    root = catalog(out.getvalue())
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"].get_object()["/Marked"].value is True
    assert root["/Lang"] == "sv"
    assert 'pdfuaid:part="1"' in xmp(out.getvalue())


@pytest.mark.django_db
def test_the_notice_and_the_merged_public_packet_are_tagged(board: Organization) -> None:
    sample = meeting_with_agenda(board)
    made = {
        "notice": packets.notice_pdf(sample.meeting),
        "packet": packets.public_packet(sample.meeting),
    }

    for name, data in made.items():
        root = catalog(data)
        assert "/StructTreeRoot" in root, name
        assert root["/MarkInfo"].get_object()["/Marked"].value is True, name
        assert root["/Lang"] == "sv", name
        assert 'pdfuaid:part="1"' in xmp(data), name
