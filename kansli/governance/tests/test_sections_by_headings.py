from kansli.demo.seeds import BLEKINGE_HEADINGS, BLEKINGE_INSTRUCTION, seed_text
from kansli.governance.sections import slug, split_sections


def parsed_seed_000():
    return split_sections(seed_text(BLEKINGE_INSTRUCTION), headings=BLEKINGE_HEADINGS)


def test_an_unnumbered_document_is_split_at_each_given_heading():
    sections = parsed_seed_000().sections

    assert [s.heading for s in sections] == list(BLEKINGE_HEADINGS)
    assert all(s.number == "" and s.level == 1 for s in sections)


def test_the_key_of_an_unnumbered_section_is_the_slug_of_its_heading():
    keys = [s.key for s in parsed_seed_000().sections]

    assert "arbetsgivaransvar" in keys
    assert "ekonomiskt-ansvar" in keys
    assert "sakerhetsansvar" in keys
    assert keys[0] == "allmant-om-landstingsdirektorens-overgripande-ansvar"


def test_a_section_holds_the_text_up_to_the_next_heading():
    sections = {s.key: s for s in parsed_seed_000().sections}

    assert sections["ekonomiskt-ansvar"].text == (
        "Landstingsdirektören ansvarar för att ta initiativ till åtgärder och dialog med "
        "landstingsstyrelsen om landstingets ekonomi avviker från beslutad budget."
    )
    assert sections["sakerhetsansvar"].text.endswith("ska se till att nämndens beslut verkställs.")


def test_a_list_item_naming_a_heading_is_not_a_heading():
    parsed = parsed_seed_000()

    assert "- Arbetsgivaransvar" in parsed.preamble
    assert parsed.preamble.startswith("LANDSTINGET BLEKINGE")
    assert parsed.preamble.endswith("- Säkerhetsansvar")


def test_headings_match_regardless_of_case_and_surrounding_space():
    text = "Inledning\n  ARBETSGIVARANSVAR  \nChefen anställer.\n"

    parsed = split_sections(text, headings=["Arbetsgivaransvar"])

    assert parsed.preamble == "Inledning"
    assert [(s.key, s.heading, s.text) for s in parsed.sections] == [
        ("arbetsgivaransvar", "ARBETSGIVARANSVAR", "Chefen anställer.")
    ]


def test_a_repeated_heading_gets_a_key_of_its_own():
    parsed = split_sections("Uppdrag\na\nUppdrag\nb\n", headings=["Uppdrag"])

    assert [s.key for s in parsed.sections] == ["uppdrag", "uppdrag-2"]


def test_slug_is_ascii_lowercase_with_hyphens():
    assert slug("Säkerhets- och krisberedskap (LEH)") == "sakerhets-och-krisberedskap-leh"
