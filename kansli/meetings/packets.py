"""The documents of a meeting as PDF: the notice, the members' and the public packet, the minutes.

Each is rendered from an HTML template under `meetings/pdf/` with WeasyPrint, which fetches
nothing from outside (images go in as data URIs). A packet is the notice followed, item by
item, by a divider page and the item's attachments: the registered PDF files merged as they are
with pypdf, images put on a page, other formats (DOCX, ODT, e-mail; no converter is at hand)
named on a page that says where in the registry they are kept. It has an outline (bookmarks)
per item with its attachments beneath, and "Sida N av M" stamped on every page.

Who reads what (`Reader`): the members and substitutes of the organ read the members' packet
whole, secret attachments included (`policy.reads_packet_whole`); anyone else, the secretary
who assembles it included, reads each item and attachment as the registry's visibility shows
it to them (`document_view`, `case_view`): a secret attachment they may not see is left out
with a page that says so, masked entries and secret case titles are masked. The notice, which
is e-mailed, the public packet and the public minutes are what the anonymous public sees.

The pages serve each document stored once per version of what it shows to its reader (the
`*_stored` functions, `kansli.generated`); the functions that return bytes make it anew.
"""

from __future__ import annotations

import base64
import datetime
import email
import email.policy
import io
from concurrent.futures import Future
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

import pypdf
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from kansli import generated, pdf
from kansli.accounts.policy import Actor, User
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_view
from kansli.meetings import conversion
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    ItemAttachment,
    Meeting,
    MinutesVersion,
)
from kansli.meetings.policy import item_title, reads_packet_whole
from kansli.meetings.selectors import minutes_version
from kansli.preparation.models import Preparation
from kansli.registry import files
from kansli.registry.models import Document, File
from kansli.registry.visibility import document_view

if TYPE_CHECKING:
    import weasyprint

IMAGES = (files.PNG, files.JPEG)
FRONT = "front"  # the anchor of the notice at the head of a packet


@dataclass(frozen=True)
class Reader:
    """Whom a document is made for: the user the registry's visibility is asked about, or
    one who reads everything whole (a member of the organ, the system)."""

    user: User
    whole: bool = False

    @property
    def public(self) -> bool:
        return not self.whole and not self.user.is_authenticated


PUBLIC = Reader(AnonymousUser())
WHOLE = Reader(AnonymousUser(), whole=True)


def notice_pdf(meeting: Meeting) -> bytes:
    """The notice (kallelse) with the agenda, as e-mailed to members and substitutes: the
    public version, since an e-mail leaves the system; the full packet is fetched signed in."""
    context = _agenda_context(meeting, PUBLIC)
    return pdf.write(_render("meetings/pdf/notice.html", context))


def notice_stored(meeting: Meeting) -> generated.Stored:
    """The notice as the meeting's page serves it: stored once per version (`generated`)."""
    return _stored(
        meeting, "kallelse", "meetings/pdf/notice.html", _agenda_context(meeting, PUBLIC)
    )


def members_packet(meeting: Meeting, user: Actor) -> bytes:
    """The notice and every attachment as `user` may read them: whole for the organ's members
    and substitutes and for the system (no user), as the registry shows them to anyone else."""
    if user is None or reads_packet_whole(user, meeting):
        return _packet(meeting, WHOLE)
    return _packet(meeting, Reader(user))


def public_packet(meeting: Meeting) -> bytes:
    """The notice and the attachments the public may see; a secret one only named, with its
    ground for secrecy."""
    return _packet(meeting, PUBLIC)


def members_packet_stored(meeting: Meeting, user: Actor) -> generated.Stored:
    """The members' packet for `user` (`members_packet`), stored once per version: the version
    is of what `user` reads, so one from whom a secret is masked never gets a whole one."""
    if user is None or reads_packet_whole(user, meeting):
        return _packet_stored(meeting, WHOLE, "ledamotshandlingar")
    return _packet_stored(meeting, Reader(user), "ledamotshandlingar")


def public_packet_stored(meeting: Meeting) -> generated.Stored:
    """The public packet (`public_packet`), stored once per version."""
    return _packet_stored(meeting, PUBLIC, "handlingar")


