import datetime

import pytest
from django.test import Client

from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization

BEFORE = "2022-06-01"
AFTER = "2023-06-01"


@pytest.fixture
def board_change(board: Organization) -> Organization:
    """Anna sits on the board until 2022; Bertil takes her seat in 2023. Cecilia chairs it."""
    body = board.body
    anna = organisation.person_create(actor=None, body=body, given_name="Anna", family_name="Ek")
    bertil = organisation.person_create(
        actor=None, body=body, given_name="Bertil", family_name="Al"
    )
    cecilia = organisation.person_create(
        actor=None, body=body, given_name="Cecilia", family_name="Ros"
    )
    david = organisation.person_create(
        actor=None, body=body, given_name="David", family_name="Lind"
    )
    for person, role, start, end in [
        (anna, Membership.Role.MEMBER, datetime.date(2019, 1, 1), datetime.date(2022, 12, 31)),
        (bertil, Membership.Role.MEMBER, datetime.date(2023, 1, 1), None),
        (cecilia, Membership.Role.CHAIR, datetime.date(2019, 1, 1), None),
        (david, Membership.Role.SUBSTITUTE, datetime.date(2019, 1, 1), None),
    ]:
        organisation.membership_create(
            actor=None, person=person, organization=board, role=role, start=start, end=end
        )
    return board


def test_the_page_shows_the_members_on_the_chosen_date(
    signed_in: Client, board_change: Organization
) -> None:
    before = signed_in.get("/vanersborg/organisation/ks/", {"datum": BEFORE})
    after = signed_in.get("/vanersborg/organisation/ks/", {"datum": AFTER})

    assert "Anna Ek" in before.text
    assert "Bertil Al" not in before.text
    assert "Bertil Al" in after.text
    assert "Anna Ek" not in after.text
    assert "Visar läget den 2023-06-01." in after.text
    assert 'value="2023-06-01"' in after.text


def test_the_page_shows_presidium_and_substitutes(
    signed_in: Client, board_change: Organization
) -> None:
    response = signed_in.get("/vanersborg/organisation/ks/", {"datum": AFTER})

    text = response.text
    assert "<strong>Ordförande:</strong>" in text
    assert text.index('id="presidium"') < text.index("Cecilia Ros") < text.index('id="ledamoter"')
    assert text.index('id="ersattare"') < text.index("David Lind")


def test_without_a_date_the_page_shows_today(signed_in: Client, board_change: Organization) -> None:
    response = signed_in.get("/vanersborg/organisation/ks/")

    assert "Visar läget i dag" in response.text
    assert "Bertil Al" in response.text


def test_a_bad_date_is_explained_in_the_form(signed_in: Client, board: Organization) -> None:
    response = signed_in.get("/vanersborg/organisation/ks/", {"datum": "2023-02-30"})

    assert response.status_code == 200
    assert "Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD." in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Visar läget i dag" in response.text


def test_an_htmx_request_returns_the_dated_part_only(
    signed_in: Client, board_change: Organization
) -> None:
    response = signed_in.get(
        "/vanersborg/organisation/ks/", {"datum": BEFORE}, headers={"HX-Request": "true"}
    )

    assert response.text.lstrip().startswith('<div id="pa-datum">')
    assert "<html" not in response.text
    assert "Anna Ek" in response.text
    assert 'hx-swap-oob="innerHTML">Visar läget den 2022-06-01.' in response.text
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(
    signed_in: Client, board_change: Organization
) -> None:
    response = signed_in.get(
        "/vanersborg/organisation/ks/",
        {"datum": BEFORE},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert '<html lang="sv">' in response.text


def test_positions_show_their_holders_and_mark_acting_ones(
    staff: Client, department: Organization
) -> None:
    body = department.body
    director = organisation.position_create(
        actor=None, body=body, organization=department, slug="kd", title="Kommundirektör"
    )
    eva = organisation.person_create(actor=None, body=body, given_name="Eva", family_name="Berg")
    organisation.appointment_create(
        actor=None, person=eva, position=director, start=datetime.date(2020, 1, 1), acting=True
    )

    response = staff.get("/vanersborg/organisation/kommunstyrelseforvaltningen/")

    text = " ".join(response.text.split())
    assert '<th scope="row">Kommundirektör</th>' in text
    assert '<abbr title="tillförordnad">t.f.</abbr> <a href=' in text
    assert "Eva Berg" in text


def test_the_page_links_to_parent_and_sub_organizations(
    signed_in: Client, department: Organization
) -> None:
    board_page = signed_in.get("/vanersborg/organisation/ks/")
    department_page = signed_in.get("/vanersborg/organisation/kommunstyrelseforvaltningen/")

    assert 'id="underordnade"' in board_page.text
    assert (
        'href="/vanersborg/organisation/kommunstyrelseforvaltningen/">Kommunstyrelseförvaltningen</a>'
        in board_page.text
    )
    assert 'under <a href="/vanersborg/organisation/ks/">Kommunstyrelsen</a>' in " ".join(
        department_page.text.split()
    )


def test_an_organization_of_another_body_is_not_found(
    signed_in: Client, board: Organization
) -> None:
    organisation.body_create(actor=None, slug="blekinge", name="Region Blekinge", kind="region")

    assert signed_in.get("/blekinge/organisation/ks/").status_code == 404
    assert signed_in.get("/vanersborg/organisation/finns-inte/").status_code == 404
