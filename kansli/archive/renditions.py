"""Each registered file as the e-archive takes it: PDF/A.

A PDF is taken as it was registered: it is the record, and Kansli does not rewrite it. An
office document (DOCX, ODT, XLSX, ODS) is made PDF/A-2b by LibreOffice, with the packets'
conversion (`kansli.meetings.conversion`, cached by the original's checksum). An image and an
e-mail, which LibreOffice's Writer and Calc do not read, are laid out by WeasyPrint as a PDF/A-2b
page of their own (`kansli.pdf`): the image whole on the page, the e-mail's headers and text as
the registry extracted them.
"""

import base64
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kansli import pdf
from kansli.meetings import conversion
from kansli.registry import files
from kansli.registry.models import File

IMAGES = (files.PNG, files.JPEG, files.TIFF)


@dataclass(frozen=True)
class Rendition:
    """The file's bytes as PDF, and whether they were converted from the registered type."""

    data: bytes
    converted: bool


def rendition(file: File) -> Rendition:
    """The file as PDF; a ValidationError naming the file when it cannot be converted."""
    with default_storage.open(file.storage_name) as stored:
        data = stored.read()
    if file.content_type == files.PDF:
        return Rendition(data, converted=False)
    if file.content_type in conversion.CONVERTIBLE:
        try:
            converted = conversion.to_pdf(
                data, file.content_type, sha256=file.sha256, archival=True
            )
        except conversion.ConversionError as error:
            raise ValidationError(
                _("Filen %(name)s i handling %(number)s kunde inte göras om till PDF/A: %(why)s")
                % {"name": file.original_name, "number": file.document.number, "why": error}
            ) from error
        return Rendition(converted, converted=True)
    return Rendition(_laid_out(file, data), converted=True)


def _laid_out(file: File, data: bytes) -> bytes:
    """An image or an e-mail laid out as a page of PDF/A-2b."""
    context: dict[str, object] = {"file": file, "document": file.document}
    if file.content_type in IMAGES:
        encoded = base64.b64encode(data).decode("ascii")
        context["image"] = f"data:{file.content_type};base64,{encoded}"
    else:
        context["text"] = file.extracted_text
    with translation.override("sv"):
        html = render_to_string("archive/pdf/rendition.html", context)
    return pdf.write(pdf.render(html))
