"""Crisis events: the append-only log, who leads (decided once), the crisis committee's
decisions owed to the council, and the posts in a security class."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kansli.accounts.models import User
from kansli.decisions.services import meeting_decision_record
from kansli.followup.models import AppendOnlyError, CrisisEvent, CrisisLogEntry
from kansli.followup.selectors import crisis as selectors
from kansli.followup.services import crisis as services
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person, Position

STARTED = datetime.datetime(2026, 11, 2, 6, 30, tzinfo=datetime.UTC)


@pytest.fixture
def crisis_committee(body: Body) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.CRISIS_COMMITTEE,
        slug="krisledningsnamnden",
        name="Krisledningsnämnden",
    )


@pytest.fixture
def council(body: Body) -> Organization:
    return organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COUNCIL, slug="kf", name="Fullmäktige"
    )


@pytest.fixture
def event(director_user: User, body: Body) -> CrisisEvent:
    return services.crisis_event_open(
        actor=director_user, body=body, title="Långvarigt elavbrott", started_at=STARTED
    )


def test_the_crisis_log_refuses_a_change_through_the_orm(event: CrisisEvent) -> None:
    entry = event.log.get()
    entry.text = "Ändrad i efterhand"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert event.log.get().text.startswith("Händelsen inträffade")


def test_the_crisis_log_refuses_an_update_of_a_queryset(event: CrisisEvent) -> None:
    with pytest.raises(AppendOnlyError):
        CrisisLogEntry.objects.filter(event=event).update(text="Ändrad")
    assert event.log.get().text.startswith("Händelsen inträffade")


def test_the_crisis_log_refuses_a_delete(event: CrisisEvent) -> None:
    with pytest.raises(AppendOnlyError):
        event.log.get().delete()
    with pytest.raises(AppendOnlyError):
        CrisisLogEntry.objects.filter(event=event).delete()
    assert event.log.count() == 1


def test_the_chief_of_staff_is_the_holder_of_the_crisis_staffs_head_post(
    body: Body, department: Organization, director_user: User
) -> None:
    staff = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.STAFF_UNIT,
        slug="central-krisledningsstab",
        name="Central krisledningsstab",
        parent=department,
    )
    post = organisation.position_create(
        actor=None,
        body=body,
        organization=staff,
        slug="stabschef-krisledningsstab",
        title="Stabschef",
        heads_organization=True,
    )
    robert = organisation.person_create(
        actor=None, body=body, given_name="Robert", family_name="Sjögren"
    )
    organisation.appointment_create(
        actor=None, person=robert, position=post, start=datetime.date(2020, 3, 16)
    )
    event = services.crisis_event_open(
        actor=director_user, body=body, title="Översvämning", started_at=STARTED
    )
    assert event.chief_of_staff == robert
    assert "Robert Sjögren" in event.log.get().text


def test_leadership_is_decided_once_with_its_time(
    event: CrisisEvent, director_user: User, crisis_committee: Organization
) -> None:
    decided_at = STARTED + datetime.timedelta(hours=2)
    event = services.crisis_leadership_decide(
        actor=director_user,
        event=event,
        leadership=CrisisEvent.Leadership.DIRECTOR,
        decided_at=decided_at,
    )
    assert event.leadership == CrisisEvent.Leadership.DIRECTOR
    assert event.leadership_decided_at == decided_at
    assert event.committee is None
    with pytest.raises(ValidationError, match="redan beslutad"):
        services.crisis_leadership_decide(
            actor=director_user,
            event=event,
            leadership=CrisisEvent.Leadership.COMMITTEE,
            decided_at=decided_at,
        )
    event.refresh_from_db()
    assert event.leadership == CrisisEvent.Leadership.DIRECTOR
    timeline = list(selectors.crisis_log(event=event).values_list("kind", flat=True))
    assert timeline == [CrisisLogEntry.Kind.OBSERVATION, CrisisLogEntry.Kind.LEADERSHIP]


def test_a_member_may_neither_open_an_event_nor_write_in_its_log(
    event: CrisisEvent, member_user: User, body: Body
) -> None:
    with pytest.raises(PermissionDenied):
        services.crisis_event_open(actor=member_user, body=body, title="X", started_at=STARTED)
    with pytest.raises(PermissionDenied):
        services.crisis_log_append(actor=member_user, event=event, kind="measure", text="X")


def _committee_decides(director_user: User, event: CrisisEvent) -> CrisisEvent:
    return services.crisis_leadership_decide(
        actor=director_user,
        event=event,
        leadership=CrisisEvent.Leadership.COMMITTEE,
        decided_at=STARTED + datetime.timedelta(hours=1),
    )


def test_crisis_decisions_are_unreported_until_reported_to_the_council(
    event: CrisisEvent,
    director_user: User,
    crisis_committee: Organization,
    council: Organization,
    body: Body,
) -> None:
    event = _committee_decides(director_user, event)
    assert event.committee == crisis_committee
    decided_on = datetime.date(2026, 11, 2)
    decision = services.crisis_decision_record(
        actor=director_user,
        event=event,
        decided_on=decided_on,
        title="Evakuering av äldreboendet",
        minutes="Krisledningsnämnden 2026-11-02",
        minute_number=1,
    )
    assert decision.report_to == council
    assert event.log.filter(kind=CrisisLogEntry.Kind.DECISION, decision=decision).exists()
    later = decided_on + datetime.timedelta(days=60)
    assert list(selectors.crisis_decisions_unreported(body=body, on=later)) == [decision]

    services.crisis_decisions_report(
        actor=director_user,
        body=body,
        decisions=[decision],
        reported_on=datetime.date(2026, 11, 20),
        reported_in="KF 2026-11-20, § 150",
    )
    assert list(selectors.crisis_decisions_unreported(body=body, on=later)) == []


def test_the_director_leading_records_no_committee_decisions(
    event: CrisisEvent, director_user: User
) -> None:
    services.crisis_leadership_decide(
        actor=director_user,
        event=event,
        leadership=CrisisEvent.Leadership.DIRECTOR,
        decided_at=STARTED,
    )
    with pytest.raises(ValidationError, match="leder inte"):
        services.crisis_decision_record(
            actor=director_user,
            event=event,
            decided_on=datetime.date(2026, 11, 2),
            title="X",
            minutes="X",
            minute_number=1,
        )


def test_a_closed_event_takes_no_more_log_lines(event: CrisisEvent, director_user: User) -> None:
    services.crisis_event_close(
        actor=director_user, event=event, ended_at=STARTED + datetime.timedelta(days=2)
    )
    with pytest.raises(ValidationError, match="avslutad"):
        services.crisis_log_append(actor=director_user, event=event, kind="measure", text="X")


def test_security_class_evidence_is_red_while_the_directors_post_has_no_class(
    body: Body, director: Person
) -> None:
    today = timezone.localdate()
    red = selectors.security_class_evidence(body=body, on=today)
    assert (red.ok, red.count) == (False, 1)
    Position.objects.filter(slug="kommundirektor").update(security_class=2)
    green = selectors.security_class_evidence(body=body, on=today)
    assert (green.ok, green.count) == (True, 1)
    assert green.summary == "1 befattning är placerad i säkerhetsskyddsklass"
    [row] = selectors.security_class_list(body=body, on=today)
    assert row.holders == [director]


def test_class_three_is_too_low_for_a_deputy_director(
    body: Body, department: Organization, director: Person
) -> None:
    Position.objects.filter(slug="kommundirektor").update(security_class=1)
    organisation.position_create(
        actor=None,
        body=body,
        organization=department,
        slug="bitradande-kommundirektor",
        title="Biträdande kommundirektör",
        security_class=3,
    )
    evidence = selectors.security_class_evidence(body=body, on=timezone.localdate())
    assert (evidence.ok, evidence.count) == (False, 1)


def test_the_demo_directors_posts_are_in_class_two(demo: dict[str, Body]) -> None:
    for body in demo.values():
        assert selectors.security_class_evidence(body=body, on=timezone.localdate()).ok


def test_a_decision_the_meetings_recorded_for_the_committee_is_owed_to_the_council_too(
    director_user: User, crisis_committee: Organization, council: Organization, body: Body
) -> None:
    decision = meeting_decision_record(
        actor=None,
        organization=crisis_committee,
        decided_on=datetime.date(2026, 11, 3),
        title="Stängning av simhallen",
        text="",
        case_reference="",
        minutes="Krisledningsnämnden 2026-11-03",
        minute_number=4,
    )
    on = datetime.date(2026, 12, 31)
    assert list(selectors.crisis_decisions_unreported(body=body, on=on)) == [decision]
    [reported] = services.crisis_decisions_report(
        actor=director_user,
        body=body,
        decisions=[decision],
        reported_on=datetime.date(2026, 11, 20),
        reported_in="KF 2026-11-20, § 151",
    )
    assert (reported.report_to, reported.reported_in) == (council, "KF 2026-11-20, § 151")
    assert not selectors.crisis_decisions_unreported(body=body, on=on).exists()


def test_only_the_crisis_committees_decisions_are_reported_here(
    director_user: User, board: Organization, council: Organization, body: Body
) -> None:
    decision = meeting_decision_record(
        actor=None,
        organization=board,
        decided_on=datetime.date(2026, 11, 3),
        title="Budget",
        text="",
        case_reference="",
        minutes="KS 2026-11-03",
        minute_number=9,
    )
    with pytest.raises(ValidationError, match="inte krisledningsnämndens"):
        services.crisis_decisions_report(
            actor=director_user,
            body=body,
            decisions=[decision],
            reported_on=datetime.date(2026, 11, 20),
            reported_in="KF 2026-11-20, § 151",
        )
