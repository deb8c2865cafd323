"""A registered file's type, read from its content, and its text for search.

The name a file arrives with and the type a browser declares are only claims: the type is
what the content is, and a file whose name or declared type says otherwise is refused, as is
an empty, oversized or unreadable one. No file is stored before it has passed.

A file that passed on a form that could not be registered yet (another field's error, the
warning of a possible duplicate) is held for the user (`hold`), so that it need not be uploaded
again: stored apart from the registry's files, under a signed token that only the user who
uploaded it can redeem, for `HELD_FOR`.
"""

import datetime
import email
import email.parser
import email.policy
import hashlib
import io
import re
import secrets
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import PurePath
from xml.etree import ElementTree

import filetype
import pypdf
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kansli.texts import StrOrPromise

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
EMAIL = "message/rfc822"


@dataclass(frozen=True)
class Kind:
    label: StrOrPromise
    extensions: tuple[str, ...]


ALLOWED: dict[str, Kind] = {
    PDF: Kind(_lazy("PDF"), (".pdf",)),
    DOCX: Kind(_lazy("Word-dokument (DOCX)"), (".docx",)),
    ODT: Kind(_lazy("OpenDocument-text (ODT)"), (".odt",)),
    XLSX: Kind(_lazy("Excel-kalkylblad (XLSX)"), (".xlsx",)),
    ODS: Kind(_lazy("OpenDocument-kalkylblad (ODS)"), (".ods",)),
    PNG: Kind(_lazy("PNG-bild"), (".png",)),
    JPEG: Kind(_lazy("JPEG-bild"), (".jpg", ".jpeg", ".jpe")),
    TIFF: Kind(_lazy("TIFF-bild"), (".tif", ".tiff")),
    EMAIL: Kind(_lazy("e-post (EML)"), (".eml",)),
}

# What a browser may declare without claiming anything.
UNDECLARED = {"", "application/octet-stream", "binary/octet-stream"}

