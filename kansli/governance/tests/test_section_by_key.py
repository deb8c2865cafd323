import datetime

from kansli.demo.seeds import VANERSBORG_INSTRUCTION, seed_text
from kansli.governance import selectors, services


def add_version(document, number, text, valid_from):
    return services.version_add(
        actor=None, document=document, number=number, text=text, valid_from=valid_from
    )


def test_a_section_of_the_current_version_is_found_by_its_number(document):
    add_version(document, "1.0", seed_text(VANERSBORG_INSTRUCTION), datetime.date(2019, 1, 30))

    section = selectors.section_by_key(document=document, key="5.2.3")

    assert section.heading == "Organisationsförändringar"
    assert section.text.startswith(
        "Kommundirektören har rätt att fatta beslut om organisationsförändringar inom andra "
        "förvaltningar"
    )
    assert selectors.section_by_key(document=document, key="5.2.3.") == section


def test_an_unknown_key_finds_nothing(document):
    add_version(document, "1.0", seed_text(VANERSBORG_INSTRUCTION), datetime.date(2019, 1, 30))

    assert selectors.section_by_key(document=document, key="9.9") is None


def test_a_document_without_a_version_has_no_sections(document):
    assert selectors.section_by_key(document=document, key="1") is None


def test_an_earlier_version_keeps_its_own_wording(document):
    old = add_version(document, "1.0", "1. Inledning\n\nGammal lydelse.", datetime.date(2018, 1, 1))
    add_version(document, "2.0", "1. Inledning\n\nNy lydelse.", datetime.date(2019, 1, 30))

    assert selectors.section_by_key(document=document, key="1").text == "Ny lydelse."
    assert selectors.section_by_key(document=document, key="1", version=old).text == (
        "Gammal lydelse."
    )


def test_a_version_of_another_document_finds_nothing(document, body, board, department):
    other = services.document_create(
        actor=None,
        body=body,
        slug="annan",
        kind=document.kind,
        name="Annan",
        adopted_by=board,
        owner=department,
    )
    version = add_version(other, "1", "1. Inledning\n\nText.", None)

    assert selectors.section_by_key(document=document, key="1", version=version) is None
