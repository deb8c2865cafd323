from django.test import Client

from kansli.governance.models import GoverningDocument

URL = "/vanersborg/styrdokument/kommundirektorsinstruktion/"


def metadata(text: str, term: str) -> str:
    """The value the metadata block gives for a term."""
    start = text.index(f"<dt>{term}</dt><dd>") + len(f"<dt>{term}</dt><dd>")
    return text[start : text.index("</dd>", start)]


def test_the_reading_view_heads_the_document_with_its_metadata(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    text = " ".join(signed_in.get(URL).text.split())

    assert metadata(text, "Dokumenttyp") == "Instruktion"
    assert metadata(text, "Dokumentnamn") == "Kommundirektörsinstruktion"
    assert metadata(text, "Antagen") == "KS 2017-12-20, § 248"
    assert metadata(text, "Version") == "1.0"
    assert "Kommunstyrelseförvaltningen</a>" in metadata(text, "Dokumentägare")
    assert metadata(text, "Dokumentansvarig") == "Chefen för kommunkontoret"
    assert metadata(text, "Reviderad") == "KS 2019-01-30, § 20"
    assert metadata(text, "Giltighet") == "Tills vidare"
    assert metadata(text, "Publicerad") == "2018-01-15"
    assert metadata(text, "Ämnesområde") == "Styrning och ledning"
    assert metadata(text, "Intern/Extern") == "Extern"
    assert "Kommunallagen (2017:725)" in metadata(text, "Andra styrande dokument som omnämns")
    assert "Ärendenummer" not in text


def test_the_table_of_contents_links_to_every_section(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    text = signed_in.get(URL).text

    for anchor, label in [
        ("avsnitt-1", "1 Inledning"),
        ("avsnitt-5.2", "5.2 Övriga nämnder och förvaltningar"),
        ("avsnitt-5.2.3", "5.2.3 Kommundirektörens ansvar"),
    ]:
        assert f'<a href="#{anchor}">{label}</a>' in text
        assert f'<section id="{anchor}"' in text


def test_section_headings_follow_the_section_level(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    text = signed_in.get(URL).text

    assert '<h2 id="avsnitt-5-rubrik"' in text
    assert '<h3 id="avsnitt-5.2-rubrik"' in text
    assert '<h4 id="avsnitt-5.2.3-rubrik"' in text


def test_section_text_keeps_paragraphs_and_lists_and_escapes_markup(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    text = signed_in.get(URL).text

    assert "<p>Kommundirektören ska</p>\n<ul><li>leda förvaltningscheferna</li>" in text
    assert "<li>samordna &lt;förvaltningarna&gt;</li></ul>" in text


def test_a_section_address_leads_to_its_place_in_the_reading_view(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    response = signed_in.get(f"{URL}avsnitt/5.2.3/")

    assert response.status_code == 302
    assert response["Location"] == f"{URL}#avsnitt-5.2.3"


def test_unknown_documents_and_sections_are_not_found(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    assert signed_in.get("/vanersborg/styrdokument/finns-inte/").status_code == 404
    assert signed_in.get(f"{URL}avsnitt/9.9/").status_code == 404


def test_the_public_reads_a_published_document_and_its_sections(
    client: Client, instruction: GoverningDocument
) -> None:
    assert instruction.external
    section = instruction.current_version.sections.first()

    assert client.get(URL).status_code == 200
    assert client.get(f"{URL}avsnitt/{section.key}/").status_code == 302


def test_a_document_not_published_is_not_found_by_the_public_only(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    GoverningDocument.objects.filter(pk=instruction.pk).update(external=False)
    section = instruction.current_version.sections.first()
    public = Client()

    assert public.get(URL).status_code == 404
    assert public.get(f"{URL}avsnitt/{section.key}/").status_code == 404
    assert signed_in.get(URL).status_code == 200
