"""Splitting a governing document's plain text into addressable sections.

Pure Python, no Django: the governance services store what this returns.

Numbered documents (seed 002) carry their structure in their headings: "1. Inledning",
"2.1 Förtroendevalda och tjänstepersoner", "4.1.4. Kommunfullmäktige". Their table of
contents and metadata table repeat such lines with tabs, dot leaders and page numbers, and
those are not headings. Unnumbered documents (seed 000) are split at an explicit list of
headings, each a line of its own.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# At most four levels of one- or two-digit numbers, an optional trailing dot, then a short
# heading; it must start with a capital letter and not end like a sentence or a list item.
_NUMBERED_HEADING = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<heading>.{1,150})")
# A table of contents or metadata line: a tab, or a dot leader ("Inledning.....  1").
_TABLE_LINE = re.compile(r"\t|\.{2,}|…")
_SENTENCE_END = (".", ",", ":", ";")
KEY_LENGTH = 80


@dataclass(frozen=True)
class ParsedSection:
    key: str
    number: str
    heading: str
    level: int
    order: int
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    preamble: str
    sections: list[ParsedSection]


def slug(heading: str) -> str:
    """The heading as an ASCII key: "Säkerhetsansvar" -> "sakerhetsansvar"."""
    ascii_text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:KEY_LENGTH].strip("-")


def numbered_heading(line: str) -> tuple[str, str] | None:
    """(number, heading) if the line is a numbered heading, else None."""
    if _TABLE_LINE.search(line):
        return None
    match = _NUMBERED_HEADING.fullmatch(line.strip())
    if match is None:
        return None
    heading = match["heading"]
    if not heading[0].isupper() or heading.endswith(_SENTENCE_END):
        return None
    return match["number"], heading


def _block(lines: Sequence[str]) -> str:
    """Lines as one text, without trailing spaces and blank lines at either end."""
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _unique(key: str, taken: set[str]) -> str:
    """The key, or key-2, key-3 … when a document repeats a number or heading."""
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate


def split_sections(text: str, headings: Iterable[str] | None = None) -> ParsedDocument:
    """Split `text` into its preamble and sections.

    Without `headings` the document is numbered and the section key is its number ("5.2.3");
    with them, the text is split at lines equal to one of the headings (ignoring case and
    surrounding space) and the key is the heading's slug ("arbetsgivaransvar").
    """
    wanted = None if headings is None else {h.strip().casefold() for h in headings if h.strip()}
    preamble: list[str] = []
    found: list[tuple[str, str, list[str]]] = []  # number, heading, text lines
    for line in text.splitlines():
        heading = _heading(line, wanted)
        if heading is not None:
            found.append((*heading, []))
        else:
            (found[-1][2] if found else preamble).append(line)
    taken: set[str] = set()
    sections = [
        ParsedSection(
            key=_unique(number or slug(heading) or "avsnitt", taken),
            number=number,
            heading=heading,
            level=number.count(".") + 1 if number else 1,
            order=order,
            text=_block(lines),
        )
        for order, (number, heading, lines) in enumerate(found, start=1)
    ]
    return ParsedDocument(preamble=_block(preamble), sections=sections)


def _heading(line: str, wanted: set[str] | None) -> tuple[str, str] | None:
    if wanted is None:
        return numbered_heading(line)
    stripped = line.strip()
    return ("", stripped) if stripped and stripped.casefold() in wanted else None
