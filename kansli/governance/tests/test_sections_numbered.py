from kansli.demo.seeds import VANERSBORG_INSTRUCTION, seed_text
from kansli.governance.sections import split_sections

EVERY_SECTION_OF_SEED_002 = [
    "1", "2", "2.1", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
    "4", "4.1", "4.1.1", "4.1.2", "4.1.3", "4.1.4",
    "5", "5.1", "5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.1.5",
    "5.2", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5",
    "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.2.1", "6.3", "6.3.1",
]  # fmt: skip


def parsed_seed_002():
    return split_sections(seed_text(VANERSBORG_INSTRUCTION))


def test_every_numbered_section_is_found_once_in_document_order():
    sections = parsed_seed_002().sections

    assert [s.key for s in sections] == EVERY_SECTION_OF_SEED_002
    assert [s.order for s in sections] == list(range(1, len(EVERY_SECTION_OF_SEED_002) + 1))


def test_section_5_2_3_has_its_heading_and_text():
    section = {s.key: s for s in parsed_seed_002().sections}["5.2.3"]

    assert section.number == "5.2.3"
    assert section.heading == "Organisationsförändringar"
    assert section.level == 3
    assert section.text.startswith(
        "Kommundirektören har rätt att fatta beslut om organisationsförändringar inom andra "
        "förvaltningar"
    )
    assert section.text.endswith("efter godkännande av PFU.")


def test_trailing_dot_of_a_number_is_not_part_of_the_key():
    sections = {s.key: s for s in parsed_seed_002().sections}

    assert sections["3.3"].heading == "Externa kontakter"
    assert sections["4.1.4"].heading == "Kommunfullmäktige"
    assert sections["4.1.4"].text == (
        "Kommundirektören ska närvara vid kommunfullmäktiges sammanträden när så "
        "kommunfullmäktiges ordförande önskar."
    )


def test_level_is_the_depth_of_the_number():
    sections = {s.key: s for s in parsed_seed_002().sections}

    assert [sections[k].level for k in ("1", "2.1", "4.1.1", "6.3.1")] == [1, 2, 3, 3]


def test_a_heading_directly_followed_by_a_subheading_has_no_text():
    sections = {s.key: s for s in parsed_seed_002().sections}

    assert sections["4.1"].heading == "Kommunstyrelsen och dess utskott"
    assert sections["4.1"].text == ""
    assert sections["4.1.1"].text == (
        "Kommundirektören ansvarar för beredning av samtliga ärenden till kommunstyrelsen "
        "och dess arbetsutskott."
    )


def test_table_of_contents_and_metadata_table_stay_in_the_preamble():
    parsed = parsed_seed_002()

    assert "Innehållsförteckning" in parsed.preamble
    assert "3.3. Externa kontakter\t2" in parsed.preamble
    assert "Dokumenttyp Instruktion" in parsed.preamble
    assert all("\t" not in s.heading and "…" not in s.heading for s in parsed.sections)


def test_the_last_section_runs_to_the_end_of_the_text():
    last = parsed_seed_002().sections[-1]

    assert last.key == "6.3.1"
    assert last.text.endswith("ideella föreningar och delägda bolag.")


def test_numbered_list_items_and_sentences_are_not_headings():
    text = "1. Inledning\n\n2 ärenden ska beredas.\n3. Styrelsen beslutar:\n4. Slut\n"

    sections = split_sections(text).sections

    assert [s.key for s in sections] == ["1", "4"]
    assert sections[0].text == "2 ärenden ska beredas.\n3. Styrelsen beslutar:"
