"""Who may, in the register of decisions, execution and assignments (issue 10): the body's own
users read; roles and posts decide, never a Django model permission; the administrator decides
nothing; a refused form keeps what the user wrote."""

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role
from kansli.decisions import policy, services
from kansli.decisions.models import Assignment, Decision, ExecutionTask
from kansli.decisions.tests.conftest import (
    OTHER_DEPARTMENT,
    api_client_of,
    organization,
)
from kansli.decisions.tests.followup_samples import board_decision, user
from kansli.organisation.models import Body, Organization


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def task_for(vanersborg: Body, executor: str, today: datetime.date) -> ExecutionTask:
    return services.execution_task_assign(
        actor=None,
        decision=board_decision(vanersborg, "Inför e-arkiv", today),
        title="Upphandla e-arkiv",
        executor=organization(vanersborg, executor),
        due_on=today + datetime.timedelta(days=30),
    )


def assignment_of(vanersborg: Body, today: datetime.date) -> Assignment:
    return services.assignment_give(
        actor=None,
        decision=board_decision(vanersborg, "Uppdrag om lokalförsörjning", today),
        title="Ta fram en lokalförsörjningsplan",
        due_on=today + datetime.timedelta(days=200),
        report_interval_months=3,
    )


def test_another_bodys_user_reads_no_decision_task_or_assignment(
    reorganise: Callable[..., Decision], vanersborg: Body, today: datetime.date
) -> None:
    reorganise(evidence=[("approval", "pfu", today, "")])
    assignment_of(vanersborg, today)
    other = client_of("blekinge-direktor")
    api = api_client_of(user("blekinge-direktor"))

    pages = [
        other.get(reverse("decisions:decision_list", args=["vanersborg"])),
        other.get(reverse("decisions:execution_list", args=["vanersborg"])),
        other.get(reverse("decisions:assignment_list", args=["vanersborg"])),
    ]
    listed = api.get("/api/v1/bodies/vanersborg/decisions")

    assert [page.status_code for page in pages] == [403, 403, 403]
    assert listed.status_code == 403
    assert "Bara användare i Vänersborgs kommun" in listed.json()["detail"]


def test_the_administrator_records_no_decision_even_in_its_own_name(
    reorganise: Callable[..., Decision], vanersborg: Body
) -> None:
    admin = user("admin")

    with pytest.raises(PermissionDenied, match="Din roll ger inte rätt att registrera beslut"):
        reorganise(actor=admin, decided_by=admin.person, capacity=None)
    page = client_of("admin").get(reverse("decisions:decision_list", args=["vanersborg"]))
    form = client_of("admin").get(reverse("decisions:decision_create", args=["vanersborg"]))

    assert not Decision.objects.exists()
    assert page.status_code == 200
    assert not page.context["may_record"]
    assert form.status_code == 403


def test_a_model_permission_gives_no_business_power(vanersborg: Body, today: datetime.date) -> None:
    """The administrator who is given the meetings' change permission records no assignment."""
    admin = user("admin")
    admin.user_permissions.add(Permission.objects.get(codename="change_meeting"))
    admin = user("admin")
    decision = board_decision(vanersborg, "Uppdrag om lokalförsörjning", today)

    assert not policy.may_record_assignment(admin, vanersborg, today)
    with pytest.raises(PermissionDenied, match="Bara direktören eller en nämndsekreterare"):
        services.assignment_give(
            actor=admin,
            decision=decision,
            title="Ta fram en lokalförsörjningsplan",
            due_on=today + datetime.timedelta(days=200),
            report_interval_months=3,
        )
    assert not Assignment.objects.exists()


def test_the_secretary_records_an_assignment_by_the_role_without_model_permissions(
    vanersborg: Body, today: datetime.date
) -> None:
    Group.objects.get(name=Role.SECRETARY).permissions.clear()
    decision = board_decision(vanersborg, "Uppdrag om lokalförsörjning", today)

    assignment = services.assignment_give(
        actor=user("sekreterare"),
        decision=decision,
        title="Ta fram en lokalförsörjningsplan",
        due_on=today + datetime.timedelta(days=200),
        report_interval_months=3,
    )

    assert assignment.assignee == user("direktor").person


