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
"""

from __future__ import annotations

import base64
import datetime
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pypdf
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    RectangleObject,
)

from kansli.accounts.policy import Actor, User
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_view
from kansli.meetings.models import AgendaItem, Attendance, ItemAttachment, Meeting
from kansli.meetings.policy import item_title, reads_packet_whole
from kansli.registry import files
from kansli.registry.models import Document, File
from kansli.registry.visibility import document_view

if TYPE_CHECKING:
    import weasyprint

IMAGES = (files.PNG, files.JPEG)
FRONT = "front"  # the anchor of the notice at the head of a packet
# Where "Sida N av M" sits: from the right and the bottom edge of the page, in points.
STAMP_RIGHT = 110
STAMP_BOTTOM = 22
STAMP_FONT_SIZE = 8


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
    return _render("meetings/pdf/notice.html", context).write_pdf()


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


def minutes_pdf(meeting: Meeting, *, public: bool, user: Actor = None) -> bytes:
    """The minutes (protokoll): who attended, each paragraph (§) with its proposals, votes,
    resolution, dissents and notes, and the approval. The public version masks what the
    registry's visibility hides from the public (the titles and texts of secret cases); the
    full version is whole for the system (no user), and masks for `user` what the registry
    hides from them, as the members' packet does for anyone not of the organ."""
    reader = PUBLIC if public else (WHOLE if user is None else Reader(user))
    items = (
        meeting.items.filter(minute_number__isnull=False)
        .order_by("minute_number")
        .select_related("case__organization", "rapporteur")
        .prefetch_related(
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
    context = {
        "meeting": meeting,
        "public": public,
        "attendance": _attendance(meeting),
        "paragraphs": [_paragraph(item, reader) for item in items],
        "signatures": _signatures(meeting),
        "posting": meeting.postings.filter(item__isnull=True).first(),
    }
    return _render("meetings/pdf/minutes.html", context).write_pdf()


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


@dataclass
class AttachmentEntry:
    number: str
    description: str
    document: Document
    visible: bool  # may its files be shown
    secrecy_reference: str
    sheets: list[Sheet] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


@dataclass(frozen=True)
class ReportedDecision:
    """A delegated decision reported in the item (its appendix). The public sees its type, not
    its title, which may name a person: decisions have no secrecy marking of their own."""

    decided_on: datetime.date
    title: str
    delegate: str
    case_reference: str
    rule: str


@dataclass
class ItemEntry:
    anchor: str
    number: int
    title: str
    case_number: str
    rapporteur: str
    proposal: str
    attachments: list[AttachmentEntry]
    decisions: list[ReportedDecision]


def _agenda_context(meeting: Meeting, reader: Reader) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "cancelled": meeting.status == Meeting.Status.CANCELLED,
        "items": _agenda(meeting, reader),
        "front": FRONT,
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
        entries.append(
            ItemEntry(
                anchor=f"item-{item.pk}",
                number=number,
                title=title,
                case_number=item.case.number if item.case else "",
                rapporteur=item.rapporteur.name if item.rapporteur else "",
                proposal="" if masked else item.proposal,
                attachments=[_attachment(a.document, reader) for a in item.attachments.all()],
                decisions=_reported_decisions(item, reader),
            )
        )
    return entries


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


def _packet(meeting: Meeting, reader: Reader) -> bytes:
    context = _agenda_context(meeting, reader)
    items: list[ItemEntry] = context["items"]
    for entry in items:
        for attachment in entry.attachments:
            _plan_attachment(attachment, f"{entry.anchor}-document-{attachment.document.pk}")
    own = _render("meetings/pdf/packet.html", context)
    own_pdf = pypdf.PdfReader(io.BytesIO(own.write_pdf()))
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
    _stamp_page_numbers(writer)
    writer.add_metadata({"/Title": own.metadata.title or ""})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _plan_attachment(attachment: AttachmentEntry, anchor: str) -> None:
    """What of the attachment goes in the packet, in order: its PDFs as parts, everything else
    as pages of our own (`anchor` and those made from it name them in the HTML)."""
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
        _plan_file(attachment, file, f"{anchor}-file-{file.pk}")


def _plan_file(attachment: AttachmentEntry, file: File, anchor: str) -> None:
    if file.content_type == files.PDF:
        with default_storage.open(file.storage_name) as stored:
            reader = _pdf_reader(stored.read())
        if reader is not None:
            attachment.parts.append(Part(pdf=reader))
            return
        text = _(
            "Filen %(name)s kunde inte läggas in i handlingarna. Den finns i diariet under "
            "nummer %(number)s."
        )
    elif file.content_type in IMAGES:
        with default_storage.open(file.storage_name) as stored:
            data = base64.b64encode(stored.read()).decode("ascii")
        image = f"data:{file.content_type};base64,{data}"
        _add_sheet(attachment, Sheet(anchor, name=file.original_name, image=image))
        return
    else:
        text = _(
            "Bilagan %(name)s (%(kind)s) kan inte visas i handlingarna. Den finns i diariet "
            "under nummer %(number)s."
        )
    kind = files.ALLOWED.get(file.content_type)
    values = {
        "name": file.original_name,
        "kind": kind.label if kind else file.content_type,
        "number": attachment.number,
    }
    _add_sheet(attachment, Sheet(anchor, name=file.original_name, text=text % values))


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


def _stamp_page_numbers(writer: pypdf.PdfWriter) -> None:
    """Stamp "Sida N av M" at the foot of every page, attachments' pages included: an overlay
    page of one line of Helvetica made with pypdf, merged onto each page at its right edge."""
    total = len(writer.pages)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    resources = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/FPage"): font})}
    )
    for number, page in enumerate(writer.pages, 1):
        if page.rotation:
            page.transfer_rotation_to_content()
        box = page.cropbox
        label = _("Sida %(page)d av %(pages)d") % {"page": number, "pages": total}
        overlay = _overlay(label, box, resources)
        page.merge_page(overlay, over=True)


def _overlay(label: str, box: RectangleObject, resources: DictionaryObject) -> pypdf.PageObject:
    x = float(box.right) - STAMP_RIGHT
    y = float(box.bottom) + STAMP_BOTTOM
    text = label.encode("cp1252", errors="replace").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = DecodedStreamObject()
    stream.set_data(
        b"BT /FPage %d Tf 0.27 g %.2f %.2f Td (%s) Tj ET" % (STAMP_FONT_SIZE, x, y, text)
    )
    overlay = pypdf.PageObject.create_blank_page(width=float(box.right), height=float(box.top))
    overlay[NameObject("/Resources")] = resources
    overlay[NameObject("/Contents")] = stream
    return overlay


# The minutes


def _attendance(meeting: Meeting) -> dict[str, list[Attendance]]:
    rows = list(meeting.attendance.select_related("person", "serves_for", "membership"))
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


@dataclass
class Paragraph:
    item: AgendaItem
    title: str
    masked: bool
    mask: str
    decisions: list[ReportedDecision]


def _paragraph(item: AgendaItem, reader: Reader) -> Paragraph:
    title, masked = _item_title(item, reader)
    return Paragraph(
        item=item,
        title=title,
        masked=masked,
        mask=title if masked else "",
        decisions=_reported_decisions(item, reader),
    )


@dataclass
class Signature:
    role: str
    name: str
    approved_at: datetime.datetime | None = None


def _signatures(meeting: Meeting) -> list[Signature]:
    """Who signs the minutes: the chair, the minutes checkers and the secretary, each with the
    time they approved them if they have, then anyone else who approved them (a vice chair who
    chaired, say) in the role they signed in."""
    approvals = {
        approval.person_id: approval
        for approval in meeting.approvals.filter(item__isnull=True).select_related("person")
    }
    signers = []
    if meeting.chair:
        signers.append((_("Ordförande"), meeting.chair))
    checkers = meeting.attendance.filter(checks_minutes=True).select_related("person")
    signers.extend((_("Justerare"), checker.person) for checker in checkers)
    if meeting.secretary:
        signers.append((_("Sekreterare"), meeting.secretary))
    signatures = []
    for role, signer in signers:
        approval = approvals.pop(signer.pk, None)
        signatures.append(Signature(role, signer.name, approval.approved_at if approval else None))
    signatures.extend(
        Signature(
            approval.get_role_display().capitalize(), approval.person.name, approval.approved_at
        )
        for approval in approvals.values()
    )
    return signatures


def _render(template: str, context: dict[str, Any]) -> weasyprint.Document:
    """Render the template, in Swedish, into a WeasyPrint document; nothing is fetched from
    outside the document itself (data URIs only)."""
    # WeasyPrint takes seconds to import: only the processes that make PDFs pay for it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("sv"):
        html = render_to_string(template, context)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).render()
