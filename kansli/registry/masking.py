"""Released copies with passages masked (maskering, OSL 6 kap. 3 §, TF 2 kap. 16 §).

A black box drawn over a page of the original leaves the text beneath it, where any reader
copies it out. The copy is therefore made anew from the document's text: each masked passage
is replaced by a mark naming the secrecy provision before anything is laid out, and the copy
is rendered as a PDF/A of its own, so the masked words are nowhere in the file.
"""

import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kansli import pdf
from kansli.registry.models import Document


def _pattern(passage: str) -> re.Pattern[str]:
    """The passage as it stands in the text, whatever the spacing or line breaks between its
    words and the case of its letters."""
    words = passage.split()
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def masked_text(text: str, passages: Sequence[str], *, reference: str) -> tuple[str, int]:
    """The text with every occurrence of each passage replaced by the mark; and how many
    passages were masked."""
    mark = _("[Maskerat enligt %(reference)s]") % {"reference": reference}
    masked = 0
    for passage in passages:
        text, count = _pattern(passage).subn(mark, text)
        masked += count
    return text, masked


def document_text(document: Document) -> str:
    """The text of the document's files, as the registry extracted it when they were added."""
    return "\n\n".join(
        file.extracted_text for file in document.files.all() if file.extracted_text.strip()
    )


def refuse_unmaskable(documents: Sequence[Document], passages: Sequence[str]) -> None:
    """Every passage must stand in the text of some document, and every document must have a
    text to copy: otherwise the masking would silently miss."""
    texts = [document_text(document) for document in documents]
    for document, text in zip(documents, texts, strict=True):
        if not text:
            raise ValidationError(
                _("Handlingen %(number)s har ingen text att göra en maskerad kopia av.")
                % {"number": document.number}
            )
    for passage in passages:
        if not any(_pattern(passage).search(text) for text in texts):
            raise ValidationError(
                _("Ett av avsnitten att maskera finns inte i de begärda handlingarnas text.")
            )


def masked_copy(document: Document, passages: Sequence[str], *, reference: str) -> bytes:
    """A PDF/A copy of the document's text with the passages masked."""
    text, _count = masked_text(document_text(document), passages, reference=reference)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    context = {
        "document": document,
        "body": document.case.organization.body,
        "reference": reference,
        "paragraphs": paragraphs,
    }
    with translation.override("sv"):
        html = render_to_string("registry/pdf/masked_copy.html", context)
    return pdf.write(pdf.render(html))
