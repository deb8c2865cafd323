"""Reading the register on the web: the list with its status and reporting marks, a decision
with its verdict, requirements and reporting duty, and the decisions still to be reported to
an organ. The body's own users read them."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.services import decision_report


@pytest.fixture
def reader(client: Client, vanersborg: object) -> Client:
    """The demo's registrar: signed in, linked to a person, and not the decision maker."""
    client.force_login(User.objects.get(username="registrator"))
    return client


def test_the_list_marks_drafts_and_unreported_decisions(
    reorganise: Callable[..., Decision], reader: Client, today: datetime.date
) -> None:
    reorganise(title="Utkastet")
    reorganise(title="Det registrerade", evidence=[("approval", "pfu", today, "")])

    response = reader.get("/vanersborg/beslut/")
    drafts = reader.get("/vanersborg/beslut/", {"status": "draft"})

    page = response.content.decode()
    assert response.status_code == 200
    assert [d.title for d in response.context["decisions"]] == ["Det registrerade", "Utkastet"]
    assert "Utkast</span>" in page
    assert "Ej anmält</span>" in page
    assert "Kommundirektörsinstruktion 5.2.3" in page
    assert [d.title for d in drafts.context["decisions"]] == ["Utkastet"]


def test_a_decision_shows_its_grounds_requirements_and_reporting(
    reorganise: Callable[..., Decision], reader: Client, today: datetime.date
) -> None:
    decision = reorganise(evidence=[("approval", "pfu", today, "PFU § 12")])

    response = reader.get(f"/vanersborg/beslut/{decision.pk}/")

    page = response.content.decode()
    assert "Beslutet får fattas." in page
    assert "/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/5.2.3/" in page
    assert "Godkännande av personal- och förhandlingsutskottet" in page
    assert "PFU § 12" in page
    due = decision.report_due.isoformat()
    assert f"Beslutet ska anmälas till Kommunstyrelsen senast {due}." in page
    assert response.context["evidence_form"] is None


def test_the_decision_maker_completes_a_draft_on_its_page(
    reorganise: Callable[..., Decision], client: Client, director: User, today: datetime.date
) -> None:
    draft = reorganise()
    client.force_login(director)

    page = client.get(f"/vanersborg/beslut/{draft.pk}/")
    response = client.post(
        f"/vanersborg/beslut/{draft.pk}/underlag/",
        {"krav": "approval:pfu", "datum": today.isoformat(), "anteckning": "PFU § 12"},
        follow=True,
    )

    assert dict(page.context["evidence_form"].fields["krav"].choices) == {
        "approval:pfu": "Godkännande av personal- och förhandlingsutskottet"
    }
    draft.refresh_from_db()
    assert draft.status == Decision.Status.RECORDED
    assert "Beslutet är registrerat." in response.content.decode()


def test_someone_else_may_not_complete_the_draft(
    reorganise: Callable[..., Decision], reader: Client, today: datetime.date
) -> None:
    draft = reorganise()

    page = reader.get(f"/vanersborg/beslut/{draft.pk}/")
    response = reader.post(
        f"/vanersborg/beslut/{draft.pk}/underlag/",
        {"krav": "approval:pfu", "datum": today.isoformat()},
    )

    assert page.context["evidence_form"] is None
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_evidence_date_after_the_decision_is_shown_as_an_error(
    reorganise: Callable[..., Decision], client: Client, director: User, today: datetime.date
) -> None:
    draft = reorganise(decided_on=today - datetime.timedelta(days=1))
    client.force_login(director)

    response = client.post(
        f"/vanersborg/beslut/{draft.pk}/underlag/",
        {"krav": "approval:pfu", "datum": today.isoformat()},
    )

    assert response.status_code == 400
    assert "ska vara uppfyllt före beslutet" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_draft


def test_the_decisions_to_report_to_the_board(
    reorganise: Callable[..., Decision], reader: Client, secretary: User, today: datetime.date
) -> None:
    reported = reorganise(title="Anmält", evidence=[("approval", "pfu", today, "")])
    reorganise(title="Väntar", evidence=[("approval", "pfu", today, "")])
    reorganise(title="Utkast")
    decision_report(actor=secretary, decisions=[reported], reported_on=today, reported_in="KS § 1")
    ks = reported.report_to

    response = reader.get("/vanersborg/beslut/att-anmala/", {"organisation": "ks"})
    unchosen = reader.get("/vanersborg/beslut/att-anmala/")
    unknown = reader.get("/vanersborg/beslut/att-anmala/", {"organisation": "finns-inte"})

    assert response.context["recipient"] == ks
    assert [d.title for d in response.context["decisions"]] == ["Väntar"]
    assert unchosen.context["recipient"] is None
    assert unknown.context["recipient"] is None
    assert "Välj ett av organen i listan." in unknown.content.decode()