def minutes_pdf(
    meeting: Meeting,
    *,
    public: bool,
    user: Actor = None,
    version: MinutesVersion | None = None,
) -> bytes:
    """The minutes (protokoll) rendered now, as PDF/A: who attended, each paragraph (§) with
    its proposals, votes, resolution, dissents and notes, and who signs. The public version
    masks what the registry's visibility hides from the public (the titles and texts of secret
    cases); the full version is whole for the system (no user), and masks for `user` what the
    registry hides from them, as the members' packet does for anyone not of the organ.

    Rendered once for each stored `version` (its number and the reason of a correction
    printed); before the minutes are sent for justering, a draft. Anything served after that
    is the stored file (`minutes_served`)."""
    paragraphs = _paragraphs(meeting, _minutes_reader(public=public, user=user))
    return _minutes(meeting, paragraphs, public=public, version=version)


def _minutes_reader(*, public: bool, user: Actor) -> Reader:
    return PUBLIC if public else (WHOLE if user is None else Reader(user))


def minutes_pdfs(meeting: Meeting, *, version: MinutesVersion) -> tuple[bytes, bytes]:
    """The stored version's two files, whole and as the public reads them. When the public
    may read every paragraph as it stands, the minutes are rendered once and that one file is
    both (nothing in it is masked, so it is no "offentlig version")."""
    whole = _paragraphs(meeting, WHOLE)
    as_public = _paragraphs(meeting, PUBLIC)
    full = _minutes(meeting, whole, public=False, version=version)
    if as_public == whole:
        return full, full
    return full, _minutes(meeting, as_public, public=True, version=version)


def _paragraphs(meeting: Meeting, reader: Reader) -> list[Paragraph]:
    return [_paragraph(item, reader) for item in _minute_items(meeting)]


def _minutes(
    meeting: Meeting, paragraphs: list[Paragraph], *, public: bool, version: MinutesVersion | None
) -> bytes:
    context = _minutes_context(meeting, paragraphs, public=public, version=version)
    return pdf.write(_render("meetings/pdf/minutes.html", context))


def _minutes_context(
    meeting: Meeting, paragraphs: list[Paragraph], *, public: bool, version: MinutesVersion | None
) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "public": public,
        "version": version,
        "sections": ", ".join(f"§ {p.item.minute_number}" for p in paragraphs),
        "attendance": _attendance(meeting),
        "paragraphs": paragraphs,
        "signatures": _signatures(meeting),
        **_times(meeting, paragraphs),
    }


def extract_stored(item: AgendaItem) -> generated.Stored:
    """The protokollsutdrag of one paragraph, whole: the minutes' heading, the paragraph as
    the minutes have it, and who approves them; what expediering sends to its recipients.
    Stored once per version (`generated`)."""
    meeting = item.meeting
    paragraphs = [_paragraph(_minute_items(meeting).get(pk=item.pk), WHOLE)]
    context = {
        "meeting": meeting,
        "public": False,
        "extract": True,
        "sections": f"§ {item.minute_number}",
        "paragraphs": paragraphs,
        "signatures": _signatures(meeting),
        **_times(meeting, paragraphs),
    }
    return _stored(meeting, f"protokollsutdrag-{item.pk}", "meetings/pdf/minutes.html", context)


def _times(meeting: Meeting, paragraphs: list[Paragraph]) -> dict[str, Any]:
    """The adjournments, and the first and last § that an attendance's "närvarande §§"
    runs from and to when it names only one end."""
    numbers = [paragraph.item.minute_number for paragraph in paragraphs]
    return {
        "adjournments": list(meeting.adjournments.all()),
        "first_section": numbers[0] if numbers else "",
        "last_section": numbers[-1] if numbers else "",
    }


def _minute_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The meeting's paragraphs in order, with all the minutes print of each."""
    attachments = ItemAttachment.objects.select_related("document__case__organization")
    return (
        meeting.items.filter(minute_number__isnull=False)
        .order_by("minute_number")
        .select_related("case__organization", "rapporteur")
        .prefetch_related(
            Prefetch("attachments", queryset=attachments),
            "proposals__proposer",
            "votes__ballots__person",
            "votes__yes_proposal",
            "votes__no_proposal",
            "votes__winner",
            "dissents__person",
            "notes__person",
            "disqualifications__person",
            "disqualifications__substitute",
            "approvals__person",
            "reported_decisions__decided_by",
        )
    )