def test_a_ledamot_neither_reports_delegated_decisions_nor_records_a_meetings_decision(
    reorganise: Callable[..., Decision], vanersborg: Body, today: datetime.date
) -> None:
    decision = reorganise(evidence=[("approval", "pfu", today, "")])
    member = user("ledamot")

    with pytest.raises(PermissionDenied, match="kan anmäla beslut"):
        services.decision_report(
            actor=member, decisions=[decision], reported_on=today, reported_in="KS § 1"
        )
    with pytest.raises(PermissionDenied, match="kan registrera beslut vid sammanträde"):
        services.meeting_decision_record(
            actor=member,
            organization=organization(vanersborg, "ks"),
            decided_on=today,
            title="Inför e-arkiv",
            text="att införa e-arkiv",
            case_reference="",
            minutes="KS",
            minute_number=1,
        )
    decision.refresh_from_db()
    assert decision.unreported


def test_the_director_records_the_crisis_committees_decisions_but_not_the_boards(
    vanersborg: Body, today: datetime.date
) -> None:
    director = user("direktor")
    committee = vanersborg.organizations.get(kind=Organization.Kind.CRISIS_COMMITTEE)

    assert policy.may_record_meeting_decision(director, committee)
    assert not policy.may_record_meeting_decision(director, organization(vanersborg, "ks"))
    assert policy.may_record_meeting_decision(user("sekreterare"), organization(vanersborg, "ks"))


def test_the_holder_of_the_directors_post_gives_execution_without_the_role(
    vanersborg: Body, today: datetime.date
) -> None:
    director = user("direktor")
    director.groups.clear()
    director = user("direktor")

    task = services.execution_task_assign(
        actor=director,
        decision=board_decision(vanersborg, "Inför e-arkiv", today),
        title="Upphandla e-arkiv",
        executor=organization(vanersborg, OTHER_DEPARTMENT),
        due_on=today + datetime.timedelta(days=30),
    )

    assert task.assigned_by == director.person
    assert not policy.may_give_execution(user("sekreterare"), vanersborg, today)


def test_an_official_of_the_executor_moves_the_task_on_but_not_an_administrator_posted_there(
    vanersborg: Body, today: datetime.date
) -> None:
    """The case officer is posted in utvecklingsstaben, the administrator in kanslistaben."""
    ours = task_for(vanersborg, "utvecklingsstaben", today)
    theirs = task_for(vanersborg, "kanslistaben", today)

    services.execution_task_status_set(
        actor=user("handlaggare"), task=ours, status=ExecutionTask.Status.IN_PROGRESS
    )
    with pytest.raises(PermissionDenied, match="Bara direktören eller tjänstepersoner"):
        services.execution_task_status_set(
            actor=user("admin"), task=theirs, status=ExecutionTask.Status.DONE
        )

    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.status == ExecutionTask.Status.IN_PROGRESS
    assert theirs.status == ExecutionTask.Status.OPEN


def test_a_refused_report_keeps_what_was_written(vanersborg: Body, today: datetime.date) -> None:
    assignment = assignment_of(vanersborg, today)

    response = client_of("ledamot").post(
        reverse("decisions:assignment_report_create", args=["vanersborg", assignment.pk]),
        {"rapport": "Ledamotens egen lägesbild."},
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "Bara uppdragstagaren eller den som uppdragstagaren utsett kan rapportera." in page
    assert "Ledamotens egen lägesbild." in page
    assert not assignment.reports.exists()


def test_the_api_refuses_another_bodys_user_before_it_looks_into_the_payload(
    vanersborg: Body,
) -> None:
    """An unknown position is 400 to the body's own decision makers, and tells nobody else."""
    payload = {"decision_type": "organisationsforandring", "position": "finns-inte", "title": "X"}

    outsider = api_client_of(user("blekinge-direktor")).post(
        "/api/v1/bodies/vanersborg/decisions", payload, content_type="application/json"
    )
    own = api_client_of(user("direktor")).post(
        "/api/v1/bodies/vanersborg/decisions", payload, content_type="application/json"
    )

    assert outsider.status_code == 403
    assert outsider.json()["code"] == "permission_denied"
    assert own.status_code == 400
    assert not Decision.objects.exists()
