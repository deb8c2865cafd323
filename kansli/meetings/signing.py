"""Signed justering: PAdES signatures on the stored minutes, and what they show when checked.

A `Signer` adds one PAdES baseline B-B signature (ETSI.CAdES.detached, SHA-256) to a PDF as an
incremental update, so that the signatures made before stay valid. Which signer runs is
`settings.KANSLI_SIGNER`: by default the `LocalCertificateAuthority` below, for the demo and the
tests; an installation plugs in a BankID, Freja eID or SITHS signing service the same way
(docs/signing.md). `signatures()` validates every signature in a file against the trust roots:
the local authority's certificate and the PEM files in `settings.KANSLI_SIGNING_TRUST_ROOTS`.
"""

import datetime
import fcntl
import itertools
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Protocol

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.module_loading import import_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.policy_decl import NO_REVOCATION, CertRevTrustPolicy
from pyhanko_certvalidator.registry import SimpleCertificateStore

# The local authority is for the demo and the tests, whose clocks travel (a meeting held on its
# day, the suite run a year ahead): its certificates hold from long before they are made to
# long after, so that a signature made on any day the demo or a test stands on checks out.
LOCAL_VALIDITY_BEFORE = datetime.timedelta(days=10 * 366)
LOCAL_VALIDITY_AFTER = datetime.timedelta(days=30 * 366)
LOCAL_AUTHORITY_NAME = "Kansli lokal certifikatutfärdare"

# A signer's key names its files, so it is kept to what is safe in a file name.
SIGNER_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")


@dataclass(frozen=True)
class SignatureSeen:
    signer: str  # the signer's name from the certificate (common name)
    signed_at: datetime.datetime | None  # aware; the time the signer's software claims
    valid: bool  # intact, untouched since, and chains to a trusted root
    field: str  # the signature field's name


class Signer(Protocol):
    def sign(self, pdf: bytes, *, name: str, key: str, reason: str) -> bytes:
        """The PDF with one more PAdES signature by `name` as an incremental update.

        `key` is a stable id for the signer ("person-17"); the bytes before are kept as a
        prefix, so earlier signatures stay valid."""
        ...


def signer() -> Signer:
    """The configured signer (settings.KANSLI_SIGNER, a dotted path to a `Signer` class)."""
    signer_class: type[Signer] = import_string(settings.KANSLI_SIGNER)
    return signer_class()


def person_key(person_id: int) -> str:
    """The signer key of a person: one certificate per person, whatever their name becomes."""
    return f"person-{person_id}"


def pades(pdf: bytes, *, signer: signers.Signer, name: str, reason: str) -> bytes:
    """`pdf` with one more PAdES B-B signature by pyHanko's `signer`, in a new field."""
    writer, metadata = pades_prepared(pdf, name=name, reason=reason)
    signed = signers.sign_pdf(writer, metadata, signer=signer, output=BytesIO())
    return bytes(signed.getvalue())