def minutes_served(meeting: Meeting, *, public: bool, user: Actor = None) -> generated.Stored:
    """The minutes as every path serves them: once sent for justering, the newest stored
    version (`minutes_file`); before that, the draft (`minutes_pdf`), stored once per version
    of what the reader reads."""
    version = minutes_version(meeting=meeting)
    if version is not None:
        return minutes_file(version, public=public, user=user)
    paragraphs = _paragraphs(meeting, _minutes_reader(public=public, user=user))
    context = _minutes_context(meeting, paragraphs, public=public, version=None)
    return _stored(meeting, "protokollsutkast", "meetings/pdf/minutes.html", context)


def minutes_file(version: MinutesVersion, *, public: bool, user: Actor = None) -> generated.Stored:
    """A stored version's file as it is: the full minutes to the system (no user) and to a
    user who reads every paragraph of them unmasked by the registry's visibility; the public
    version to the public and to anyone from whom the registry hides a part. Its version is
    its SHA-256, which a signature changes."""
    if not public and (user is None or _reads_minutes_whole(user, version.meeting)):
        return generated.frozen(version.file, version.sha256)
    return generated.frozen(version.public_file, version.public_sha256)


def _reads_minutes_whole(user: User, meeting: Meeting) -> bool:
    reader = Reader(user)
    items = (
        meeting.items.filter(minute_number__isnull=False)
        .select_related("case")
        .prefetch_related("reported_decisions")
    )
    return not any(
        _item_title(item, reader)[1]
        or any(_reported_title(d, reader) != d.title for d in item.reported_decisions.all())
        for item in items
    )


# The agenda, as members or the public may see it


@dataclass
class Sheet:
    """A page of our own in a packet for an attachment's file: an image, or a text saying why
    the file itself is not there."""

    anchor: str
    name: str = ""
    image: str = ""  # a data URI
    text: str = ""


@dataclass
class Part:
    """One step of a packet in page order: pages of our own (from the anchor up to the next
    part's), or a registered PDF merged as it is."""

    anchor: str = ""
    pdf: pypdf.PdfReader | None = None


@dataclass(frozen=True)
class Conversion:
    """An office document LibreOffice is making a PDF of, and the part and the page of our own
    that stand in its place until it is done: the part becomes the PDF, or the page says why
    there is none."""

    name: str
    content_type: str
    converted: Future[bytes]
    part: Part
    sheet: Sheet


@dataclass
class AttachmentEntry:
    number: str
    description: str
    document: Document
    visible: bool  # may its files be shown
    secrecy_reference: str
    sheets: list[Sheet] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)


@dataclass(frozen=True)
class ReportedDecision:
    """A delegated decision reported in the item (its appendix). The public sees its type, not
    its title, which may name a person: decisions have no secrecy marking of their own."""

    decided_on: datetime.date
    title: str
    delegate: str
    case_reference: str
    rule: str


@dataclass(frozen=True)
class OfficerReport:
    """The officer's report (tjänsteskrivelse) written in Kansli, as the reader may read it:
    whole, or, when its case is secret to the reader, only that it is (`secrecy_reference`)."""

    written_on: datetime.date
    case_number: str
    text: str = ""
    clauses: tuple[str, ...] = ()
    economic_consequences: str = ""
    financing: str = ""
    secrecy_reference: str = ""

    @property
    def masked(self) -> bool:
        return bool(self.secrecy_reference)


@dataclass
class ItemEntry:
    anchor: str
    number: int
    title: str
    case_number: str
    rapporteur: str
    proposal: str
    report: OfficerReport | None
    attachments: list[AttachmentEntry]
    decisions: list[ReportedDecision]


def _agenda_context(meeting: Meeting, reader: Reader) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "cancelled": meeting.status == Meeting.Status.CANCELLED,
        "items": _agenda(meeting, reader),
        "front": FRONT,
        "public": reader.public,
    }


