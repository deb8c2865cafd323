from kansli.accounts.tests.api_client import api_client
from kansli.organisation.models import Body


def test_bodies_are_listed_with_slug_name_and_kind(body: Body) -> None:
    response = api_client().get("/api/v1/bodies")

    assert response.status_code == 200
    assert [(b["slug"], b["name"], b["kind"]) for b in response.json()] == [
        ("vanersborg", "Vänersborgs kommun", "municipality")
    ]


def test_one_body_is_shown_by_its_slug(body: Body) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg")

    assert response.status_code == 200
    assert response.json()["name"] == "Vänersborgs kommun"


def test_unknown_body_is_404_with_a_swedish_message(body: Body) -> None:
    response = api_client().get("/api/v1/bodies/atlantis")

    assert response.status_code == 404
    assert (
        response.json()["detail"] == "Det finns ingen kommun eller region med kortnamnet atlantis."
    )
