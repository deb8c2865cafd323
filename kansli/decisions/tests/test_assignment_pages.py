"""The assignment pages: the secretary records the board's assignment, the director reports
on it, the secretary puts a report on the board's agenda; the list shows late reports and
exports CSV; board members read without forms."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansli.decisions import services
from kansli.decisions.models import Assignment, Decision
from kansli.decisions.tests.followup_samples import board_decision, board_meeting, user
from kansli.meetings.models import AgendaItem
from kansli.organisation.models import Body

GIVEN = datetime.date(2026, 1, 15)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def decision(vanersborg: Body) -> Decision:
    return board_decision(vanersborg, "Uppdrag om lokalförsörjning", GIVEN)


@pytest.fixture
def assignment(decision: Decision) -> Assignment:
    return services.assignment_give(
        actor=None,
        decision=decision,
        title="Ta fram en lokalförsörjningsplan",
        due_on=datetime.date(2099, 12, 31),
        report_interval_months=2,
    )


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def detail(assignment: Assignment) -> str:
    return reverse("decisions:assignment_detail", args=["vanersborg", assignment.pk])


def test_secretary_records_the_boards_assignment(decision: Decision) -> None:
    response = client_of("sekreterare").post(
        reverse("decisions:assignment_create", args=["vanersborg"]),
        {
            "beslut": decision.pk,
            "rubrik": "Ta fram en plan",
            "klart_senast": "2026-12-31",
            "intervall": "3",
        },
    )

    assignment = Assignment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(assignment)
    assert assignment.assignee == user("direktor").person
    assert assignment.report_interval_months == 3


def test_director_files_a_report_on_the_page(assignment: Assignment) -> None:
    response = client_of("direktor").post(
        reverse("decisions:assignment_report_create", args=["vanersborg", assignment.pk]),
        {"rapport": "Inventeringen är klar."},
    )

    assert response.status_code == 302
    page = client_of("direktor").get(detail(assignment)).text
    assert "Inventeringen är klar." in page
    assert "rapport försenad" not in page


def test_a_board_member_reads_without_forms_and_may_not_report(assignment: Assignment) -> None:
    member = client_of("ledamot")
    page = member.get(detail(assignment)).text
    assert "Ta fram en lokalförsörjningsplan" in page
    assert "Lämna rapporten" not in page

    response = member.post(
        reverse("decisions:assignment_report_create", args=["vanersborg", assignment.pk]),
        {"rapport": "Nej"},
    )
    assert response.status_code == 403
    assert not assignment.reports.exists()


def test_list_shows_late_reports_and_filters_them(vanersborg: Body, assignment: Assignment) -> None:
    on_time = services.assignment_give(
        actor=None,
        decision=board_decision(vanersborg, "Annat uppdrag", timezone.localdate(), 2),
        title="Utred fritidsgårdarna",
        due_on=datetime.date(2099, 12, 31),
        report_interval_months=6,
    )
    url = reverse("decisions:assignment_list", args=["vanersborg"])

    late = client_of("ledamot").get(url, {"sena": "on"}).text

    assert assignment.title in late
    assert "rapport försenad" in late
    assert on_time.title not in late


def test_assignment_list_as_csv(assignment: Assignment) -> None:
    response = client_of("ledamot").get(
        reverse("decisions:assignment_list", args=["vanersborg"]), {"format": "csv"}
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[:3] == ["Uppdrag", "Beslut", "Givet"]
    assert lines[1].split(";")[:3] == [
        "Ta fram en lokalförsörjningsplan",
        "Uppdrag om lokalförsörjning",
        "2026-01-15",
    ]
    assert lines[1].split(";")[5:8] == ["", "2026-03-15", "ja"]


def test_assignment_status_chart_beside_its_table(assignment: Assignment) -> None:
    page = client_of("ledamot").get(reverse("decisions:assignment_list", args=["vanersborg"]))
    assert 'aria-labelledby="uppdrag-efter-status-title uppdrag-efter-status-desc"' in page.text
    assert '<th scope="row">pågår, rapport försenad</th>' in page.text


def test_secretary_puts_a_report_on_the_boards_agenda(
    vanersborg: Body, assignment: Assignment
) -> None:
    report = services.assignment_report_file(
        actor=user("direktor"), assignment=assignment, text="Lägesrapport"
    )
    meeting = board_meeting(vanersborg, datetime.date(2026, 12, 9))
    secretary = client_of("sekreterare")
    assert "Sätt på dagordningen" in secretary.get(detail(assignment)).text

    response = secretary.post(
        reverse("meetings:assignment_report_agenda", args=["vanersborg", report.pk]),
        {"sammantrade": meeting.pk, "slag": AgendaItem.Kind.ASSIGNMENT_REPORTS},
    )

    assert response.status_code == 302
    item = meeting.items.get()
    assert item.kind == AgendaItem.Kind.ASSIGNMENT_REPORTS
    assert item.title.startswith("Rapport om uppdrag: Ta fram en lokalförsörjningsplan")


def test_reports_of_an_assignment_as_csv(assignment: Assignment) -> None:
    services.assignment_report_file(
        actor=user("direktor"),
        assignment=assignment,
        text="Första",
        reported_on=datetime.date(2026, 2, 1),
    )
    response = client_of("ledamot").get(detail(assignment), {"format": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1] == "2026-02-01;Katarina Holmgren;Första;"


def test_director_names_an_official_who_then_reports(assignment: Assignment) -> None:
    officer = user("handlaggare")
    response = client_of("direktor").post(
        reverse("decisions:assignment_reporter", args=["vanersborg", assignment.pk]),
        {"rapportor": officer.person.pk},
    )

    assert response.status_code == 302
    assert "Lämna rapporten" in client_of("handlaggare").get(detail(assignment)).text


def test_director_completes_the_assignment(assignment: Assignment) -> None:
    client_of("direktor").post(
        reverse("decisions:assignment_close", args=["vanersborg", assignment.pk]),
        {"status": Assignment.Status.COMPLETED},
    )

    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert "Lämna rapporten" not in client_of("direktor").get(detail(assignment)).text