def _agenda(meeting: Meeting, reader: Reader) -> list[ItemEntry]:
    attachments = ItemAttachment.objects.select_related(
        "document__case__organization"
    ).prefetch_related("document__files")
    items = (
        meeting.items.order_by("position")
        .select_related("case__organization", "rapporteur")
        .prefetch_related(
            Prefetch("attachments", queryset=attachments), "reported_decisions__decided_by"
        )
    )
    entries = []
    for number, item in enumerate(items, 1):
        title, masked = _item_title(item, reader)
        preparation = _preparation(item)
        entries.append(
            ItemEntry(
                anchor=f"item-{item.pk}",
                number=number,
                title=title,
                case_number=item.case.number if item.case else "",
                rapporteur=item.rapporteur.name if item.rapporteur else "",
                proposal="" if masked else item.proposal,
                report=_officer_report(item, preparation, masked),
                attachments=[
                    _attachment(document, reader) for document in _documents(item, preparation)
                ],
                decisions=_reported_decisions(item, reader),
            )
        )
    return entries


def _preparation(item: AgendaItem) -> Preparation | None:
    if item.case is None:
        return None
    return (
        Preparation.objects.filter(case=item.case)
        .select_related("report_document__case__organization")
        .prefetch_related("clauses", "report_document__files")
        .first()
    )


def _officer_report(
    item: AgendaItem, preparation: Preparation | None, masked: bool
) -> OfficerReport | None:
    """The report written in Kansli, whole, or masked when the reader may not see the case
    (the registry's visibility, asked for the item's title); none when it is not written."""
    if preparation is None or not preparation.report_text.strip() or item.case is None:
        return None
    written_on = timezone.localdate(preparation.updated_at)
    if masked:
        return OfficerReport(
            written_on, item.case.number, secrecy_reference=item.case.secrecy_reference
        )
    return OfficerReport(
        written_on,
        item.case.number,
        text=preparation.report_text,
        clauses=tuple(clause.text for clause in preparation.clauses.all()),
        economic_consequences=preparation.economic_consequences,
        financing=preparation.financing,
    )


def _documents(item: AgendaItem, preparation: Preparation | None) -> list[Document]:
    """The item's attachments, after the officer's report when it is a registered document
    not attached already."""
    attached = [attachment.document for attachment in item.attachments.all()]
    report = preparation.report_document if preparation is not None else None
    if report is None or report in attached:
        return attached
    return [report, *attached]


def _reported_decisions(item: AgendaItem, reader: Reader) -> list[ReportedDecision]:
    return [
        ReportedDecision(
            decided_on=decision.decided_on,
            title=_reported_title(decision, reader),
            delegate=decision.decided_by.name if decision.decided_by else "",
            case_reference=decision.case_reference,
            rule=decision.source_rule,
        )
        for decision in item.reported_decisions.all()
    ]


def _reported_title(decision: Decision, reader: Reader) -> str:
    """The public reads a reported decision's type; the members its title; anyone else its
    title as the register shows it to them (masked when it is a secret case's)."""
    if reader.public:
        return decision.decision_type_name
    return decision.title if reader.whole else decision_view(reader.user, decision).title


def _item_title(item: AgendaItem, reader: Reader) -> tuple[str, bool]:
    """The item's title, and whether it is masked: whole for the members, for anyone else as
    the registry's visibility masks its case."""
    return (item.title, False) if reader.whole else item_title(reader.user, item)


def _attachment(document: Document, reader: Reader) -> AttachmentEntry:
    """The members see every attachment whole. Anyone else sees the attachment as the
    registry's visibility shows them a document on a published agenda: the entry, and the
    files unless the document is secret and they may not see through it."""
    if reader.whole:
        return AttachmentEntry(document.number, document.description, document, True, "")
    view = document_view(reader.user, document, on_agenda=True)
    return AttachmentEntry(
        document.number,
        view.description,
        document,
        visible=view.files_visible,
        secrecy_reference=document.secrecy_reference,
    )


# The packet


def _packet_stored(meeting: Meeting, reader: Reader, kind: str) -> generated.Stored:
    """The packet stored under the version of what it shows: its own pages' HTML before the
    attachments are placed (the agenda, the items, each attachment's entry as the reader sees
    it), whether each attachment's files are shown, and which files (by SHA-256), and the
    language of the page numbers and bookmarks, which are added outside that HTML."""
    context = _agenda_context(meeting, reader)
    files_shown = [
        [
            attachment.document.pk,
            attachment.visible,
            attachment.secrecy_reference,
            [
                [file.pk, file.sha256, file.content_type, file.original_name]
                for file in (attachment.document.files.all() if attachment.visible else [])
            ],
        ]
        for entry in context["items"]
        for attachment in entry.attachments
    ]
    version = generated.digest(
        _html("meetings/pdf/packet.html", context), files_shown, translation.get_language()
    )
    return generated.stored(_owner(meeting), kind, version, lambda: _packet_made(context))


