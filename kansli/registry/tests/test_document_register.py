import datetime
import hashlib
from pathlib import Path

from kansli.audit.models import Event
from kansli.registry import services
from kansli.registry.files import DOCX, EMAIL, ODT, PDF, PNG
from kansli.registry.models import Case, Document, RetentionRule
from kansli.registry.tests.samples import (
    docx_bytes,
    eml_bytes,
    odt_bytes,
    pdf_bytes,
    png_bytes,
    upload,
)


def register_letter(case: Case, rule: RetentionRule, **extra: object) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Länsstyrelsen i Västra Götalands län",
        description="Synpunkter på instruktionen",
        retention_rule=rule,
        **extra,
    )


def test_documents_are_numbered_after_their_case(case: Case, rule: RetentionRule) -> None:
    first = register_letter(case, rule)
    second = register_letter(case, rule)

    assert [first.number, second.number] == ["KS 2026/00001-1", "KS 2026/00001-2"]


def test_a_registration_holds_what_osl_5_kap_2_requires(case: Case, rule: RetentionRule) -> None:
    document = register_letter(case, rule)

    document.refresh_from_db()
    assert document.date == datetime.date(2026, 1, 14)
    assert document.number == "KS 2026/00001-1"
    assert document.counterpart == "Länsstyrelsen i Västra Götalands län"
    assert document.description == "Synpunkter på instruktionen"


def test_officer_and_classification_come_from_the_case_unless_given(
    case: Case, rule: RetentionRule
) -> None:
    document = register_letter(case, rule)

    assert document.case_officer == case.case_officer
    assert document.classification == "1.2.3"


def test_files_are_stored_with_checksum_type_and_text(
    case: Case, rule: RetentionRule, media: Path
) -> None:
    files = [
        upload("brev.pdf", pdf_bytes("Begaran om yttrande"), "application/pdf"),
        upload("bilaga.docx", docx_bytes("Förslag till beslut")),
        upload("bilaga.odt", odt_bytes("Ekonomiska konsekvenser")),
        upload("karta.png", png_bytes(), "image/png"),
        upload("mejl.eml", eml_bytes("Fråga om instruktionen", "Hej! När beslutas den?")),
    ]

    document = register_letter(case, rule, files=files)

    stored = list(document.files.order_by("id"))
    assert [f.content_type for f in stored] == [PDF, DOCX, ODT, PNG, EMAIL]
    assert [f.original_name for f in stored] == [
        "brev.pdf",
        "bilaga.docx",
        "bilaga.odt",
        "karta.png",
        "mejl.eml",
    ]
    assert "Begaran om yttrande" in stored[0].extracted_text
    assert "Förslag till beslut" in stored[1].extracted_text
    assert "Ekonomiska konsekvenser" in stored[2].extracted_text
    assert stored[3].extracted_text == ""
    assert "När beslutas den?" in stored[4].extracted_text


def test_a_stored_file_is_the_uploaded_bytes_under_their_checksum(
    case: Case, rule: RetentionRule, media: Path
) -> None:
    data = pdf_bytes("Begaran om yttrande")

    document = register_letter(case, rule, files=[upload("brev.pdf", data)])

    stored = document.files.get()
    assert (media / stored.storage_name).read_bytes() == data
    assert stored.size == len(data)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()


def test_registration_and_each_file_are_audited(case: Case, rule: RetentionRule) -> None:
    document = register_letter(case, rule, files=[upload("brev.pdf", pdf_bytes("Brev"))])

    actions = list(
        Event.objects.filter(action__in=["document.create", "file.create"]).values_list(
            "action", "object_id"
        )
    )
    assert actions == [
        ("document.create", str(document.pk)),
        ("file.create", str(document.files.get().pk)),
    ]
