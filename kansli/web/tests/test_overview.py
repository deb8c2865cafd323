"""The start page of a signed-in user, "Mitt arbete": my open cases, my preparations, my coming
meetings and my overdue items, each linking to the item, and none of anyone else's; an operator
of no person keeps the list of bodies, and an account of no person is told to ask."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.decisions import services as decisions
from kansli.decisions.tests.followup_samples import board_decision, organ
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership
from kansli.preparation import services as preparation
from kansli.registry import services as registry
from kansli.registry.models import Case, PublicRecordsRequest
from kansli.tests.refusals import Demo


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


def at(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def case_of(demo: Demo, username: str, title: str, body: str = "vanersborg") -> Case:
    officer = User.objects.get(username=username).person
    return registry.case_open(
        actor=None, organization=organ(demo[body], "ks"), title=title, case_officer=officer
    )


def test_my_work_lists_my_open_cases_and_no_one_elses(demo: Demo) -> None:
    mine = case_of(demo, "handlaggare", "Laddplatser vid stadshuset")
    closed = case_of(demo, "handlaggare", "Ett avslutat ärende")
    registry.case_close(actor=None, case=closed)
    others = case_of(demo, "direktor", "Direktörens eget ärende")
    other_body = registry.case_open(
        actor=None,
        organization=organ(demo["blekinge"], "regionstyrelsen"),
        title="Blekinges ärende",
        case_officer=User.objects.get(username="blekinge-handlaggare").person,
    )

    response = client_of("handlaggare").get("/")

    text = response.text
    assert response.status_code == 200
    assert "<h1>Mitt arbete</h1>" in text
    assert f'href="/vanersborg/diarium/arenden/{mine.pk}/">{mine.number}</a>' in text
    assert "Laddplatser vid stadshuset" in text
    for absent in (closed, others, other_body):
        assert absent.title not in text
        assert f"/arenden/{absent.pk}/" not in text


def test_my_preparations_include_those_i_present_and_show_what_is_overdue(demo: Demo) -> None:
    case = case_of(demo, "handlaggare", "Ny taxa för bygglov")
    preparation.preparation_plan(actor=None, case=case, route=None, due_on=days(-3))
    presented = case_of(demo, "direktor", "Budget 2027")
    preparation.report_save(
        actor=None,
        case=presented,
        text="Tjänsteskrivelse",
        clauses=["att anta budgeten"],
        rapporteur=User.objects.get(username="handlaggare").person,
    )

    text = client_of("handlaggare").get("/").text

    assert "Mina beredningar" in text
    assert f'href="/vanersborg/diarium/arenden/{presented.pk}/">{presented.number}</a>' in text
    assert "(föredragande)" in text
    # Past its due day: among the overdue too.
    assert f"{case.number} Ny taxa för bygglov</a>" in text
    assert days(-3).isoformat() in text
    assert "Budget 2027" not in client_of("registrator").get("/").text


def test_a_board_members_work_shows_his_coming_meetings(demo: Demo) -> None:
    member = User.objects.get(username="ledamot").person
    seat = Membership.objects.on(timezone.localdate()).filter(person=member).first()
    assert seat is not None
    planned = meetings.meeting_schedule(
        actor=None, organization=seat.organization, starts_at=at(days(7))
    )
    called = meetings.meeting_schedule(
        actor=None, organization=seat.organization, starts_at=at(days(14))
    )
    Meeting.objects.filter(pk=called.pk).update(status=Meeting.Status.CALLED)
    past = meetings.meeting_schedule(
        actor=None, organization=seat.organization, starts_at=at(days(-7))
    )

    text = client_of("ledamot").get("/").text

    assert "Mina sammanträden" in text
    assert f"{days(7):%Y-%m-%d} 18:00" in text
    assert 'href="/vanersborg/sammantraden/mina/"' in text
    assert f'href="/vanersborg/sammantraden/{called.pk}/"' in text
    assert seat.get_role_display() in text
    assert f"{days(-7):%Y-%m-%d}" not in text
    assert planned.organization.name in text
    assert f"/sammantraden/{past.pk}/" not in text


def test_the_secretary_sees_the_meetings_she_keeps(demo: Demo) -> None:
    secretary = User.objects.get(username="sekreterare")
    meeting = meetings.meeting_schedule(
        actor=secretary, organization=organ(demo["vanersborg"], "ks"), starts_at=at(days(5))
    )

    text = client_of("sekreterare").get("/").text

    assert f'href="/vanersborg/sammantraden/{meeting.pk}/hantera/"' in text
    assert "sekreterare" in text
    assert f"/sammantraden/{meeting.pk}/" not in client_of("handlaggare").get("/").text


def test_overdue_assignments_and_execution_show_to_the_director_only(demo: Demo) -> None:
    body = demo["vanersborg"]
    decision = board_decision(body, "Uppdrag om lokalförsörjning", days(-100))
    assignment = decisions.assignment_give(
        actor=None,
        decision=decision,
        title="Ta fram en lokalförsörjningsplan",
        due_on=days(-10),
        report_interval_months=12,
    )
    decisions.execution_task_assign(
        actor=None,
        decision=decision,
        title="Inventera lokalerna",
        executor=organ(body, "kommunstyrelseforvaltningen"),
        due_on=days(-5),
        assigned_on=days(-60),
    )

    director = client_of("direktor").get("/").text
    officer = client_of("handlaggare").get("/").text

    assert f'href="/vanersborg/uppfoljning/uppdrag/{assignment.pk}/">' in director
    assert "Ta fram en lokalförsörjningsplan" in director
    assert f'href="/vanersborg/uppfoljning/verkstallighet/beslut/{decision.pk}/">' in director
    assert "Inventera lokalerna" in director
    assert "Ta fram en lokalförsörjningsplan" not in officer
    assert "Inventera lokalerna" not in officer


def test_a_records_request_not_handled_in_time_shows_to_the_registrar(demo: Demo) -> None:
    submission = registry.records_request_submit(
        actor=None, body=demo["vanersborg"], subject="Protokollen från KS i januari"
    )
    PublicRecordsRequest.objects.filter(pk=submission.request.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=14)
    )

    registrar = client_of("registrator").get("/").text
    officer = client_of("handlaggare").get("/").text
    other_body = client_of("blekinge-registrator").get("/").text

    detail = f'href="/vanersborg/diarium/begaranden/{submission.request.pk}/"'
    assert detail in registrar
    assert "Protokollen från KS i januari" in registrar
    assert "Protokollen från KS i januari" not in officer
    assert "Protokollen från KS i januari" not in other_body


def test_an_operator_of_no_person_sees_every_body_with_links_to_its_areas(demo: Demo) -> None:
    client = Client()
    client.force_login(User.objects.create_superuser("drift", password="lösenord-för-test"))

    text = client.get("/").text

    assert "<h1>Översikt</h1>" in text
    assert "<h2>Vänersborgs kommun</h2>" in text
    assert "<h2>Region Blekinge</h2>" in text
    assert 'href="/blekinge/"' in text
    assert 'href="/blekinge/organisation/"' in text
    assert 'href="/blekinge/styrdokument/"' in text


@pytest.mark.parametrize("username", ["handlaggare", "ledamot"])
def test_staff_see_their_own_body_only(demo: Demo, username: str) -> None:
    text = client_of(username).get("/").text

    assert 'href="/vanersborg/">' in text
    assert "Region Blekinge" not in text
    assert 'href="/blekinge/' not in text


def test_an_operator_is_shown_documents_past_review(client: Client, body: Body) -> None:
    board = organisation.organization_create(
        actor=None, body=body, kind="executive_board", slug="ks", name="Kommunstyrelsen"
    )
    governance.document_create(
        actor=None,
        body=body,
        slug="policy",
        kind=GoverningDocument.Kind.POLICY,
        name="Policy",
        adopted_by=board,
        owner=board,
        review_by=days(-1),
    )
    client.force_login(User.objects.create_superuser("drift", password="lösenord-för-test"))

    response = client.get("/")

    assert 'href="/vanersborg/styrdokument/?passerat=on"' in response.text
    assert "1 styrdokument att se över" in response.text


def test_the_navigation_marks_the_current_area(staff: Client) -> None:
    response = staff.get("/vanersborg/styrdokument/")

    assert 'href="/vanersborg/styrdokument/" aria-current="page"' in response.text
    assert 'href="/vanersborg/organisation/">' in response.text


def test_an_account_of_no_person_is_told_to_ask_the_administrator(
    signed_in: Client, body: Body
) -> None:
    response = signed_in.get("/")

    assert "Vänersborgs kommun" not in response.text
    assert "Be administratören koppla kontot till dig." in response.text


def test_the_navigation_leads_the_registrar_to_the_requests_and_the_archive(demo: Demo) -> None:
    registrar = client_of("registrator").get("/").text
    member = client_of("ledamot").get("/").text

    for link in ('href="/vanersborg/diarium/begaranden/"', 'href="/vanersborg/arkiv/"'):
        assert link in registrar
        assert link not in member
