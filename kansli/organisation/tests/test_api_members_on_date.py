import datetime

from kansli.accounts.tests.api_client import api_client
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization


def test_members_follow_the_date_asked_about(board: Organization) -> None:
    body = board.body
    anna = organisation.person_create(
        actor=None, body=body, given_name="Anna", family_name="Andersson"
    )
    bertil = organisation.person_create(
        actor=None, body=body, given_name="Bertil", family_name="Berg"
    )
    annas_seat = organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2019, 1, 1),
    )
    organisation.membership_end(actor=None, membership=annas_seat, end=datetime.date(2022, 10, 14))
    organisation.membership_create(
        actor=None,
        person=bertil,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2022, 10, 15),
    )
    api = api_client()

    def members(date: str = "") -> list[str]:
        query = f"?date={date}" if date else ""
        ks = api.get(f"/api/v1/bodies/vanersborg/organizations/ks{query}").json()
        return [m["person"]["name"] for m in ks["members"]]

    assert members("2022-10-14") == ["Anna Andersson"]
    assert members("2022-10-15") == ["Bertil Berg"]
    assert members() == ["Bertil Berg"]


def test_a_malformed_date_is_refused_with_a_clear_message(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/organizations/ks?date=14/10/2022")

    assert response.status_code == 422
    assert response.json()["fields"] == {
        "date": ["Ogiltigt datum 14/10/2022: ange det som ÅÅÅÅ-MM-DD."]
    }


def test_an_impossible_date_is_refused(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/organizations/ks?date=2023-02-30")

    assert response.status_code == 422
