"""The public registry list (postlista): per day or week, filtered, exported."""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone

from kansli.organisation.models import Body
from kansli.registry import selectors, services
from kansli.registry.models import Case, Document

MONDAY = datetime.date(2026, 1, 12)


def register_on(case: Case, day: datetime.date, direction: str, description: str) -> Document:
    document = services.document_register(
        actor=None,
        case=case,
        direction=direction,
        date=day,
        counterpart="Anna Andersson",
        description=description,
    )
    registered = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    Document.objects.filter(pk=document.pk).update(registered_at=registered)
    return document


@pytest.fixture
def week(case: Case) -> None:
    register_on(case, MONDAY, Document.Direction.INCOMING, "Brev måndag")
    register_on(
        case, MONDAY + datetime.timedelta(days=2), Document.Direction.OUTGOING, "Svar onsdag"
    )
    register_on(
        case, MONDAY + datetime.timedelta(days=7), Document.Direction.INCOMING, "Nästa vecka"
    )


def descriptions(documents: object) -> list[str]:
    return [document.description for document in documents]


@pytest.mark.usefixtures("week")
def test_the_list_for_a_day_holds_what_was_registered_that_day(body: Body) -> None:
    documents = selectors.registry_list(body=body, start=MONDAY, end=MONDAY)

    assert descriptions(documents) == ["Brev måndag"]


@pytest.mark.usefixtures("week")
def test_the_list_for_a_week_runs_monday_to_sunday(body: Body) -> None:
    documents = selectors.registry_list(
        body=body, start=MONDAY, end=MONDAY + datetime.timedelta(days=6)
    )

    assert descriptions(documents) == ["Brev måndag", "Svar onsdag"]


@pytest.mark.usefixtures("week")
def test_the_page_filters_by_week_and_direction(body: Body) -> None:
    response = Client().get(
        "/vanersborg/postlista/", {"datum": "2026-01-14", "period": "vecka", "riktning": "outgoing"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Svar onsdag" in page
    assert "Brev måndag" not in page
    assert "Registrerat 12 januari–18 januari 2026: 1 handling" in page


@pytest.mark.usefixtures("week")
def test_a_day_without_registrations_says_so(body: Body) -> None:
    response = Client().get("/vanersborg/postlista/", {"datum": "2026-01-13"})

    assert "Inga handlingar registrerades den 13 januari 2026." in response.content.decode()


@pytest.mark.usefixtures("week")
def test_the_csv_export_has_swedish_headings_and_one_row_per_document(body: Body) -> None:
    response = Client().get("/vanersborg/postlista.csv", {"datum": "2026-01-12", "period": "vecka"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:3] == ["Dokumentnummer", "Registrerad", "Datum"]
    assert [row[0] for row in rows[1:]] == ["KS 2026/00001-1", "KS 2026/00001-2"]
    assert rows[2][3] == "utgående"


@pytest.mark.usefixtures("week")
def test_the_json_export_names_the_period_and_the_documents(body: Body) -> None:
    data = Client().get("/vanersborg/postlista.json", {"datum": "2026-01-19"}).json()

    assert (data["start"], data["end"]) == ("2026-01-19", "2026-01-19")
    assert [document["description"] for document in data["documents"]] == ["Nästa vecka"]


def test_an_invalid_date_is_explained(body: Body) -> None:
    response = Client().get("/vanersborg/postlista/", {"datum": "2026-02-30"})

    assert "Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD." in response.content.decode()
