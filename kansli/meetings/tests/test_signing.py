"""Signed justering: PAdES signatures by the local certificate authority, and how they check out
when the file is intact, tampered with, changed after signing, or signed by a stranger."""

import datetime
import stat
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader, PdfWriter
from time_machine import TimeMachineFixture
from weasyprint import HTML

from kansli.meetings import signing
from kansli.meetings.signing import LocalCertificateAuthority, SignatureSeen

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MORNING = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=STOCKHOLM)
JUSTERING = "Justering av protokollet"


def minutes(
    text: str = "§ 1 Kommunstyrelsen beslutar att anta planen.", **options: object
) -> bytes:
    return bytes(
        HTML(
            string=f"<html><head><title>Protokoll</title></head><body><p>{text}</p></body></html>"
        ).write_pdf(**options)
    )


@pytest.fixture(autouse=True)
def authority(settings, tmp_path: Path) -> Path:
    settings.KANSLI_SIGNING_DIR = tmp_path / "signing"
    settings.KANSLI_SIGNING_TRUST_ROOTS = []
    return settings.KANSLI_SIGNING_DIR


def signed_by_chair_and_checker(time_machine: TimeMachineFixture) -> tuple[bytes, bytes]:
    time_machine.move_to(MORNING, tick=False)
    by_chair = signing.signer().sign(
        minutes(), name="Anna Andersson", key="person-1", reason=JUSTERING
    )
    time_machine.move_to(MORNING + datetime.timedelta(minutes=30), tick=False)
    by_both = signing.signer().sign(by_chair, name="Bo Berg", key="person-2", reason=JUSTERING)
    return by_chair, by_both


def test_chair_and_checker_sign_in_turn_and_both_signatures_are_valid(time_machine):
    by_chair, by_both = signed_by_chair_and_checker(time_machine)

    assert isinstance(signing.signer(), LocalCertificateAuthority)
    assert signing.signatures(by_both) == [
        SignatureSeen(signer="Anna Andersson", signed_at=MORNING, valid=True, field="Signatur1"),
        SignatureSeen(
            signer="Bo Berg",
            signed_at=MORNING + datetime.timedelta(minutes=30),
            valid=True,
            field="Signatur2",
        ),
    ]
    # An incremental update: the chair's signed file is kept whole at the start.
    assert by_both.startswith(by_chair)
    assert signing.signatures(by_chair)[0].valid


def test_an_unsigned_file_has_no_signatures():
    assert signing.signatures(minutes()) == []


def test_a_byte_changed_in_the_signed_content_makes_the_signature_invalid():
    signed = signing.signer().sign(
        minutes(uncompressed_pdf=True), name="Anna Andersson", key="person-1", reason=JUSTERING
    )
    at = signed.index(b"(Protokoll)") + 1

    tampered = signed[:at] + b"p" + signed[at + 1 :]

    [seen] = signing.signatures(tampered)
    assert seen.signer == "Anna Andersson"
    assert not seen.valid


def test_a_page_changed_after_signing_makes_the_signatures_invalid(time_machine):
    _, by_both = signed_by_chair_and_checker(time_machine)
    writer = PdfWriter(BytesIO(by_both), incremental=True)
    writer.pages[0].merge_page(PdfReader(BytesIO(minutes("§ 2 Ett tillägg i efterhand."))).pages[0])
    changed = BytesIO()
    writer.write(changed)

    assert changed.getvalue().startswith(by_both)
    assert [seen.valid for seen in signing.signatures(changed.getvalue())] == [False, False]


def test_a_certificate_from_an_authority_not_trusted_makes_the_signature_invalid(
    settings, tmp_path: Path, time_machine: TimeMachineFixture
):
    time_machine.move_to(MORNING, tick=False)
    settings.KANSLI_SIGNING_DIR = tmp_path / "stranger"
    by_stranger = signing.signer().sign(
        minutes(), name="Eva Främling", key="person-1", reason=JUSTERING
    )
    settings.KANSLI_SIGNING_DIR = tmp_path / "ours"
    LocalCertificateAuthority().issue(name="Anna Andersson", key="person-1")

    [seen] = signing.signatures(by_stranger)
    assert (seen.signer, seen.valid) == ("Eva Främling", False)

    settings.KANSLI_SIGNING_TRUST_ROOTS = [str(tmp_path / "stranger" / "ca.pem")]
    assert signing.signatures(by_stranger)[0].valid


def test_the_authority_and_a_signers_key_are_made_once_and_kept_secret(authority: Path):
    local = LocalCertificateAuthority()
    first = local.sign(minutes(), name="Anna Andersson", key="person-1", reason=JUSTERING)
    made = {path: path.read_bytes() for path in authority.rglob("*.pem")}

    local.sign(first, name="Anna Andersson", key="person-1", reason=JUSTERING)

    assert {path: path.read_bytes() for path in authority.rglob("*.pem")} == made
    assert sorted(str(path.relative_to(authority)) for path in made) == [
        "ca-key.pem",
        "ca.pem",
        "signers/person-1-key.pem",
        "signers/person-1.pem",
    ]
    assert {stat.S_IMODE(path.stat().st_mode) for path in made} == {0o600}
    assert {stat.S_IMODE(path.stat().st_mode) for path in (authority, authority / "signers")} == {
        0o700
    }


def test_a_renamed_signer_keeps_the_key_and_gets_a_certificate_in_the_new_name(authority: Path):
    local = LocalCertificateAuthority()
    local.issue(name="Anna Andersson", key="person-1")
    key = (authority / "signers" / "person-1-key.pem").read_bytes()

    signed = local.sign(minutes(), name="Anna Nyberg", key="person-1", reason=JUSTERING)

    assert (authority / "signers" / "person-1-key.pem").read_bytes() == key
    assert [(seen.signer, seen.valid) for seen in signing.signatures(signed)] == [
        ("Anna Nyberg", True)
    ]


def test_a_signer_key_that_is_no_plain_name_is_refused(authority: Path):
    with pytest.raises(ValueError, match="signer key"):
        LocalCertificateAuthority().issue(name="Anna Andersson", key="../ca")

    assert not (authority / "signers").exists()


def test_signing_keeps_a_pdf_a_file_and_its_metadata_as_made():
    pdf_a = minutes(pdf_variant="pdf/a-2b")
    before = PdfReader(BytesIO(pdf_a))

    signed = signing.signer().sign(pdf_a, name="Anna Andersson", key="person-1", reason=JUSTERING)

    after = PdfReader(BytesIO(signed), strict=True)
    assert len(after.pages) == 1
    assert after.metadata == before.metadata
    xmp = after.root_object["/Metadata"].get_object().get_data()
    assert xmp == before.root_object["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="2"' in xmp
    assert b'pdfaid:conformance="B"' in xmp
    assert signing.signatures(signed)[0].valid


def test_a_file_that_is_no_pdf_is_unreadable_not_a_crash():
    with pytest.raises(signing.UnreadablePdfError):
        signing.signatures(b"inte en pdf")