def _packet(meeting: Meeting, reader: Reader) -> bytes:
    return _packet_made(_agenda_context(meeting, reader))[0]


def _packet_made(context: dict[str, Any]) -> tuple[bytes, bool]:
    """The packet, and whether it is whole: False when an office document could not be
    converted (a time-out may pass), so that it is made again a while later."""
    items: list[ItemEntry] = context["items"]
    attachments = [attachment for entry in items for attachment in entry.attachments]
    with conversion.Converter() as converter:
        for entry in items:
            for attachment in entry.attachments:
                anchor = f"{entry.anchor}-document-{attachment.document.pk}"
                _plan_attachment(attachment, anchor, converter)
    whole = all([_place_conversions(attachment) for attachment in attachments])
    own = _render("meetings/pdf/packet.html", context)
    own_pdf = pypdf.PdfReader(io.BytesIO(pdf.write(own)))
    first_page = _anchor_pages(own)

    writer = pypdf.PdfWriter()
    parts = [Part(anchor=FRONT)]
    for entry in items:
        parts.append(Part(anchor=entry.anchor))
        parts.extend(part for attachment in entry.attachments for part in attachment.parts)
    own_starts = sorted(first_page[part.anchor] for part in parts if part.anchor)
    starts: dict[int, int] = {}  # the index of a part -> its first page in the packet
    for index, part in enumerate(parts):
        starts[index] = len(writer.pages)
        if part.pdf is not None:
            for page in part.pdf.pages:
                writer.add_page(page)
        else:
            begin = first_page[part.anchor]
            end = next((start for start in own_starts if start > begin), len(own_pdf.pages))
            for page_number in range(begin, end):
                writer.add_page(own_pdf.pages[page_number])
    _outline(writer, items, parts, starts)
    pdf.stamp_page_numbers(writer, _page_label)
    pdf.archival(writer, own_pdf)
    writer.add_metadata({"/Title": own.metadata.title or ""})
    pdf.compact(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), whole


def _plan_attachment(
    attachment: AttachmentEntry, anchor: str, converter: conversion.Converter
) -> None:
    """What of the attachment goes in the packet, in order: its PDFs as parts, everything else
    as pages of our own (`anchor` and those made from it name them in the HTML); its office
    documents given to `converter`."""
    document = attachment.document
    if not attachment.visible:
        text = _("Handlingen omfattas av sekretess (%(reference)s) och ingår inte här.") % {
            "reference": attachment.secrecy_reference
        }
        _add_sheet(attachment, Sheet(anchor, text=text))
        return
    stored = list(document.files.all())
    if not stored:
        text = _("Handlingen har ingen fil. Den finns i diariet under nummer %(number)s.") % {
            "number": document.number
        }
        _add_sheet(attachment, Sheet(anchor, text=text))
    for file in stored:
        _plan_file(attachment, file, f"{anchor}-file-{file.pk}", converter)


def _plan_file(
    attachment: AttachmentEntry, file: File, anchor: str, converter: conversion.Converter
) -> None:
    with default_storage.open(file.storage_name) as stored:
        data = stored.read()
    _plan_content(attachment, file.original_name, file.content_type, data, anchor, converter)


