"""Bad input is refused at the edge with a Swedish 4xx, never a server error (issue 11, item 3):
years, page numbers, dates and ids out of what Python's dates and the database hold."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization

TOO_LARGE = "99999999999999999999"  # beyond a 64-bit integer

YEAR_LISTS = [
    "/api/v1/bodies/vanersborg/meetings",
    "/api/v1/bodies/vanersborg/registry/cases",
    "/api/v1/bodies/vanersborg/registry/search?q=budget&",
    "/api/v1/bodies/vanersborg/followup/economy",
    "/api/v1/bodies/vanersborg/followup/budget-initiatives",
    "/api/v1/bodies/vanersborg/followup/supervision-reports",
    "/api/v1/bodies/vanersborg/followup/talks",
]


def keyed(username: str) -> Client:
    _, key = token_create(actor=None, user=User.objects.get(username=username), name="test")
    return Client(headers={"Authorization": f"Bearer {key}"}, raise_request_exception=False)


def signed_in(username: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=username))
    return client


def with_query(url: str, query: str) -> str:
    return f"{url}{query}" if url.endswith("&") else f"{url}?{query}"


@pytest.mark.parametrize("url", YEAR_LISTS)
@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("0", "Ange ett värde som är minst 1900."),
        ("1899", "Ange ett värde som är minst 1900."),
        ("2201", "Ange ett värde som är högst 2200."),
        ("99999999", "Ange ett värde som är högst 2200."),
    ],
)
def test_a_year_filter_out_of_bounds_is_a_swedish_422(
    demo: dict[str, Body], url: str, year: str, message: str
) -> None:
    response = keyed("direktor").get(with_query(url, f"year={year}"))

    assert response.status_code == 422
    assert response.json()["fields"] == {"year": [message]}


def test_the_public_meeting_list_refuses_a_year_out_of_bounds_without_a_key(
    demo: dict[str, Body],
) -> None:
    response = Client(raise_request_exception=False).get(
        "/api/v1/bodies/vanersborg/meetings?year=99999999"
    )

    assert response.status_code == 422
    assert response.json()["fields"] == {"year": ["Ange ett värde som är högst 2200."]}


def test_a_year_within_bounds_is_still_answered(demo: dict[str, Body]) -> None:
    year = timezone.localdate().year

    response = keyed("direktor").get(f"/api/v1/bodies/vanersborg/meetings?year={year}")

    assert response.status_code == 200


def test_a_huge_search_page_is_a_swedish_422_in_the_api(demo: dict[str, Body]) -> None:
    response = keyed("registrator").get(
        f"/api/v1/bodies/vanersborg/registry/search?q=budget&page={TOO_LARGE}"
    )

    assert response.status_code == 422
    assert response.json()["fields"] == {"page": ["Ange ett värde som är högst 10000."]}


def test_a_huge_search_page_is_refused_on_the_search_page(demo: dict[str, Body]) -> None:
    response = signed_in("registrator").get(f"/vanersborg/diarium/sok/?q=budget&sida={TOO_LARGE}")

    assert response.status_code == 400
    assert response.context["results"] is None


@pytest.mark.parametrize("year", ["0", "0000", "1899", "2201", "99999"])
def test_an_execution_year_out_of_bounds_is_not_found(demo: dict[str, Body], year: str) -> None:
    response = signed_in("direktor").get(f"/vanersborg/uppfoljning/verkstallighet/ar/{year}/")

    assert response.status_code == 404


def test_an_execution_year_within_bounds_is_shown(demo: dict[str, Body]) -> None:
    year = timezone.localdate().year

    response = signed_in("direktor").get(f"/vanersborg/uppfoljning/verkstallighet/ar/{year}/")

    assert response.status_code == 200


def _board(slug: str = "vanersborg") -> Organization:
    return Organization.objects.get(body__slug=slug, kind=Organization.Kind.EXECUTIVE_BOARD)


@pytest.mark.parametrize("starts_at", ["0001-01-01T00:00:00", "9999-12-31T23:59:00"])
def test_a_meeting_in_year_one_or_9999_is_refused_in_the_api(
    demo: dict[str, Body], starts_at: str
) -> None:
    meetings = Meeting.objects.count()

    response = keyed("sekreterare").post(
        "/api/v1/bodies/vanersborg/meetings",
        {"organization": _board().slug, "starts_at": starts_at},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"starts_at": ["Ange ett år mellan 1900 och 2200."]}
    assert Meeting.objects.count() == meetings


def test_a_meeting_in_year_one_is_refused_on_the_plan_page(demo: dict[str, Body]) -> None:
    board = _board()
    year = timezone.localdate().year
    meetings = Meeting.objects.count()

    response = signed_in("sekreterare").post(
        f"/vanersborg/sammantraden/plan/?organisation={board.pk}&ar={year}",
        {"borjar": "0001-01-01T00:00"},
    )

    assert response.status_code == 400
    assert "Ange ett år mellan 1900 och 2200." in response.content.decode()
    assert Meeting.objects.count() == meetings


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/bodies/vanersborg/meetings/{TOO_LARGE}",
        f"/api/v1/bodies/vanersborg/registry/cases/{TOO_LARGE}",
        f"/api/v1/bodies/vanersborg/decisions/{TOO_LARGE}",
        f"/api/v1/bodies/vanersborg/persons/{TOO_LARGE}",
    ],
)
def test_an_id_beyond_64_bits_is_not_found_in_the_api(demo: dict[str, Body], url: str) -> None:
    response = keyed("registrator").get(url)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        f"/vanersborg/sammantraden/{TOO_LARGE}/",
        f"/vanersborg/beslut/{TOO_LARGE}/",
        f"/vanersborg/uppfoljning/uppdrag/{TOO_LARGE}/",
    ],
)
def test_an_id_beyond_64_bits_is_not_found_on_a_page(demo: dict[str, Body], url: str) -> None:
    response = signed_in("registrator").get(url)

    assert response.status_code == 404


def test_a_case_list_page_after_an_id_beyond_64_bits_is_answered(demo: dict[str, Body]) -> None:
    response = signed_in("registrator").get(f"/vanersborg/diarium/?efter={TOO_LARGE}")

    assert response.status_code < 500


NUL_REFUSED = ["Texten får inte innehålla nolltecken (NUL)."]


def test_a_nul_character_in_a_query_parameter_is_a_swedish_422(demo: dict[str, Body]) -> None:
    response = keyed("registrator").get("/api/v1/bodies/vanersborg/registry/search?q=bud%00get")

    assert response.status_code == 422
    assert response.json()["fields"] == {"q": NUL_REFUSED}


def test_a_nul_character_in_the_public_apis_query_is_a_swedish_422(
    demo: dict[str, Body],
) -> None:
    response = Client().get("/api/v1/bodies/vanersborg/postings?date=2026%00")

    assert response.status_code == 422
    assert response.json()["fields"] == {"date": NUL_REFUSED}


def test_a_nul_character_in_a_json_body_is_a_swedish_422_and_nothing_is_written(
    demo: dict[str, Body],
) -> None:
    meetings = Meeting.objects.count()
    start = timezone.localtime() + datetime.timedelta(days=30)

    response = keyed("sekreterare").post(
        "/api/v1/bodies/vanersborg/meetings",
        {"organization": _board().slug, "starts_at": start.isoformat(), "place": "Sal\x00en"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["fields"] == {"place": NUL_REFUSED}
    assert Meeting.objects.count() == meetings


def test_a_nul_character_in_a_path_parameter_is_a_swedish_422(demo: dict[str, Body]) -> None:
    response = keyed("registrator").get("/api/v1/bodies/vaners%00borg/registry/cases")

    assert response.status_code == 422
    assert response.json()["fields"] == {"slug": NUL_REFUSED}


def test_a_nul_character_in_a_form_is_refused_in_swedish(demo: dict[str, Body]) -> None:
    response = signed_in("registrator").get("/vanersborg/diarium/sok/?q=bud%00get")

    assert response.status_code == 400
    assert "Null-tecken är inte tillåtna." in response.content.decode()


@pytest.mark.parametrize("key", ["3%00", "%00", "a%00b"])
def test_a_nul_character_in_a_section_key_is_not_found(demo: dict[str, Body], key: str) -> None:
    url = f"/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/{key}/"

    response = signed_in("registrator").get(url)

    assert response.status_code == 404


def test_a_section_key_without_nul_still_leads_to_its_section(demo: dict[str, Body]) -> None:
    response = signed_in("registrator").get(
        "/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/3/"
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/vanersborg/styrdokument/kommundirektorsinstruktion/#")
