import datetime

from kansli.governance.models import GoverningDocument
from kansli.governance.selectors import section_by_key


def instruction() -> GoverningDocument:
    return GoverningDocument.objects.get(body__slug="vanersborg", slug="kommundirektorsinstruktion")


def test_section_5_2_3_of_the_instruction_is_loaded_with_its_text(demo):
    section = section_by_key(document=instruction(), key="5.2.3")

    assert section.heading == "Organisationsförändringar"
    assert section.text.startswith(
        "Kommundirektören har rätt att fatta beslut om organisationsförändringar inom andra "
        "förvaltningar"
    )


def test_every_section_of_the_instruction_is_loaded(demo):
    version = instruction().current_version

    assert version.number == "1.0"
    assert version.valid_from == datetime.date(2019, 1, 30)
    assert version.sections.count() == 40
    assert {"4.1.1", "4.1.2", "4.1.3", "4.1.4", "6.3.1"} <= set(
        version.sections.values_list("key", flat=True)
    )


def test_the_instruction_carries_the_metadata_of_its_header(demo):
    document = instruction()

    assert document.kind == GoverningDocument.Kind.INSTRUCTION
    assert document.name == "Kommundirektörsinstruktion"
    assert (document.adopted_by.short_name, document.adopted_on, document.adopted_minute) == (
        "KS",
        datetime.date(2017, 12, 20),
        "§ 248",
    )
    assert document.owner.name == "Kommunstyrelseförvaltningen"
    assert document.responsible == "Chefen för kommunkontoret"
    assert [str(r) for r in document.revisions.all()] == ["KS 2019-01-30, § 20"]
    assert (document.valid_from, document.valid_until) == (datetime.date(2019, 1, 30), None)
    assert document.published_on == datetime.date(2018, 1, 15)
    assert document.subject_area == "Styrning och ledning"
    assert document.external and not document.internal
    assert document.description == "Instruktion för kommundirektören enligt kommunallagen"
    assert "Kommunallagen (2017:725, KL)" in document.laws
    assert len(document.referenced_documents) == 3
    assert document.review_by is not None