# The XML read out of a DOCX or ODT may be larger than the file (it is compressed), but not
# without bound: a small archive can unpack to gigabytes.
XML_LIMIT_FACTOR = 20


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed: its bytes, what they are, their checksum and their text."""

    name: str
    data: bytes
    content_type: str
    sha256: str
    text: str

    @property
    def size(self) -> int:
        return len(self.data)


def check_file(upload: UploadedFile) -> CheckedFile:
    """Read, identify and extract an uploaded file, or refuse it with a Swedish message."""
    name = PurePath(upload.name or "").name or _("namnlös fil")
    limit = settings.KANSLI_MAX_FILE_BYTES
    if upload.size is not None and upload.size > limit:
        raise _too_large(name, upload.size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise ValidationError(_("Filen %(name)s är tom.") % {"name": name}, code="empty")
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    content_type = detect_content_type(data)
    if content_type not in ALLOWED:
        raise ValidationError(
            _(
                "Filen %(name)s är inte av en tillåten typ. Tillåtna är PDF, DOCX, ODT, "
                "kalkylblad (XLSX, ODS), bilder (PNG, JPEG, TIFF) och e-post (EML)."
            )
            % {"name": name},
            code="type",
        )
    kind = ALLOWED[content_type]
    suffix = PurePath(name).suffix.lower()
    if suffix and suffix not in kind.extensions:
        raise ValidationError(
            _(
                "Filen %(name)s heter %(suffix)s men innehållet är av typen %(kind)s. "
                "Byt namn på filen."
            )
            % {"name": name, "suffix": suffix, "kind": kind.label},
            code="mislabelled",
        )
    declared = (getattr(upload, "content_type", None) or "").split(";")[0].strip().lower()
    if declared not in UNDECLARED and declared != content_type:
        raise ValidationError(
            _("Filen %(name)s anges vara %(declared)s men innehållet är av typen %(kind)s.")
            % {"name": name, "declared": declared, "kind": kind.label},
            code="mislabelled",
        )
    return CheckedFile(
        name=name,
        data=data,
        content_type=content_type,
        sha256=hashlib.sha256(data).hexdigest(),
        text=extract_text(data, content_type, name=name),
    )


def _too_large(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("Filen %(name)s är %(size)s; den största tillåtna storleken är %(limit)s.")
        % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="too_large",
    )


def detect_content_type(data: bytes) -> str | None:
    """The type of the content by its signature; e-mail, which has none, by parsing it."""
    kind = filetype.guess(data)
    if kind is not None:
        return kind.mime
    return EMAIL if _parse_email(data) is not None else None


def _parse_email(data: bytes) -> EmailMessage | None:
    """The message, if the bytes are an RFC 5322 message: header lines first, with a sender and
    a date or subject."""
    head = data[:4096]
    if b"\0" in head or b":" not in head.split(b"\n", 1)[0]:
        return None
    # The headers only: the parts are read when the text is extracted, where a message nested
    # too deep to parse is refused.
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
        data, headersonly=True
    )
    if message["From"] is None or (message["Date"] is None and message["Subject"] is None):
        return None
    return message


def extract_text(data: bytes, content_type: str, *, name: str) -> str:
    """The text of the file for search; images have none (no OCR). A file that cannot be read
    as what it is, is refused: one locked with a password, and one its parser fails on."""
    try:
        if content_type == PDF:
            return _pdf_text(data)
        if content_type == DOCX:
            return _xml_text(data, "word/document.xml", paragraphs=WORD_PARAGRAPHS)
        if content_type in (ODT, ODS):
            return _xml_text(data, "content.xml", paragraphs=ODF_PARAGRAPHS)
        if content_type == XLSX:
            return _xml_text(data, "xl/sharedStrings.xml", paragraphs=SHEET_STRINGS, needed=False)
        if content_type == EMAIL:
            return _email_text(data)
    except _InflatedError as e:
        raise ValidationError(
            _(
                "Filen %(name)s packas upp till mer än %(factor)d gånger sin storlek och tas "
                "inte emot. Spara den på nytt i sitt program och ladda upp den igen."
            )
            % {"name": name, "factor": XML_LIMIT_FACTOR},
            code="inflated",
        ) from e
    except pypdf.errors.FileNotDecryptedError as e:
        raise ValidationError(
            _(
                "Filen %(name)s är låst med lösenord och kan inte läsas. Ladda upp den utan "
                "lösenord."
            )
            % {"name": name},
            code="encrypted",
        ) from e
    # The parsers of damaged or hostile bytes raise more than their own errors: zlib's, EOFError,
    # NotImplementedError for a compression they lack, TypeError and AttributeError from a PDF's
    # objects of the wrong kind, RecursionError from a structure nested too deep.
    except Exception as e:
        raise ValidationError(
            _("Filen %(name)s kunde inte läsas som %(kind)s; den kan vara skadad.")
            % {"name": name, "kind": ALLOWED[content_type].label},
            code="unreadable",
        ) from e
    return ""


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise pypdf.errors.FileNotDecryptedError("encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages).strip()


WORD_PARAGRAPHS = frozenset({"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"})
ODF_PARAGRAPHS = frozenset(
    f"{{urn:oasis:names:tc:opendocument:xmlns:text:1.0}}{tag}" for tag in ("p", "h")
)
# A workbook's texts are its shared strings; its numbers are not searched.
SHEET_STRINGS = frozenset({"{http://schemas.openxmlformats.org/spreadsheetml/2006/main}si"})


class _InflatedError(Exception):
    """An archive's part unpacks beyond `XML_LIMIT_FACTOR` times the archive: a zip bomb, or a
    file saved in a way the registry does not read."""


def _xml_text(data: bytes, member: str, *, paragraphs: frozenset[str], needed: bool = True) -> str:
    """The paragraphs (and headings) of the document's main XML part, one a line; nothing when
    a part that may be missing (`needed` false: a workbook of numbers only) is."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if not needed and member not in archive.namelist():
            return ""
        with archive.open(member) as part:
            xml = part.read(len(data) * XML_LIMIT_FACTOR + 1)
    if len(xml) > len(data) * XML_LIMIT_FACTOR:
        raise _InflatedError(member)
    # Expat, under ElementTree, fetches no external entities and limits entity expansion.
    root = ElementTree.fromstring(xml)  # noqa: S314
    lines = ("".join(e.itertext()).strip() for e in root.iter() if e.tag in paragraphs)
    return "\n".join(line for line in lines if line)


