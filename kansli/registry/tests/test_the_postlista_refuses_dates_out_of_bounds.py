"""A date out of bounds in the postlista's query string, on the page and in its exports, is a
Swedish 400, in the API a 422 (its parameters' error), never a server error (issue 11:
`/vanersborg/postlista/?datum=9999-12-31` was a 500)."""

from collections.abc import Callable

import pytest
from django.test import Client

from kansli.accounts.models import User
from kansli.organisation.models import Body


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("period", ["dag", "vecka"])
def test_a_date_out_of_range_on_the_postlista_page_is_a_swedish_form_error(
    body: Body, day: str, period: str
) -> None:
    response = Client().get("/vanersborg/postlista/", {"datum": day, "period": period})

    assert response.status_code == 400
    assert "Ange ett år mellan 1900 och 2200." in response.content.decode()


@pytest.mark.parametrize("export", ["postlista.csv", "postlista.json"])
def test_a_date_out_of_range_in_a_postlista_export_is_a_swedish_400(
    body: Body, export: str
) -> None:
    response = Client().get(f"/vanersborg/{export}", {"datum": "9999-12-31", "period": "vecka"})

    assert response.status_code == 400
    assert response.json()["fields"]["datum"] == ["Ange ett år mellan 1900 och 2200."]


@pytest.mark.parametrize("query", [{"start": "9999-12-31"}, {"start": "0001-01-01"}])
def test_a_date_out_of_range_in_the_api_postlista_is_a_swedish_422(
    other_registrar: User, api_client: Callable[[User], Client], query: dict[str, str]
) -> None:
    response = api_client(other_registrar).get("/api/v1/bodies/vanersborg/registry/list", query)

    assert response.status_code == 422
    assert response.json()["fields"] == {"start": ["Ange ett år mellan 1900 och 2200."]}
