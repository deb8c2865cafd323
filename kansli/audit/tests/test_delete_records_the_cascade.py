from kansli.audit import services as audit
from kansli.audit.models import Event
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument, Section
from kansli.organisation.models import Organization

TEXT = """1. Inledning
Instruktionen gäller kommundirektören.

2. Uppdrag
Kommundirektören leder förvaltningen.
"""


def test_deleting_a_document_records_it_its_version_and_each_section(
    board: Organization,
) -> None:
    document = governance.document_create(
        actor=None,
        body=board.body,
        slug="kd-instruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=board,
    )
    version = governance.version_add(actor=None, document=document, number="1.0", text=TEXT)
    document_id, version_id = document.pk, version.pk
    section_ids = list(version.sections.order_by("pk").values_list("pk", flat=True))
    last_before = Event.objects.latest("seq").seq

    audit.delete(actor=None, instance=document)

    deleted = list(Event.objects.filter(seq__gt=last_before).order_by("seq"))
    assert [(e.action, e.object_id) for e in deleted] == [
        ("governingdocument.delete", str(document_id)),
        ("documentversion.delete", str(version_id)),
        *(("section.delete", str(pk)) for pk in section_ids),
    ]
    assert deleted[0].before["name"] == "Kommundirektörsinstruktion"
    assert all(e.after is None for e in deleted)
    assert not Section.objects.exists()