def _plan_content(
    attachment: AttachmentEntry,
    name: str,
    content_type: str,
    data: bytes,
    anchor: str,
    converter: conversion.Converter,
) -> None:
    """One file's pages: a PDF merged as it is, an office document made a PDF by LibreOffice
    (`conversion`, placed when done: `_place_conversions`), an image on a page, an e-mail's
    text and then its attachments in turn; anything else, or a file that fails, named on a
    page that says why."""
    if content_type in IMAGES:
        image = f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"
        _add_sheet(attachment, Sheet(anchor, name=name, image=image))
        return
    if content_type == files.EMAIL:
        _plan_email(attachment, name, data, anchor, converter)
        return
    if content_type in conversion.CONVERTIBLE:
        sheet = Sheet(anchor, name=name)
        _add_sheet(attachment, sheet)
        converted = converter.submit(data, content_type)
        attachment.conversions.append(
            Conversion(name, content_type, converted, attachment.parts[-1], sheet)
        )
        return
    if content_type == files.PDF:
        reader = _pdf_reader(data)
        reason = _("PDF-filen kan inte läsas.")
    else:
        reader, reason = None, _("Filer av den typen visas inte i handlingarna.")
    if reader is not None:
        attachment.parts.append(Part(pdf=reader))
        return
    text = _not_included(attachment, name, content_type, reason)
    _add_sheet(attachment, Sheet(anchor, name=name, text=text))


def _place_conversions(attachment: AttachmentEntry) -> bool:
    """Each converted office document in the place it holds: its PDF, or the page that says
    why it could not be converted; whether every one was."""
    placed = True
    for pending in attachment.conversions:
        try:
            reader = _pdf_reader(pending.converted.result())
            reason = _("LibreOffice gjorde ingen läsbar PDF av filen.")
        except conversion.ConversionError as error:
            reader, reason = None, str(error)
        if reader is None:
            placed = False
            pending.sheet.text = _not_included(
                attachment, pending.name, pending.content_type, reason
            )
        else:
            attachment.sheets.remove(pending.sheet)
            pending.part.anchor = ""
            pending.part.pdf = reader
    return placed


def _not_included(attachment: AttachmentEntry, name: str, content_type: str, reason: str) -> str:
    kind = files.ALLOWED.get(content_type)
    return _(
        "Bilagan %(name)s (%(kind)s) kunde inte läggas in i handlingarna. %(reason)s Den "
        "finns i diariet under nummer %(number)s."
    ) % {
        "name": name,
        "kind": kind.label if kind else content_type,
        "reason": reason,
        "number": attachment.number,
    }


def _plan_email(
    attachment: AttachmentEntry,
    name: str,
    data: bytes,
    anchor: str,
    converter: conversion.Converter,
) -> None:
    """An e-mail: its sender, recipients, date, subject and text on a page of their own, then
    each of its attachments as a file of the packet in turn."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    headers = [
        f"{label}: {message[header]}"
        for label, header in ((_("Från"), "From"), (_("Till"), "To"), (_("Datum"), "Date"))
        if message[header]
    ]
    body = message.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if isinstance(body, EmailMessage) else ""
    if isinstance(body, EmailMessage) and body.get_content_type() == "text/html":
        text = strip_tags(text)
    subject = str(message["Subject"] or name)
    _add_sheet(
        attachment, Sheet(anchor, name=subject, text="\n".join([*headers, "", text.strip()]))
    )
    for index, part in enumerate(message.iter_attachments(), 1):
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes) or not content:
            continue
        filename = part.get_filename() or _("bilaga %(number)s") % {"number": index}
        detected = files.detect_content_type(content) or part.get_content_type()
        _plan_content(attachment, filename, detected, content, f"{anchor}-part-{index}", converter)


def _pdf_reader(data: bytes) -> pypdf.PdfReader | None:
    """The PDF to merge, or None if it cannot be read or has no pages. One locked only against
    changes (an empty user password), which the registry takes, pypdf opens by itself."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return reader if len(reader.pages) else None
    except pypdf.errors.PyPdfError:
        return None


def _add_sheet(attachment: AttachmentEntry, sheet: Sheet) -> None:
    attachment.sheets.append(sheet)
    attachment.parts.append(Part(anchor=sheet.anchor))


