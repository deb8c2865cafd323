"""The "Nytt beslut" page: the engine's answer shows as the question is filled in; without a
required approval the decision is saved as a draft that says what is missing; with it, it is
recorded; a denied decision shows the reasons and nothing is saved."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.tests.conftest import OTHER_DEPARTMENT, position
from kansli.organisation.models import Body

NEW = "/vanersborg/beslut/nytt/"


@pytest.fixture
def signed_in(client: Client, director: User) -> Client:
    client.force_login(director)
    return client


@pytest.fixture
def reorganisation(vanersborg: Body, today: datetime.date) -> dict[str, str]:
    return {
        "beslutstyp": "organisationsforandring",
        "befattning": str(position(vanersborg, "kommundirektor").pk),
        "organisation": OTHER_DEPARTMENT,
        "datum": today.isoformat(),
        "rubrik": "Ny enhetsindelning inom barn- och utbildningsförvaltningen",
        "beslut": "Förskoleenheterna slås samman till två enheter.",
        "diarienummer": "KS 2025/118",
    }


def test_the_form_starts_in_the_directors_own_capacity(signed_in: Client, vanersborg: Body) -> None:
    response = signed_in.get(NEW)

    assert response.status_code == 200
    assert response.context["form"]["befattning"].value() == (
        position(vanersborg, "kommundirektor").pk
    )
    choices = dict(response.context["form"].fields["beslutstyp"].choices)
    assert choices["organisationsforandring"] == "Organisationsförändring"


def test_the_preview_names_the_approval_the_rule_requires(
    signed_in: Client, reorganisation: dict[str, str]
) -> None:
    response = signed_in.post(
        NEW, {**reorganisation, "forhandsgranska": "1"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Beslutet får fattas när kraven före beslutet är uppfyllda." in page
    assert "(Kommundirektörsinstruktion 5.2.3)" in page
    assert 'name="krav-approval-pfu"' in page
    assert "<html" not in page
    assert not Decision.objects.exists()


def test_a_question_in_the_address_is_answered_for_today(signed_in: Client) -> None:
    response = signed_in.get(
        NEW, {"beslutstyp": "organisationsforandring", "organisation": OTHER_DEPARTMENT}
    )

    page = response.content.decode()
    assert response.context["verdict"].outcome == "requirements_pending"
    assert 'name="krav-approval-pfu"' in page
    assert "Organisationsförändringar inom andra förvaltningar" in page


def test_without_the_approval_a_draft_is_saved_and_says_what_is_missing(
    signed_in: Client, reorganisation: dict[str, str]
) -> None:
    response = signed_in.post(NEW, reorganisation, follow=True)

    decision = Decision.objects.get()
    assert decision.status == Decision.Status.DRAFT
    assert response.redirect_chain == [(f"/vanersborg/beslut/{decision.pk}/", 302)]
    page = response.content.decode()
    assert "Beslutet är sparat som utkast och är inte registrerat." in page
    assert "Beslutet kräver godkännande av personal- och förhandlingsutskottet" in page
    assert "Saknas" in page


def test_with_the_approval_ticked_the_decision_is_recorded(
    signed_in: Client, reorganisation: dict[str, str], today: datetime.date
) -> None:
    approved = {
        **reorganisation,
        "krav-approval-pfu": "on",
        "krav-approval-pfu-anteckning": "PFU § 12",
    }

    response = signed_in.post(NEW, approved, follow=True)

    decision = Decision.objects.get()
    assert decision.status == Decision.Status.RECORDED
    evidence = decision.evidence.get()
    assert (evidence.took_place_on, evidence.note) == (today, "PFU § 12")
    assert "Beslutet är registrerat." in response.content.decode()


def test_a_denied_decision_shows_the_reasons_and_saves_nothing(
    signed_in: Client, reorganisation: dict[str, str]
) -> None:
    company = {**reorganisation, "organisation": "vanersborgs-energi-ab"}

    response = signed_in.post(NEW, company)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Beslutet sparades inte." in page
    assert "Vänersborgs Energi AB (Kommundirektörsinstruktion 5.2.3)." in page
    assert not Decision.objects.exists()


def test_a_user_without_a_person_may_not_open_the_form(
    client: Client, make_user: Callable[..., User], vanersborg: Body
) -> None:
    client.force_login(make_user("utan-person"))

    shown = client.get(NEW)
    posted = client.post(NEW, {"beslutstyp": "organisationsforandring", "rubrik": "Försök"})

    assert shown.status_code == 403
    assert "kopplade till en person" in shown.content.decode()
    assert posted.status_code == 403
    assert not Decision.objects.exists()
