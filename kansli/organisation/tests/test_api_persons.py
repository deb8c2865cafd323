import datetime

from kansli.accounts.tests.api_client import api_client
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person


def person(body: Body, given_name: str, family_name: str) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name=given_name, family_name=family_name
    )


def test_persons_are_listed_a_page_at_a_time(body: Body) -> None:
    for given_name, family_name in [("Anna", "Andersson"), ("Bertil", "Berg"), ("Cia", "Ek")]:
        person(body, given_name, family_name)
    staff = api_client(person=person(body, "Östen", "Öberg"))

    first = staff.get("/api/v1/bodies/vanersborg/persons?page_size=2")
    second = staff.get(first.json()["next"])

    assert [p["name"] for p in first.json()["items"]] == ["Anna Andersson", "Bertil Berg"]
    assert [p["name"] for p in second.json()["items"]] == ["Cia Ek", "Östen Öberg"]
    assert second.json()["next"] is None


def test_next_walks_every_person_once_in_name_order(body: Body) -> None:
    # Namesakes: the id orders those whose names are the same.
    for n in range(7):
        person(body, "Anna" if n % 2 else "Bo", "Andersson" if n < 4 else "Berg")
    staff = api_client(person=person(body, "Östen", "Öberg"))

    seen, url = [], "/api/v1/bodies/vanersborg/persons?page_size=3"
    while url:
        page = staff.get(url).json()
        seen += [(p["family_name"], p["given_name"], p["id"]) for p in page["items"]]
        url = page["next"]

    assert len(seen) == len(set(seen)) == Person.objects.filter(body=body).count() == 8
    assert seen == sorted(seen)


def test_person_shows_current_and_past_memberships_and_appointments(
    board: Organization,
) -> None:
    anna = person(board.body, "Anna", "Andersson")
    organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2018, 12, 31),
    )
    organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.CHAIR,
        start=datetime.date(2019, 1, 1),
    )
    director = organisation.position_create(
        actor=None, body=board.body, organization=board, slug="kd", title="Kommundirektör"
    )
    organisation.appointment_create(
        actor=None,
        person=anna,
        position=director,
        start=datetime.date(2016, 3, 1),
        end=datetime.date(2016, 8, 31),
        acting=True,
    )

    staff = api_client(person=person(board.body, "Östen", "Öberg"))

    response = staff.get(f"/api/v1/bodies/vanersborg/persons/{anna.pk}?date=2020-01-01")

    assert response.status_code == 200
    shown = response.json()
    assert shown["name"] == "Anna Andersson"
    assert [(m["organization"]["slug"], m["role"]) for m in shown["current_memberships"]] == [
        ("ks", "chair")
    ]
    assert [m["role"] for m in shown["memberships"]] == ["member", "chair"]
    assert shown["current_appointments"] == []
    assert [
        (a["position"]["title"], a["acting"], a["start"], a["end"]) for a in shown["appointments"]
    ] == [("Kommundirektör", True, "2016-03-01", "2016-08-31")]


def test_person_of_another_body_is_not_found(body: Body) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = person(region, "Erik", "Ek")
    staff = api_client(person=person(body, "Östen", "Öberg"))

    response = staff.get(f"/api/v1/bodies/vanersborg/persons/{stranger.pk}")

    assert response.status_code == 404
    assert response.json()["detail"] == (
        f"Vänersborgs kommun har ingen person med id {stranger.pk}."
    )


def test_the_persons_of_a_body_are_for_its_staff_only(body: Body) -> None:
    region = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    anna = person(body, "Anna", "Andersson")
    outsider = api_client(person=person(region, "Erik", "Ek"))

    listing = outsider.get("/api/v1/bodies/vanersborg/persons")
    detail = outsider.get(f"/api/v1/bodies/vanersborg/persons/{anna.pk}")

    assert (listing.status_code, detail.status_code) == (403, 403)
    assert detail.json()["detail"] == (
        "Personerna i Vänersborgs kommun visas bara för dem som arbetar där."
    )
    assert "Anna" not in listing.content.decode()
