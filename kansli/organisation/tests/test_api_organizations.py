import datetime

from kansli.accounts.tests.api_client import api_client
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization, Person, Position

DAY = datetime.date(2024, 3, 1)


def person(body: Body, given_name: str, family_name: str) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name=given_name, family_name=family_name
    )


def subcommittee(board: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=board.body,
        kind=Organization.Kind.SUBCOMMITTEE,
        slug="ksau",
        name="Kommunstyrelsens arbetsutskott",
        short_name="KSAU",
        parent=board,
    )


def seat(who: Person, board: Organization, role: str, rank: int = 0) -> Membership:
    return organisation.membership_create(
        actor=None,
        person=who,
        organization=board,
        role=role,
        start=datetime.date(2023, 1, 1),
        party="S",
        rank=rank,
    )


def test_organizations_are_a_flat_list_naming_their_parent(board: Organization) -> None:
    subcommittee(board)

    response = api_client().get("/api/v1/bodies/vanersborg/organizations")

    assert response.status_code == 200
    assert [(o["slug"], o["kind"], o["parent"]) for o in response.json()] == [
        ("ks", "executive_board", None),
        ("ksau", "subcommittee", "ks"),
    ]
    assert response.json()[1]["short_name"] == "KSAU"


def test_organizations_can_be_filtered_by_kind(board: Organization) -> None:
    subcommittee(board)

    response = api_client().get("/api/v1/bodies/vanersborg/organizations?kind=subcommittee")

    assert [o["slug"] for o in response.json()] == ["ksau"]


def test_unknown_kind_is_refused(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/organizations?kind=parliament")

    assert response.status_code == 422


def test_organization_shows_presidium_members_and_substitutes(board: Organization) -> None:
    body = board.body
    seat(person(body, "Anna", "Andersson"), board, Membership.Role.CHAIR)
    seat(person(body, "Bertil", "Berg"), board, Membership.Role.MEMBER, rank=2)
    seat(person(body, "Cecilia", "Carlsson"), board, Membership.Role.SUBSTITUTE, rank=1)

    response = api_client().get(f"/api/v1/bodies/vanersborg/organizations/ks?date={DAY}")

    assert response.status_code == 200
    ks = response.json()
    assert ks["name"] == "Kommunstyrelsen"
    assert ks["date"] == "2024-03-01"
    assert [(m["person"]["name"], m["role"]) for m in ks["presidium"]] == [
        ("Anna Andersson", "chair")
    ]
    assert [m["person"]["name"] for m in ks["members"]] == ["Anna Andersson", "Bertil Berg"]
    assert [m["person"]["name"] for m in ks["substitutes"]] == ["Cecilia Carlsson"]
    assert ks["members"][1]["party"] == "S"
    assert ks["members"][1]["start"] == "2023-01-01"


def test_organization_shows_its_positions_with_holders_and_sub_organizations(
    board: Organization,
) -> None:
    secretary = organisation.position_create(
        actor=None,
        body=board.body,
        organization=board,
        slug="namndsekreterare-ks",
        title="Nämndsekreterare",
        security_class=Position.SecurityClass.CLASS_3,
    )
    organisation.appointment_create(
        actor=None,
        person=person(board.body, "Disa", "Dahl"),
        position=secretary,
        start=datetime.date(2020, 1, 1),
    )
    subcommittee(board)

    ks = api_client().get(f"/api/v1/bodies/vanersborg/organizations/ks?date={DAY}").json()

    assert [(p["title"], p["security_class"]) for p in ks["positions"]] == [("Nämndsekreterare", 3)]
    assert [h["person"]["name"] for h in ks["positions"][0]["holders"]] == ["Disa Dahl"]
    assert [o["slug"] for o in ks["sub_organizations"]] == ["ksau"]


def test_unknown_organization_is_404_with_a_swedish_message(board: Organization) -> None:
    response = api_client().get("/api/v1/bodies/vanersborg/organizations/bun")

    assert response.status_code == 404
    assert (
        response.json()["detail"] == "Vänersborgs kommun har ingen organisation med kortnamnet bun."
    )
