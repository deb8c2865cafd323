import datetime

from kansli.demo.seeds import BLEKINGE_HEADINGS
from kansli.governance.models import GoverningDocument
from kansli.governance.selectors import section_by_key


def instruction() -> GoverningDocument:
    return GoverningDocument.objects.get(
        body__slug="blekinge", slug="instruktion-landstingsdirektor"
    )


def test_the_instruction_has_its_case_and_document_numbers(demo):
    document = instruction()

    assert document.name == "Instruktion till landstingsdirektör"
    assert (document.case_number, document.document_number) == ("2018/00051", "2018/00051-1")
    assert document.drawn_up_on == datetime.date(2018, 1, 11)
    assert document.adopted_by.slug == "regionstyrelsen"


def test_the_instruction_is_split_at_its_headings(demo):
    version = instruction().current_version

    assert list(version.sections.values_list("heading", flat=True)) == list(BLEKINGE_HEADINGS)
    assert section_by_key(document=instruction(), key="sakerhetsansvar").text.startswith(
        "Landstingsdirektören driver"
    )
