"""Each line of the duty dashboard whose evidence another area gives, seen on the page as
Vänersborg's director sees it today: red while the evidence is missing, green once it is
there (seed 002; each test names the duty's number)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.audit import services as audit
from kansli.decisions import services as decisions
from kansli.decisions.tests.followup_samples import board_decision, organ
from kansli.followup.models import Attestation, CrisisEvent, Talk
from kansli.followup.selectors.documents import managers_on
from kansli.followup.services import (
    attestations,
    certification,
    crisis,
    documents,
    economy,
    supervision,
)
from kansli.followup.services import talks as talk_services
from kansli.followup.tests.dashboard_samples import client_of, line_seen, lines_seen, user
from kansli.governance.models import GoverningDocument
from kansli.governance.services import document_update
from kansli.organisation.models import Body, Organization, Position
from kansli.registry import services as registry

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


def state(body: Body, number: str, selector: str) -> tuple[str, int | None]:
    """The state and count of the line as the director sees it on the dashboard."""
    line = line_seen(client_of(user("direktor")), body, number, selector)
    return line.state, line.evidence.count


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


# 3.1 b: the execution of every political decision -----------------------------------------


def test_execution_overdue_is_red_and_on_time_is_green(
    vanersborg: Body, today: datetime.date
) -> None:
    decision = board_decision(vanersborg, "Inför e-arkiv", today - days(60))

    def assign(due_on: datetime.date) -> None:
        decisions.execution_task_assign(
            actor=user("direktor"),
            decision=decision,
            title="Upphandla e-arkiv",
            executor=organ(vanersborg, "utvecklingsstaben"),
            due_on=due_on,
            assigned_on=today - days(60),
        )

    assign(today + days(30))
    assert state(vanersborg, "3.1 b", "overdue_execution_evidence") == ("ok", 0)

    assign(today - days(1))
    assert state(vanersborg, "3.1 b", "overdue_execution_evidence") == ("missing", 1)


# 3.1 c: the board's assignments to the director, reported on ------------------------------


def test_a_late_assignment_report_is_red_until_filed(
    vanersborg: Body, today: datetime.date
) -> None:
    assignment = decisions.assignment_give(
        actor=None,
        decision=board_decision(vanersborg, "Uppdrag om lokaler", today - days(70)),
        title="Lokalförsörjningsplan",
        due_on=today + days(365),
        report_interval_months=1,
    )
    assert state(vanersborg, "3.1 c", "late_assignment_reports_evidence") == ("missing", 1)

    decisions.assignment_report_file(
        actor=user("direktor"), assignment=assignment, text="Läget i dag", reported_on=today
    )

    assert state(vanersborg, "3.1 c", "late_assignment_reports_evidence") == ("ok", 0)


# 3.1 f: principles of governance: documents reviewed and known -----------------------------


def test_a_document_past_its_review_date_is_red_until_its_date_is_moved(
    vanersborg: Body, today: datetime.date
) -> None:
    instruction = GoverningDocument.objects.get(body=vanersborg, slug="kommundirektorsinstruktion")
    document_update(actor=None, document=instruction, review_by=today - days(1))
    assert state(vanersborg, "3.1 f", "documents_past_review_evidence") == ("missing", 1)

    document_update(actor=None, document=instruction, review_by=today + days(365))

    assert state(vanersborg, "3.1 f", "documents_past_review_evidence") == ("ok", 0)


def test_a_document_not_acknowledged_by_every_manager_is_red_until_it_is(
    vanersborg: Body, today: datetime.date
) -> None:
    assert state(vanersborg, "3.1 f", "unacknowledged_documents_evidence") == ("missing", 1)

    instruction = GoverningDocument.objects.get(body=vanersborg, slug="kommundirektorsinstruktion")
    for number, manager in enumerate(managers_on(body=vanersborg, on=today)):
        signed_in = User.objects.filter(person=manager.person).first() or user_create(
            actor=None, username=f"chef{number}", password=None, person=manager.person
        )
        documents.document_acknowledge(actor=signed_in, document=instruction)

    assert state(vanersborg, "3.1 f", "unacknowledged_documents_evidence") == ("ok", 0)


# 3.5 a: security protection: the director's post in security class 2 ----------------------


def test_the_directors_post_without_security_class_is_red(vanersborg: Body) -> None:
    assert state(vanersborg, "3.5 a", "security_class_evidence")[0] == "ok"

    post = Position.objects.get(body=vanersborg, slug="kommundirektor")
    audit.update(actor=None, instance=post, security_class=None)

    assert state(vanersborg, "3.5 a", "security_class_evidence") == ("missing", 1)


# 3.5 f: the director presents the crisis committee's cases when it is activated ------------


def test_an_activation_of_the_crisis_committee_is_red_until_attested(
    vanersborg: Body, today: datetime.date
) -> None:
    director = user("direktor")
    started = datetime.datetime.combine(today - days(45), datetime.time(6), tzinfo=STOCKHOLM)
    event = crisis.crisis_event_open(
        actor=director, body=vanersborg, title="Översvämning", started_at=started
    )
    event = crisis.crisis_leadership_decide(
        actor=director,
        event=event,
        leadership=CrisisEvent.Leadership.COMMITTEE,
        decided_at=started + datetime.timedelta(hours=1),
    )
    Attestation.objects.filter(body=vanersborg, duty_key="kdi-d-3.5-f").delete()
    [red] = lines_seen(client_of(director), vanersborg, "3.5 f")
    assert (red.state, red.evidence.count) == ("missing", 1)
    assert "1 händelse utan attestering" in red.summary

    case = registry.case_open(actor=None, organization=organ(vanersborg, "ks"), title="Kris")
    attestations.attestation_record(
        actor=director,
        body=vanersborg,
        duty_key="kdi-d-3.5-f",
        attested_on=today,
        note="Föredrog nämndens ärenden.",
        document=registry.document_register(
            actor=None, case=case, direction="drawn_up", date=today, description="Minnesanteckning"
        ),
    )

    [green] = lines_seen(client_of(director), vanersborg, "3.5 f")
    assert (green.state, green.evidence.count) == ("ok", None)


# 5.1.1: the economic responsibility: deviations and certifiers ---------------------------


def test_without_a_deviation_threshold_the_economy_is_red(vanersborg: Body) -> None:
    assert state(vanersborg, "5.1.1", "open_budget_initiatives_evidence") == ("missing", None)

    economy.threshold_set(actor=user("direktor"), body=vanersborg, percent=Decimal(5))

    assert state(vanersborg, "5.1.1", "open_budget_initiatives_evidence") == ("ok", 0)


def test_a_deviation_past_the_threshold_is_red(vanersborg: Body, today: datetime.date) -> None:
    director = user("direktor")
    economy.threshold_set(actor=director, body=vanersborg, percent=Decimal(5))
    department = organ(vanersborg, "kommunstyrelseforvaltningen")
    economy.budget_set(
        actor=director, organization=department, year=today.year, month=1, amount=Decimal(100)
    )
    economy.outcomes_import(
        actor=director,
        body=vanersborg,
        text=f"organisation;år;månad;belopp\nkommunstyrelseforvaltningen;{today.year};1;150\n",
        source="utfall.csv",
    )

    assert state(vanersborg, "5.1.1", "open_budget_initiatives_evidence") == ("missing", 1)


def test_without_certifiers_the_certification_line_is_red(
    vanersborg: Body, today: datetime.date
) -> None:
    assert state(vanersborg, "5.1.1", "certification_rights_evidence") == ("missing", None)

    certification.certification_right_appoint(
        actor=user("direktor"),
        person=user("handlaggare").person,
        organization=organ(vanersborg, "kommunstyrelseforvaltningen"),
        start=today,
    )

    assert state(vanersborg, "5.1.1", "certification_rights_evidence") == ("ok", 0)


# 5.1.4, 5.2.5: the director's salary talks --------------------------------------------------


@pytest.mark.parametrize("number", ["5.1.4", "5.2.5"])
def test_an_overdue_talk_is_red_until_held(
    vanersborg: Body, today: datetime.date, number: str
) -> None:
    director = user("direktor")
    talk = audit.create(
        actor=None,
        instance=Talk(
            body=vanersborg,
            kind=Talk.Kind.SALARY,
            held_by=director.person,
            held_with=user("handlaggare").person,
            due_on=today - days(1),
            source_section=number,
        ),
    )
    assert state(vanersborg, number, "overdue_talks_evidence") == ("missing", 1)

    talk_services.talk_record(actor=director, talk=talk, held_on=today - days(1))

    assert state(vanersborg, number, "overdue_talks_evidence") == ("ok", 0)


# 5.2.2 c: the board's supervision of the committees ---------------------------------------


def test_a_missing_supervision_report_is_red_until_filed(
    vanersborg: Body, today: datetime.date
) -> None:
    director = user("direktor")
    assert state(vanersborg, "5.2.2 c", "missing_supervision_reports_evidence") == ("missing", None)

    template = supervision.report_template_create(
        actor=director,
        body=vanersborg,
        name="Helårsrapport",
        organization_kind=Organization.Kind.COMMITTEE,
        interval_months=12,
        due_days=30,
        contents="Verksamhet och ekonomi.",
    )
    owed = supervision.supervision_reports_create(
        actor=director, template=template, year=today.year - 1
    )
    assert owed
    assert state(vanersborg, "5.2.2 c", "missing_supervision_reports_evidence") == (
        "missing",
        len(owed),
    )

    for report in owed:
        supervision.supervision_report_file(actor=director, report=report, filed_on=today)

    assert state(vanersborg, "5.2.2 c", "missing_supervision_reports_evidence") == ("ok", 0)
