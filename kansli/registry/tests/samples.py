"""Small real files of each kind the registry takes, made in memory for the tests."""

import io
import struct
import zipfile
import zlib
from email.message import EmailMessage

import pypdf
from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF showing `text` (Latin-1) in Helvetica, with a correct cross-reference."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf_bytes(text: str, *, user_password: str) -> bytes:
    """`pdf_bytes(text)` encrypted with AES-256, opened by `user_password` ("" for a PDF
    locked only against changes, which any reader opens)."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes(text)))
    writer.encrypt(user_password=user_password, owner_password="ägare", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{word}"><w:body>'
            + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))
            + "</w:body></w:document>",
        )
    return out.getvalue()


def odt_bytes(text: str) -> bytes:
    mime = "application/vnd.oasis.opendocument.text"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mime, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
            f"<office:text><text:h>Rubrik</text:h><text:p>{text}</text:p></office:text>"
            "</office:body></office:document-content>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return out.getvalue()


def png_bytes() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def eml_bytes(subject: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Anna Andersson <anna@example.se>"
    message["To"] = "kommunen@vanersborg.se"
    message["Subject"] = subject
    message["Date"] = "Mon, 12 Jan 2026 09:30:00 +0100"
    message.set_content(body)
    return message.as_bytes()


def nested_eml_bytes(depth: int) -> bytes:
    """An e-mail whose text lies `depth` multipart/mixed parts deep."""
    part = b"Content-Type: text/plain\r\n\r\nHej\r\n"
    for level in range(depth):
        boundary = b"grans%d" % level
        part = (
            b"Content-Type: multipart/mixed; boundary=" + boundary + b"\r\n\r\n"
            b"--" + boundary + b"\r\n" + part + b"\r\n--" + boundary + b"--\r\n"
        )
    return (
        b"From: Anna Andersson <anna@example.se>\r\nSubject: Bilagor\r\n"
        b"MIME-Version: 1.0\r\n" + part
    )


def upload(
    name: str, data: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
