import re

from hypothesis import given
from hypothesis import strategies as st

from kansli.demo.seeds import (
    BLEKINGE_HEADINGS,
    BLEKINGE_INSTRUCTION,
    VANERSBORG_INSTRUCTION,
    seed_text,
)
from kansli.governance.sections import ParsedDocument, split_sections

HEADINGS = ["Arbetsgivaransvar", "Ekonomiskt ansvar"]

# Lines that look like headings, table-of-contents entries, list items and prose.
line = st.one_of(
    st.text(max_size=40),
    st.builds(
        "{}{} {}".format,
        st.from_regex(r"\d{1,3}(\.\d{1,2}){0,4}", fullmatch=True),
        st.sampled_from(["", "."]),
        st.sampled_from(["Inledning", "Uppdrag.....\t3", "ärenden", "Beslut:", "Ö", " "]),
    ),
    st.sampled_from([*HEADINGS, " ekonomiskt ansvar ", "- Arbetsgivaransvar", "", "   "]),
)
documents = st.lists(line, max_size=30).map("\n".join)


def normalized(text: str) -> list[str]:
    """Non-blank lines, with spaces collapsed and a number's trailing dot dropped."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [re.sub(r"^(\d+(?:\.\d+)*)\.(?= )", r"\1", line) for line in lines if line]


def rendered(parsed: ParsedDocument) -> str:
    parts = [parsed.preamble]
    for section in parsed.sections:
        parts += [f"{section.number} {section.heading}", section.text]
    return "\n".join(parts)


@given(documents)
def test_numbered_split_keeps_every_line_in_order(text):
    assert normalized(rendered(split_sections(text))) == normalized(text)


@given(documents)
def test_split_at_headings_keeps_every_line_in_order(text):
    assert normalized(rendered(split_sections(text, headings=HEADINGS))) == normalized(text)


@given(documents)
def test_section_keys_are_unique_and_orders_consecutive(text):
    sections = split_sections(text).sections

    assert len({s.key for s in sections}) == len(sections)
    assert [s.order for s in sections] == list(range(1, len(sections) + 1))


def test_both_seeds_keep_every_line():
    vanersborg = seed_text(VANERSBORG_INSTRUCTION)
    blekinge = seed_text(BLEKINGE_INSTRUCTION)

    assert normalized(rendered(split_sections(vanersborg))) == normalized(vanersborg)
    assert normalized(rendered(split_sections(blekinge, BLEKINGE_HEADINGS))) == normalized(blekinge)