# An e-mail's parts within parts: the parser's time grows with the square of their number (one
# nested 3,000 deep held a worker for seconds before it failed), and a letter with its
# attachments has a few. More multipart boundaries than this and the e-mail is not read.
EMAIL_MULTIPARTS_LIMIT = 100
_BOUNDARY = re.compile(rb"boundary\s*=", re.IGNORECASE)


def _email_text(data: bytes) -> str:
    if len(_BOUNDARY.findall(data)) > EMAIL_MULTIPARTS_LIMIT:
        raise ValueError("too many multipart parts")
    message = email.message_from_bytes(data, policy=email.policy.default)
    headers = [f"{name}: {message[name]}" for name in ("From", "To", "Subject") if message[name]]
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        text = body.get_content()
        if body.get_content_type() == "text/html":
            text = strip_tags(text)
    return "\n".join([*headers, "", text.strip()]).strip()


# Where held files wait, apart from the registered ones under "registry/".
HELD_FOLDER = "registry-held"
HELD_FOR = datetime.timedelta(hours=12)
_HELD_SALT = "kansli.registry.files.held"


@dataclass(frozen=True)
class HeldFile:
    """A checked file held for its uploader: the token that redeems it and its name."""

    token: str
    name: str


def hold(checked: CheckedFile, *, owner: int | None) -> HeldFile:
    """Keep a checked file for the user `owner` (a user id) until the form that brought it
    can be registered."""
    name = default_storage.save(f"{HELD_FOLDER}/{secrets.token_hex(16)}", ContentFile(checked.data))
    token = signing.dumps(
        {"name": name, "file": checked.name, "type": checked.content_type, "owner": owner},
        salt=_HELD_SALT,
    )
    return HeldFile(token=token, name=checked.name)


def _held_entry(token: str, owner: int | None) -> dict[str, str]:
    try:
        entry = signing.loads(token, salt=_HELD_SALT, max_age=HELD_FOR)
    except signing.SignatureExpired as e:
        raise ValidationError(
            _(
                "Den uppladdade filen sparades för mer än %(hours)d timmar sedan. Ladda upp den "
                "igen."
            )
            % {"hours": int(HELD_FOR.total_seconds() // 3600)},
            code="expired",
        ) from e
    except signing.BadSignature as e:
        raise _held_missing() from e
    if entry.get("owner") != owner or not default_storage.exists(entry["name"]):
        raise _held_missing()
    return entry


def _held_missing() -> ValidationError:
    return ValidationError(
        _("Den uppladdade filen finns inte längre. Ladda upp den igen."), code="missing"
    )


def held(token: str, *, owner: int | None) -> UploadedFile:
    """The file held under `token` for the user `owner`, as an upload; a ValidationError in
    Swedish when the token is not the user's, has expired or its file is gone."""
    entry = _held_entry(token, owner)
    with default_storage.open(entry["name"]) as stored:
        data = stored.read()
    return SimpleUploadedFile(entry["file"], data, entry["type"])


def release(token: str, *, owner: int | None) -> None:
    """Remove the file held under `token`, once registered or replaced."""
    try:
        entry = _held_entry(token, owner)
    except ValidationError:
        return
    default_storage.delete(entry["name"])