def _anchor_pages(document: weasyprint.Document) -> dict[str, int]:
    """The page on which each anchor (an element's id) of the rendered document is."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def _outline(
    writer: pypdf.PdfWriter, items: list[ItemEntry], parts: list[Part], starts: dict[int, int]
) -> None:
    """A bookmark per item at its divider page, its attachments beneath it."""
    writer.add_outline_item(title=_("Kallelse"), page_number=0)
    index = 1
    for entry in items:
        parent = writer.add_outline_item(
            title=f"{entry.number}. {entry.title}", page_number=starts[index]
        )
        index += 1
        for attachment in entry.attachments:
            title = f"{attachment.number} {attachment.description}"
            writer.add_outline_item(title=title, page_number=starts[index], parent=parent)
            index += len(attachment.parts)


def _page_label(page: int, pages: int) -> str:
    return _("Sida %(page)d av %(pages)d") % {"page": page, "pages": pages}


# The minutes


def _attendance(meeting: Meeting) -> dict[str, list[Attendance]]:
    rows = list(
        meeting.attendance.select_related(
            "person", "serves_for", "membership", "came_at", "left_after"
        )
    )
    capacity = Attendance.Capacity
    return {
        "members": [a for a in rows if a.capacity == capacity.MEMBER and a.present],
        "serving": [a for a in rows if a.capacity == capacity.SUBSTITUTE and a.serves_for_id],
        "substitutes": [
            a
            for a in rows
            if a.capacity == capacity.SUBSTITUTE and a.present and not a.serves_for_id
        ],
        "absent": [a for a in rows if a.capacity == capacity.MEMBER and not a.present],
        "officials": [a for a in rows if a.capacity == capacity.OFFICIAL and a.present],
        "checkers": [a for a in rows if a.checks_minutes],
    }


@dataclass(frozen=True)
class Basis:
    """One document of a paragraph's beslutsunderlag, as the reader may see its title."""

    title: str
    date: datetime.date
    number: str


@dataclass
class Paragraph:
    item: AgendaItem
    title: str
    masked: bool
    mask: str
    decisions: list[ReportedDecision]
    clauses: list[str]  # the decision's att-satser, one a line of the item's resolution
    basis: list[Basis]
    recipients: list[str]  # expediering: who the decision is sent to


def _paragraph(item: AgendaItem, reader: Reader) -> Paragraph:
    """A paragraph as the reader may read it; a masked one keeps its decision and recipients
    to itself and names its beslutsunderlag as the registry's visibility shows them."""
    title, masked = _item_title(item, reader)
    return Paragraph(
        item=item,
        title=title,
        masked=masked,
        mask=title if masked else "",
        decisions=_reported_decisions(item, reader),
        clauses=_lines(item.resolution),
        basis=_basis(item, reader, masked),
        recipients=[] if masked else _lines(item.recipients),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _basis(item: AgendaItem, reader: Reader, masked: bool) -> list[Basis]:
    """The beslutsunderlag: the officer's report written in Kansli, then the registered
    documents (a report registered as a document, the attachments)."""
    preparation = _preparation(item)
    report = _officer_report(item, preparation, masked)
    basis = [Basis(_("Tjänsteskrivelse"), report.written_on, report.case_number)] if report else []
    for document in _documents(item, preparation):
        entry = _attachment(document, reader)
        basis.append(Basis(entry.description, document.date, entry.number))
    return basis


@dataclass(frozen=True)
class Signature:
    role: str
    name: str


def _signatures(meeting: Meeting) -> list[Signature]:
    """Who signs the minutes: the chair, the minutes checkers and the secretary. The
    signatures themselves are the PAdES signatures added to the stored file, or on paper."""
    signers = []
    if meeting.chair:
        signers.append(Signature(_("Ordförande"), meeting.chair.name))
    checkers = meeting.attendance.filter(checks_minutes=True).select_related("person")
    signers.extend(Signature(_("Justerare"), checker.person.name) for checker in checkers)
    if meeting.secretary:
        signers.append(Signature(_("Sekreterare"), meeting.secretary.name))
    return signers


def _render(template: str, context: dict[str, Any]) -> weasyprint.Document:
    """Render the template, in Swedish, into a WeasyPrint document; nothing is fetched from
    outside the document itself (data URIs only)."""
    return pdf.render(_html(template, context))


def _html(template: str, context: dict[str, Any]) -> str:
    with translation.override("sv"):
        return render_to_string(template, context)


def _owner(meeting: Meeting) -> str:
    return f"meetings/{meeting.pk}"


def _stored(
    meeting: Meeting, kind: str, template: str, context: dict[str, Any]
) -> generated.Stored:
    """The document rendered from the template, stored under the version of its HTML, which
    holds everything it shows."""
    html = _html(template, context)
    return generated.stored(
        _owner(meeting), kind, generated.digest(html), lambda: (pdf.write(pdf.render(html)), True)
    )