def pades_prepared(
    pdf: bytes, *, name: str, reason: str
) -> tuple[IncrementalPdfFileWriter, signers.PdfSignatureMetadata]:
    """The incremental writer over `pdf` and the metadata of its next PAdES signature, for
    pyHanko to sign with here or through a signing service (docs/signing.md)."""
    writer = _MetadataKeepingWriter(BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=_free_field_name(writer),
        name=name,
        reason=reason,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    return writer, metadata


class _MetadataKeepingWriter(IncrementalPdfFileWriter):
    """pyHanko's incremental writer without its own entries in the document's metadata.

    pyHanko appends itself to the information dictionary's /Producer but writes only itself to
    the XMP's pdf:Producer; PDF/A-2 (ISO 19005-2) requires the two to agree, so the
    metadata stays as the minutes were made."""

    def _update_meta(self) -> None:
        return


def _free_field_name(writer: IncrementalPdfFileWriter) -> str:
    taken = {name for name, _, _ in fields.enumerate_sig_fields(writer)}
    names = (f"Signatur{number}" for number in itertools.count(1))
    return next(name for name in names if name not in taken)


class UnreadablePdfError(ValueError):
    """The file is not a PDF whose signatures can be read: damaged, cut short or another file."""


def signatures(pdf: bytes) -> list[SignatureSeen]:
    """Every signature in the file, in the order made, each validated against the trust roots.

    Valid means: the signed bytes are intact, the certificate chains to a trusted root (no
    revocation check: nothing is fetched from the network), and whatever was added to the file
    after the signature is of the kinds pyHanko's modification analysis accepts after an
    approval signature (later signatures, validation data), never a change to a page. A
    signature that cannot be checked at all (no signing time, a broken signature dictionary)
    is not valid; a file whose structure cannot be read raises `UnreadablePdfError`."""
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        embedded = reader.embedded_regular_signatures
    except (PdfError, ValueError, KeyError) as error:
        raise UnreadablePdfError(str(error)) from error
    roots = trust_roots()
    return [_seen(signature, roots) for signature in embedded]


def _seen(embedded: EmbeddedPdfSignature, roots: list[asn1_x509.Certificate]) -> SignatureSeen:
    context = ValidationContext(
        trust_roots=roots,
        allow_fetching=False,
        revinfo_policy=CertRevTrustPolicy(NO_REVOCATION),
    )
    try:
        status = validate_pdf_signature(embedded, signer_validation_context=context)
    except (PdfError, ValueError, KeyError):
        return SignatureSeen(signer="", signed_at=None, valid=False, field=embedded.field_name)
    signed_at = status.signer_reported_dt
    return SignatureSeen(
        signer=status.signing_cert.subject.native["common_name"],
        signed_at=signed_at,
        # PAdES requires the signing time in the signature dictionary (/M).
        valid=status.bottom_line and signed_at is not None,
        field=embedded.field_name,
    )


def trust_roots() -> list[asn1_x509.Certificate]:
    """The local authority's certificate, when it has been made, and every certificate in the
    PEM files named in settings.KANSLI_SIGNING_TRUST_ROOTS."""
    local = LocalCertificateAuthority().root_path
    paths = [local] if local.exists() else []
    paths += [Path(path) for path in settings.KANSLI_SIGNING_TRUST_ROOTS]
    return [
        _asn1(certificate)
        for path in paths
        for certificate in x509.load_pem_x509_certificates(path.read_bytes())
    ]


class LocalCertificateAuthority:
    """A certificate authority of Kansli's own, for the demo and the tests.

    Its key and certificate are made on first use under settings.KANSLI_SIGNING_DIR; every
    signer key gets a key and a certificate issued by it with the signer's name as common name,
    made once and then reused (a new certificate for the same key when the name has changed).
    Keys are EC P-256, written unencrypted with mode 0600 in a directory of mode 0700."""

    def __init__(self) -> None:
        self.directory = Path(settings.KANSLI_SIGNING_DIR)
        self.root_path = self.directory / "ca.pem"

    def sign(self, pdf: bytes, *, name: str, key: str, reason: str) -> bytes:
        with self._lock():
            root_key, root = self._root()
            private_key, certificate = self._credentials(root_key, root, name=name, key=key)
        pyhanko_signer = signers.SimpleSigner(
            signing_cert=_asn1(certificate),
            signing_key=asn1_keys.PrivateKeyInfo.load(
                private_key.private_bytes(
                    serialization.Encoding.DER,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            ),
            cert_registry=SimpleCertificateStore.from_certs([_asn1(root)]),
        )
        return pades(pdf, signer=pyhanko_signer, name=name, reason=reason)

    def issue(self, *, name: str, key: str) -> x509.Certificate:
        """The certificate of signer `key` named `name`, made if there is none yet."""
        with self._lock():
            root_key, root = self._root()
            return self._credentials(root_key, root, name=name, key=key)[1]

    @contextmanager
    def _lock(self) -> Iterator[None]:
        # Two workers making the authority at once would each trust only their own.
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.directory / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _root(self) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        private_key = _private_key(self.directory / "ca-key.pem")
        if self.root_path.exists():
            return private_key, x509.load_pem_x509_certificate(self.root_path.read_bytes())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, LOCAL_AUTHORITY_NAME)])
        certificate = (
            _certificate_builder(subject=name, public_key=private_key.public_key(), issuer=name)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(private_key.public_key()),
                critical=False,
            )
            .sign(private_key, hashes.SHA256())
        )
        _write(self.root_path, certificate.public_bytes(serialization.Encoding.PEM))
        return private_key, certificate

    def _credentials(
        self,
        root_key: ec.EllipticCurvePrivateKey,
        root: x509.Certificate,
        *,
        name: str,
        key: str,
    ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        if not SIGNER_KEY.fullmatch(key):
            raise ValueError(f"A signer key is lower-case letters, digits, - and _, not {key!r}")
        folder = self.directory / "signers"
        folder.mkdir(mode=0o700, exist_ok=True)
        private_key = _private_key(folder / f"{key}-key.pem")
        path = folder / f"{key}.pem"
        if path.exists():
            certificate = x509.load_pem_x509_certificate(path.read_bytes())
            if _common_name(certificate) == name:
                return private_key, certificate
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        certificate = (
            _certificate_builder(
                subject=subject, public_key=private_key.public_key(), issuer=root.subject
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
                critical=False,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(private_key.public_key()),
                critical=False,
            )
            .sign(root_key, hashes.SHA256())
        )
        _write(path, certificate.public_bytes(serialization.Encoding.PEM))
        return private_key, certificate


def _certificate_builder(
    *, subject: x509.Name, public_key: ec.EllipticCurvePublicKey, issuer: x509.Name
) -> x509.CertificateBuilder:
    now = datetime.datetime.now(tz=datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - LOCAL_VALIDITY_BEFORE)
        .not_valid_after(now + LOCAL_VALIDITY_AFTER)
    )


def _private_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """The EC key in `path`, made and written there first if there is none."""
    if path.exists():
        private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private_key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{path} holds no EC private key")
        return private_key
    private_key = ec.generate_private_key(ec.SECP256R1())
    _write(
        path,
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    return private_key


def _write(path: Path, data: bytes) -> None:
    """Write `data` to `path` readable by the owner only, replacing it whole or not at all."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def _common_name(certificate: x509.Certificate) -> str:
    return str(certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
