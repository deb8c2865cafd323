"""meetings 0004 moves the link between an assignment report and its agenda item from the
report to the item: an installation that upgrades keeps every link, back and forth, and on
PostgreSQL the copy is not taken for a change made around the event log."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from kansli.audit.models import RowChange
from kansli.audit.triggers import install_triggers
from kansli.decisions import services
from kansli.decisions.models import AssignmentReport
from kansli.decisions.tests.followup_samples import board_decision, board_meeting, user
from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem
from kansli.organisation.models import Body

pytestmark = pytest.mark.slow

DAY = datetime.timedelta(days=1)
BEFORE = [("meetings", "0003_posting_chain_head"), ("decisions", "0003_decision_conditions")]


def migrate(targets: list[tuple[str, str]] | None = None) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def report_link() -> int | None:
    """The agenda item the report names in the schema before the move."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT agenda_item_id FROM decisions_assignmentreport")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_the_link_survives_the_move_both_ways(demo: dict[str, Body]) -> None:
    body = demo["vanersborg"]
    today = timezone.localdate()
    assignment = services.assignment_give(
        actor=user("sekreterare"),
        decision=board_decision(body, "Uppdrag om lokalförsörjning", today - DAY * 120),
        title="Ta fram en lokalförsörjningsplan",
        due_on=today + DAY * 200,
        report_interval_months=3,
    )
    services.assignment_report_file(
        actor=user("direktor"),
        assignment=assignment,
        text="Arbetet pågår.",
        reported_on=today - DAY * 30,
    )
    item = meetings.assignment_report_to_agenda(
        actor=user("sekreterare"),
        report=assignment.reports.get(),
        meeting=board_meeting(body, today + DAY * 14),
    ).agenda_item
    install_triggers(connection)
    try:
        migrate(BEFORE)
        assert report_link() == item.pk

        migrate()
    finally:
        migrate()

    assert AgendaItem.objects.get(pk=item.pk).assignment_report == AssignmentReport.objects.get()
    assert not RowChange.objects.exists()
