"""A report on the board's assignment goes on the agenda of a planned or called meeting of the
organ that gave it, as an information item, once; only a secretary puts it there."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.decisions import services
from kansli.decisions.models import Assignment
from kansli.decisions.tests.followup_samples import board_decision, board_meeting, user
from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem
from kansli.organisation.models import Body

GIVEN = datetime.date(2026, 1, 31)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def assignment(vanersborg: Body) -> Assignment:
    decision = board_decision(vanersborg, "Uppdrag om lokalförsörjning", GIVEN)
    return services.assignment_give(
        actor=user("sekreterare"),
        decision=decision,
        title="Ta fram en lokalförsörjningsplan",
        due_on=datetime.date(2026, 10, 31),
        report_interval_months=3,
    )


def report(assignment: Assignment, on: datetime.date) -> None:
    services.assignment_report_file(
        actor=user("direktor"), assignment=assignment, text="Arbetet pågår.", reported_on=on
    )


def test_report_goes_on_the_boards_agenda_as_information(
    vanersborg: Body, assignment: Assignment
) -> None:
    services.assignment_report_file(
        actor=user("direktor"),
        assignment=assignment,
        text="Inventeringen är klar.",
        reported_on=datetime.date(2026, 4, 1),
    )
    meeting = board_meeting(vanersborg, datetime.date(2026, 12, 9))

    filed = meetings.assignment_report_to_agenda(
        actor=user("sekreterare"), report=assignment.reports.get(), meeting=meeting
    )

    item = filed.agenda_item
    assert item.meeting == meeting
    assert item.kind == AgendaItem.Kind.INFORMATION
    assert item.title == ("Rapport om uppdrag: Ta fram en lokalförsörjningsplan (2026-04-01)")
    with pytest.raises(ValidationError, match="redan"):
        meetings.assignment_report_to_agenda(
            actor=user("sekreterare"), report=filed, meeting=meeting
        )


def test_report_goes_only_on_the_agenda_of_the_organ_that_gave_the_assignment(
    vanersborg: Body, assignment: Assignment
) -> None:
    report(assignment, datetime.date(2026, 4, 1))
    meeting = board_meeting(vanersborg, datetime.date(2026, 12, 9), organization="au")
    with pytest.raises(ValidationError, match="Kommunstyrelsen"):
        meetings.assignment_report_to_agenda(
            actor=user("sekreterare"), report=assignment.reports.get(), meeting=meeting
        )


def test_the_agenda_is_the_secretaries(vanersborg: Body, assignment: Assignment) -> None:
    report(assignment, datetime.date(2026, 4, 1))
    meeting = board_meeting(vanersborg, datetime.date(2026, 12, 9))
    with pytest.raises(PermissionDenied):
        meetings.assignment_report_to_agenda(
            actor=user("ledamot"), report=assignment.reports.get(), meeting=meeting
        )
    assert not meeting.items.exists()
