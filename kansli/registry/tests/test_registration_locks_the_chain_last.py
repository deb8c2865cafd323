"""A registration locks the event log's chain head, which every audited write of the
installation waits for, only for its last write: the events, the head's update and the commit.
The documents, their files, their search entries and the webhooks' lookup come before it
(docs/benchmarks.md, "Registration: what serializes, and the ceiling")."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansli.audit.models import ChainHead, Event
from kansli.audit.selectors import chain_verify, rows_verify
from kansli.registry import services
from kansli.registry.models import Case, Document, File, RetentionRule
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.search.models import SearchEntry

HEAD = ChainHead._meta.db_table


def register_with_file(case: Case, rule: RetentionRule) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Länsstyrelsen i Västra Götalands län",
        description="Synpunkter på instruktionen",
        retention_rule=rule,
        files=[upload("synpunkter.pdf", pdf_bytes("Synpunkter"))],
    )


def first_statement(statements: list[str], *fragments: str) -> int:
    return next(
        index
        for index, sql in enumerate(statements)
        if all(fragment in sql for fragment in fragments)
    )


def test_the_chain_head_is_read_after_every_other_write_of_the_registration(
    case: Case, rule: RetentionRule
) -> None:
    with CaptureQueriesContext(connection) as captured:
        register_with_file(case, rule)

    statements = [query["sql"] for query in captured.captured_queries]
    head = first_statement(statements, "SELECT", HEAD)
    for table in (Document, File, SearchEntry):
        assert first_statement(statements, "INSERT", table._meta.db_table) < head
    assert first_statement(statements, "INSERT", Event._meta.db_table) > head
    assert not [sql for sql in statements[head:] if "INSERT" in sql and "audit_event" not in sql]


def test_a_document_and_its_file_registered_last_are_in_the_chain_in_order(
    case: Case, rule: RetentionRule
) -> None:
    last = Event.objects.latest("seq")

    document = register_with_file(case, rule)

    events = list(Event.objects.filter(seq__gt=last.seq).order_by("seq"))
    assert [event.action for event in events] == ["document.create", "file.create"]
    assert events[0].object_id == str(document.pk)
    assert (events[1].after or {}).get("extracted_text") == ""
    assert chain_verify().intact
    assert rows_verify() is None


def test_a_file_attached_later_is_recorded_after_its_search_entry(
    case: Case, rule: RetentionRule
) -> None:
    document = register_with_file(case, rule)

    with CaptureQueriesContext(connection) as captured:
        services.file_attach(
            actor=None, document=document, upload=upload("bilaga.pdf", pdf_bytes("Bilaga"))
        )

    statements = [query["sql"] for query in captured.captured_queries]
    head = first_statement(statements, "SELECT", HEAD)
    assert first_statement(statements, "INSERT", SearchEntry._meta.db_table) < head
    assert Event.objects.latest("seq").action == "file.create"
    assert rows_verify() is None
