import datetime

from kansli.accounts.tests.api_client import api_client
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization, Position


def director_held_over_time(board: Organization) -> Position:
    """The director's post: Anna until 2020, Bertil after her, Cia acting while he was away."""
    body = board.body
    director = organisation.position_create(
        actor=None,
        body=body,
        organization=board,
        slug="kommundirektor",
        title="Kommundirektör",
        security_class=Position.SecurityClass.CLASS_2,
    )
    for given_name, start, end, acting in [
        ("Anna", datetime.date(2015, 1, 1), datetime.date(2019, 12, 31), False),
        ("Bertil", datetime.date(2020, 1, 1), None, False),
        ("Cia", datetime.date(2021, 6, 1), datetime.date(2021, 8, 31), True),
    ]:
        organisation.appointment_create(
            actor=None,
            person=organisation.person_create(
                actor=None, body=body, given_name=given_name, family_name="Ek"
            ),
            position=director,
            start=start,
            end=end,
            acting=acting,
        )
    return director


def test_positions_show_security_class_and_holders_on_the_date(board: Organization) -> None:
    director_held_over_time(board)
    api = api_client()

    def holders(date: str) -> list[tuple[str, bool]]:
        [position] = api.get(f"/api/v1/bodies/vanersborg/positions?date={date}").json()
        assert position["security_class"] == 2
        assert position["organization"]["slug"] == "ks"
        return [(h["person"]["name"], h["acting"]) for h in position["holders"]]

    assert holders("2019-12-31") == [("Anna Ek", False)]
    assert holders("2021-07-01") == [("Bertil Ek", False), ("Cia Ek", True)]


def test_position_shows_holders_on_the_date_and_every_appointment(board: Organization) -> None:
    director_held_over_time(board)

    response = api_client().get(
        "/api/v1/bodies/vanersborg/positions/kommundirektor?date=2022-01-01"
    )

    assert response.status_code == 200
    director = response.json()
    assert director["title"] == "Kommundirektör"
    assert director["date"] == "2022-01-01"
    assert [h["person"]["name"] for h in director["holders"]] == ["Bertil Ek"]
    assert [a["person"]["name"] for a in director["appointments"]] == [
        "Anna Ek",
        "Bertil Ek",
        "Cia Ek",
    ]


def test_unknown_position_is_404_with_a_swedish_message(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/positions/hovmarskalk")

    assert response.status_code == 404
    assert (
        response.json()["detail"]
        == "Vänersborgs kommun har ingen befattning med kortnamnet hovmarskalk."
    )
