"""Who prepares a case: its own case officer and the body's registrars and secretaries. A board
member, or a case officer of other cases, does not write its officer's report, statements or
status; nobody sets it decided by hand; and once the meeting has decided it, its preparation
is frozen. The services refuse it, the pages do not offer it, and the API answers 403 to the
wrong user and 409 (a conflict with the case's state) to a write after the decision."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.organisation.models import Body
from kansli.preparation import services
from kansli.preparation.models import Preparation, Statement
from kansli.preparation.tests.builders import decided_case, officer_case, open_case, today
from kansli.registry.models import Case
from kansli.tests.refusals import Demo


def user(username: str) -> User:
    return User.objects.get(username=username)


def vanersborg(demo: Demo) -> Body:
    return demo["vanersborg"]


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def api_client(username: str) -> Client:
    _token, key = token_create(actor=None, user=user(username), name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def api_url(case: Case, what: str) -> str:
    return f"/api/v1/bodies/vanersborg/registry/cases/{case.pk}/{what}"


def write_report(username: str, case: Case) -> None:
    services.report_save(actor=user(username), case=case, text="Min text.", clauses=["att avslå"])


@pytest.mark.parametrize("username", ["ledamot", "handlaggare"])
def test_a_board_member_or_another_cases_officer_may_not_prepare(demo: Demo, username: str) -> None:
    case = open_case(vanersborg(demo))

    with pytest.raises(PermissionDenied, match="Bara ärendets handläggare"):
        write_report(username, case)
    with pytest.raises(PermissionDenied):
        services.statement_add(actor=user(username), case=case, received_on=today(), author="Någon")
    with pytest.raises(PermissionDenied):
        services.status_change(actor=user(username), case=case, status="ready")

    assert not Preparation.objects.filter(case=case).exists()


@pytest.mark.parametrize("username", ["handlaggare", "registrator", "sekreterare"])
def test_the_cases_officer_and_the_registry_staff_prepare_it(demo: Demo, username: str) -> None:
    case = officer_case(vanersborg(demo))

    write_report(username, case)

    assert Preparation.objects.get(case=case).report_text == "Min text."


@pytest.mark.parametrize("username", ["handlaggare", "registrator"])
def test_nobody_sets_a_case_decided_by_hand(demo: Demo, username: str) -> None:
    case = officer_case(vanersborg(demo))

    with pytest.raises(PermissionDenied, match="kan inte sättas för hand"):
        services.status_change(actor=user(username), case=case, status="decided")

    assert not Preparation.objects.filter(case=case, status="decided").exists()


@pytest.mark.parametrize("username", ["handlaggare", "registrator"])
def test_a_decided_cases_preparation_is_frozen(demo: Demo, username: str) -> None:
    case = decided_case(vanersborg(demo), user("handlaggare").person)
    actor = user(username)

    with pytest.raises(ValidationError, match="är beslutat") as report:
        write_report(username, case)
    with pytest.raises(ValidationError, match="är beslutat"):
        services.statement_add(actor=actor, case=case, received_on=today(), author="Någon")
    with pytest.raises(ValidationError, match="är beslutat"):
        services.status_change(actor=actor, case=case, status="preparing")
    with pytest.raises(ValidationError, match="är beslutat"):
        services.route_advance(actor=actor, case=case)

    assert report.value.code == "conflict"

    preparation = Preparation.objects.get(case=case)
    assert preparation.status == "decided"
    assert preparation.report_text == "Bakgrund."
    assert not Statement.objects.filter(preparation=preparation).exists()


def test_the_case_page_offers_the_preparation_only_to_who_may_write_it(demo: Demo) -> None:
    case = officer_case(vanersborg(demo))
    decided = decided_case(vanersborg(demo), user("handlaggare").person)
    page = reverse("preparation:case_detail", args=["vanersborg", case.pk])
    report = reverse("preparation:report_edit", args=["vanersborg", case.pk])

    officer = signed_in("handlaggare").get(page).content.decode()
    member = signed_in("ledamot").get(page).content.decode()
    frozen = signed_in("handlaggare").get(
        reverse("preparation:case_detail", args=["vanersborg", decided.pk])
    )

    assert report in officer
    assert "Registrera yttrande" in officer
    assert report not in member
    assert "Markera som klart för dagordning" not in member
    assert "Registrera yttrande" not in member
    assert "Markera som klart för dagordning" not in frozen.content.decode()
    assert "Återför till beredning" not in frozen.content.decode()


@pytest.mark.parametrize("username", ["ledamot", "handlaggare"])
def test_the_report_editor_is_refused_to_who_may_not_write(demo: Demo, username: str) -> None:
    case = open_case(vanersborg(demo))

    response = signed_in(username).get(
        reverse("preparation:report_edit", args=["vanersborg", case.pk])
    )

    assert response.status_code == 403


def test_a_report_posted_after_the_decision_is_refused_with_the_text_kept(demo: Demo) -> None:
    case = decided_case(vanersborg(demo), user("handlaggare").person)

    response = signed_in("handlaggare").post(
        reverse("preparation:report_edit", args=["vanersborg", case.pk]),
        {"tjansteskrivelse": "Ny bedömning som inte får gå förlorad.", "att_satser": "att avslå"},
    )

    assert response.status_code == 400
    assert "Ny bedömning som inte får gå förlorad." in response.content.decode()
    assert "är beslutat" in response.content.decode()
    assert Preparation.objects.get(case=case).report_text == "Bakgrund."


def test_the_status_form_says_why_a_case_is_not_set_decided(demo: Demo) -> None:
    case = officer_case(vanersborg(demo))

    response = signed_in("handlaggare").post(
        reverse("preparation:status_update", args=["vanersborg", case.pk]), {"status": "decided"}
    )

    assert response.status_code == 403
    assert "kan inte sättas för hand" in response.content.decode()


@pytest.mark.parametrize("username", ["ledamot", "handlaggare"])
def test_the_api_refuses_a_board_member_or_another_cases_officer(demo: Demo, username: str) -> None:
    case = open_case(vanersborg(demo))
    api = api_client(username)

    written = api.put(
        api_url(case, "report"),
        {"text": "Min text.", "clauses": ["att avslå"]},
        content_type="application/json",
    )
    status = api.post(api_url(case, "status"), {"status": "ready"}, content_type="application/json")
    read = api.get(api_url(case, "preparation"))

    assert written.status_code == 403
    assert written.json()["code"] == "permission_denied"
    assert "Bara ärendets handläggare" in written.json()["detail"]
    assert status.status_code == 403
    assert read.status_code == 200
    assert not Preparation.objects.filter(case=case).exists()


def test_the_api_refuses_decided_by_hand_and_writes_after_the_decision(demo: Demo) -> None:
    case = officer_case(vanersborg(demo))
    decided = decided_case(vanersborg(demo), user("handlaggare").person)
    api = api_client("handlaggare")

    by_hand = api.post(
        api_url(case, "status"), {"status": "decided"}, content_type="application/json"
    )
    after = api.put(
        api_url(decided, "report"),
        {"text": "Min text.", "clauses": ["att avslå"]},
        content_type="application/json",
    )

    assert by_hand.status_code == 403
    assert by_hand.json()["code"] == "permission_denied"
    assert "kan inte sättas för hand" in by_hand.json()["detail"]
    assert after.status_code == 409
    assert after.json()["code"] == "conflict"
    assert "är beslutat" in after.json()["detail"]
    assert Preparation.objects.get(case=decided).report_text == "Bakgrund."
