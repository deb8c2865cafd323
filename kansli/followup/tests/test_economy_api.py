from decimal import Decimal

import pytest

from kansli.followup.services import economy
from kansli.followup.tests.conftest import keyed

API = "/api/v1/bodies/vanersborg/followup"


@pytest.fixture
def budgeted(body, board, committee, director):
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    economy.budget_set(actor=None, organization=committee, year=2026, month=1, amount=Decimal(100))
    return body


def test_the_director_imports_outcomes_and_the_initiative_is_listed_as_open(
    budgeted, director_user
):
    client = keyed(director_user)
    csv = "organisation;år;månad;belopp\nbun;2026;1;200"
    created = client.post(
        f"{API}/outcomes", {"csv": csv, "source": "api.csv"}, content_type="application/json"
    )
    assert created.status_code == 201
    assert created.json()["outcomes"] == 1
    [initiative] = created.json()["initiatives"]
    assert initiative["organization"]["slug"] == "bun"
    waiting = client.get(f"{API}/budget-initiatives?waiting=true").json()
    assert [row["id"] for row in waiting] == [initiative["id"]]
    [standing] = client.get(f"{API}/economy?year=2026").json()
    assert (standing["budget"], standing["outcome"], standing["past_threshold"]) == (
        "100.00",
        "200.00",
        True,
    )


def test_a_wrong_file_is_400_and_a_board_member_is_403(budgeted, director_user, member_user):
    bad = {"csv": "organisation;år;månad;belopp\nbun;2026;1;x", "source": "f"}
    response = keyed(director_user).post(f"{API}/outcomes", bad, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Rad 2: beloppet ”x” är inget tal."
    assert response.json()["code"] == "invalid"
    refused = keyed(member_user).post(f"{API}/outcomes", bad, content_type="application/json")
    assert refused.status_code == 403
