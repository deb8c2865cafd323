import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.demo.seeds import VANERSBORG_INSTRUCTION, seed_text
from kansli.governance import services as governance
from kansli.governance.models import DocumentVersion, Section


def add_seed_002(document, number="1.0"):
    return governance.version_add(
        actor=None,
        document=document,
        number=number,
        text=seed_text(VANERSBORG_INSTRUCTION),
        valid_from=datetime.date(2019, 1, 30),
    )


def test_a_version_stores_the_text_and_every_numbered_section(document):
    version = add_seed_002(document)

    assert version.text == seed_text(VANERSBORG_INSTRUCTION)
    assert version.preamble.startswith("Kommundirektörs- instruktion")
    assert version.sections.count() == 40
    section = version.sections.get(key="5.2.3")
    assert (section.number, section.heading, section.level) == (
        "5.2.3",
        "Organisationsförändringar",
        3,
    )
    assert section.label == "5.2.3 Organisationsförändringar"
    assert section.anchor == "avsnitt-5.2.3"


def test_the_version_and_each_section_are_recorded_in_the_event_log(document):
    add_seed_002(document)

    assert Event.objects.filter(action="documentversion.create").count() == 1
    assert Event.objects.filter(action="section.create").count() == 40


def test_an_unnumbered_version_is_split_at_the_given_headings(document):
    version = governance.version_add(
        actor=None,
        document=document,
        number="1",
        text="Inledande text\n\nArbetsgivaransvar\n\nChefen anställer.\n\nSäkerhetsansvar\n\nKris.",
        headings=["Arbetsgivaransvar", "Säkerhetsansvar"],
    )

    assert version.preamble == "Inledande text"
    assert list(version.sections.values_list("key", "text")) == [
        ("arbetsgivaransvar", "Chefen anställer."),
        ("sakerhetsansvar", "Kris."),
    ]


def test_a_text_without_headings_is_refused_and_nothing_is_stored(document):
    with pytest.raises(ValidationError, match="inga rubriker"):
        governance.version_add(actor=None, document=document, number="1", text="Bara text.")

    assert not DocumentVersion.objects.exists()
    assert not Event.objects.filter(action="documentversion.create").exists()


def test_a_version_number_is_used_once_per_document(document):
    add_seed_002(document)

    with pytest.raises(ValidationError):
        add_seed_002(document)

    assert DocumentVersion.objects.count() == 1
    assert Section.objects.count() == 40


def test_the_newest_version_is_the_current_one(document):
    add_seed_002(document, number="1.0")
    newer = governance.version_add(
        actor=None,
        document=document,
        number="2.0",
        text="1. Inledning\n\nNy lydelse.",
        valid_from=datetime.date(2025, 1, 1),
    )

    assert document.current_version == newer
