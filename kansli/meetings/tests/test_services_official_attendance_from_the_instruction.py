"""What an official's attendance requires first comes from the body's instruction, not code:
seed 002 5.2.1 (Vänersborg's director in the other committees after consulting the board's
chair, the committee's chair and the department head notified in advance) covers neither the
crisis committee, where 3.5 makes the director its rapporteur, nor Region Blekinge."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.organisation.models import Organization, Person
from kansli.organisation.selectors import director_of
from kansli.tests.refusals import Demo

BASIS = "Direktörens närvarorätt"


def meeting_of(demo: Demo, body: str, organization: str) -> tuple[Meeting, Person]:
    """A meeting of the organ a week from today, and the body's director on that day."""
    starts_at = timezone.now() + datetime.timedelta(days=7)
    meeting = services.meeting_schedule(
        actor=None,
        organization=Organization.objects.get(body=demo[body], slug=organization),
        starts_at=starts_at,
    )
    return meeting, director_of(body=demo[body], on=timezone.localdate(starts_at))


def test_vanersborgs_director_in_a_committee_needs_the_consultation_and_notifications(
    demo: Demo,
) -> None:
    meeting, director = meeting_of(demo, "vanersborg", "socialnamnden")
    before = timezone.localdate() - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        services.official_attend(
            actor=None, meeting=meeting, person=director, may_speak=True, basis=BASIS
        )
    (message,) = refused.value.messages
    assert message.startswith(f"{director} har närvaro- och yttranderätt i Socialnämnden efter ")
    assert "samråd med kommunstyrelsens ordförande" in message
    assert message.endswith("(Kommundirektörsinstruktion 5.2.1): ange när det skedde.")

    row = services.official_attend(
        actor=None,
        meeting=meeting,
        person=director,
        may_speak=True,
        basis=BASIS,
        board_chair_consulted_on=before,
        committee_chair_notified_on=before,
        department_head_notified_on=before,
    )
    assert (row.board_chair_consulted_on, row.committee_chair_notified_on) == (before, before)
    assert row.department_head_notified_on == before


@pytest.mark.parametrize(
    ("body", "organization"),
    [("vanersborg", "krisledningsnamnden"), ("blekinge", "patientnamnden")],
)
def test_where_the_instruction_has_no_such_rule_nothing_is_required_first(
    demo: Demo, body: str, organization: str
) -> None:
    meeting, director = meeting_of(demo, body, organization)

    row = services.official_attend(
        actor=None, meeting=meeting, person=director, may_speak=True, basis=BASIS
    )

    assert row.may_speak and row.board_chair_consulted_on is None
