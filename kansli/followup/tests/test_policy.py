"""Who may in the follow-up (issue 10): another body's users read nothing of it, the
administrator role has no follow-up powers, every write asks the policy first, and a refused
form comes back with its input and the reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.decisions.models import Decision
from kansli.followup import policy
from kansli.followup.models import CrisisEvent, CrisisLogEntry, DeviationThreshold, Talk
from kansli.followup.services import appointments, crisis, initiatives, talks
from kansli.organisation.models import Body, Position
from kansli.registry.models import Case


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


def user(username: str) -> User:
    return User.objects.get(username=username)


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def keyed(username: str) -> Client:
    _token, key = token_create(actor=None, user=user(username), name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_another_body_s_staff_read_nothing_of_the_follow_up(vanersborg: Body) -> None:
    client = signed_in("blekinge-direktor")

    for path in ("ekonomi/", "attest/", "uppsikt/", "kris/", "samtal/", "styrdokument/"):
        assert client.get(f"/vanersborg/uppfoljning/{path}").status_code == 403


def test_another_body_s_api_key_reads_no_crisis_event(vanersborg: Body) -> None:
    response = keyed("blekinge-direktor").get("/api/v1/bodies/vanersborg/followup/crisis-events")

    assert response.status_code == 403
    assert "Vänersborgs kommun" in response.json()["detail"]


def test_the_body_s_officials_and_elected_members_read_it(vanersborg: Body) -> None:
    for username in ("registrator", "handlaggare", "ledamot", "sekreterare", "direktor"):
        assert signed_in(username).get("/vanersborg/uppfoljning/ekonomi/").status_code == 200


def test_the_administrator_role_has_no_follow_up_powers(vanersborg: Body) -> None:
    admin = user("admin")

    assert signed_in("admin").get("/vanersborg/uppfoljning/ekonomi/").status_code == 403
    assert keyed("admin").get("/api/v1/bodies/vanersborg/followup/economy").status_code == 403
    assert not policy.may_read(admin, vanersborg)
    assert not policy.may_read_duties(admin, vanersborg)
    assert not policy.may_keep(admin, vanersborg)
    assert not policy.may_decide_appointment(admin, vanersborg)


def test_the_administrator_may_not_set_the_threshold_through_the_page(vanersborg: Body) -> None:
    response = signed_in("admin").post(
        "/vanersborg/uppfoljning/ekonomi/grans/", {"procent": "5", "belopp": ""}
    )

    assert response.status_code == 403
    assert not DeviationThreshold.objects.exists()


def test_a_ledamot_may_not_open_a_case_to_the_board(vanersborg: Body) -> None:
    with pytest.raises(PermissionDenied):
        initiatives.board_case_open(
            actor=user("ledamot"), body=vanersborg, title="Initiativ", on=timezone.localdate()
        )

    assert not Case.objects.exists()


def test_a_refused_crisis_event_comes_back_with_its_input_and_the_reason(
    vanersborg: Body,
) -> None:
    response = signed_in("ledamot").post(
        "/vanersborg/uppfoljning/kris/", {"title": "Vattenläcka", "started_at": "2026-11-02T06:30"}
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert 'value="Vattenläcka"' in page
    assert "Bara direktören och kansliets sekreterare i Vänersborgs kommun" in page
    assert not CrisisEvent.objects.exists()


def test_the_event_s_chief_of_staff_writes_in_the_log_whatever_the_role(
    vanersborg: Body,
) -> None:
    chief = user("handlaggare")
    event = crisis.crisis_event_open(
        actor=user("direktor"),
        body=vanersborg,
        title="Storm",
        started_at=timezone.now(),
        chief_of_staff=chief.person,
    )

    entry = crisis.crisis_log_append(actor=chief, event=event, kind="measure", text="Stängt")

    assert entry.recorded_by == chief.person
    with pytest.raises(PermissionDenied):
        crisis.crisis_log_append(actor=user("ledamot"), event=event, kind="measure", text="x")
    assert CrisisLogEntry.objects.filter(event=event).count() == 2  # the opening line too


def test_the_system_records_a_talk_held(vanersborg: Body) -> None:
    director = user("direktor").person
    talk = Talk.objects.create(
        body=vanersborg,
        kind=Talk.Kind.SALARY,
        held_by=director,
        held_with=user("handlaggare").person,
        due_on=timezone.localdate(),
        source_section="5.1.4",
    )

    held = talks.talk_record(actor=None, talk=talk, held_on=timezone.localdate())

    assert held.held_on == timezone.localdate()


def test_a_case_officer_s_appointment_is_tried_by_the_engine(vanersborg: Body) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refusal:
        appointments.appointment_decide(
            actor=user("handlaggare"),
            body=vanersborg,
            decision_type="anstallning-forvaltningschef",
            position=Position.objects.get(
                body=vanersborg, slug="forvaltningschef-socialforvaltningen"
            ),
            person=user("registrator").person,
            decided_on=today,
            effective_on=today + datetime.timedelta(days=30),
        )

    assert not isinstance(refusal.value, PermissionDenied)
    assert "rätt att fatta" in " ".join(refusal.value.messages)
    assert not Decision.objects.exists()


def test_the_keepers_keep_the_follow_up(vanersborg: Body) -> None:
    for username in ("direktor", "sekreterare"):
        assert policy.may_keep(user(username), vanersborg)
    for username in ("registrator", "handlaggare", "ledamot", "blekinge-direktor"):
        assert not policy.may_keep(user(username), vanersborg)
