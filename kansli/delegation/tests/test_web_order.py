"""The delegation order as the table people know from paper, and as an A4 PDF with the rule
text, page numbers and the order in its header."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder


@pytest.fixture
def visitor(demo) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="sekreterare"))
    return client


@pytest.fixture
def instruction(demo) -> DelegationOrder:
    return DelegationOrder.objects.get(body__slug="vanersborg")


def test_the_list_links_each_order_and_its_pdf(visitor, instruction):
    page = visitor.get("/vanersborg/delegation/ordning/").content.decode()

    assert f'href="/vanersborg/delegation/ordning/{instruction.pk}/"' in page
    assert f'href="/vanersborg/delegation/ordning/{instruction.pk}/pdf/"' in page
    assert "från 2019-01-30 tills vidare" in page


def test_the_table_has_number_matter_delegate_requirements_reporting_and_source(
    visitor, instruction
):
    page = visitor.get(f"/vanersborg/delegation/ordning/{instruction.pk}/").content.decode()

    assert f"{instruction.rules.count()} delegationspunkter" in page
    for heading in ("Nr", "Ärende", "Delegat", "Ersättare", "Begränsningar", "Krav före beslut"):
        assert f'<th scope="col">{heading}</th>' in page
    assert '<th scope="row" class="nowrap">5.2.3</th>' in page
    assert "Godkännande av personal- och förhandlingsutskottet" in page
    assert "Anmälan till kommunstyrelsen" in page
    assert "41 skyldigheter" in page
    assert 'href="/vanersborg/styrdokument/kommundirektorsinstruktion/"' in page


def test_an_order_of_another_body_is_not_found(visitor, instruction):
    assert visitor.get(f"/blekinge/delegation/ordning/{instruction.pk}/").status_code == 404
    assert visitor.get(f"/blekinge/delegation/ordning/{instruction.pk}/pdf/").status_code == 404


def test_the_pdf_is_an_a4_document_with_the_rules_page_numbers_and_header(visitor, instruction):
    response = visitor.get(f"/vanersborg/delegation/ordning/{instruction.pk}/pdf/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="vanersborg-kommundirektorsinstruktion-1.0.pdf"'
    )
    pdf = PdfReader(io.BytesIO(response.content))
    first = pdf.pages[0]
    width, height = sorted((float(first.mediabox.width), float(first.mediabox.height)))
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Organisationsförändringar inom andra förvaltningar" in text
    assert "Godkännande av personal- och förhandlingsutskottet" in text
    assert f"Sida 1 av {len(pdf.pages)}" in text
    assert "Vänersborgs kommun · Kommundirektörsinstruktion 1.0 · Kommunstyrelsen" in text
