"""The follow-up API's lists of rows that grow with the years (certifications, crisis events,
the director's initiatives) come a page at a time by keyset: following each page's `Link: rel=
"next"` walks the whole list in its order, every row once, rows of the same day by id."""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db.models import Model
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.followup.models import (
    BudgetInitiative,
    Certification,
    CrisisEvent,
    SupervisionInitiative,
)
from kansli.followup.services import certification
from kansli.followup.tests.conftest import keyed, person
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services as registry

API = "/api/v1/bodies/vanersborg/followup"
ROWS = 7
# Two rows a day, so that a page may end between rows of the same day.
DAYS = [datetime.date(2026, 3, 1) + datetime.timedelta(days=n // 2) for n in range(ROWS)]


def certifications(body: Body, organization: Organization, _director: Person) -> None:
    right = certification.certification_right_appoint(
        actor=None,
        person=person(body, "Anders", "Lind"),
        organization=organization,
        start=datetime.date(2026, 1, 1),
    )
    rows = [
        Certification(
            right=right,
            payee_name="Leverantören",
            amount=Decimal(100),
            reference=f"V{n}",
            certified_on=day,
        )
        for n, day in enumerate(DAYS)
    ]
    audit.create_many(actor=None, instances=rows)


def crisis_events(body: Body, _organization: Organization, _director: Person) -> None:
    noon = datetime.time(12, tzinfo=timezone.get_current_timezone())
    rows = [
        CrisisEvent(
            body=body, title=f"Händelse {n}", started_at=datetime.datetime.combine(day, noon)
        )
        for n, day in enumerate(DAYS)
    ]
    audit.create_many(actor=None, instances=rows)


def supervision_initiatives(body: Body, organization: Organization, _director: Person) -> None:
    rows = [
        SupervisionInitiative(
            organization=organization,
            case=registry.case_open(
                actor=None, organization=organization, title=f"Uppsikt {n}", opened_on=day
            ),
            reason="Rapporten kom inte",
            taken_on=day,
        )
        for n, day in enumerate(DAYS)
    ]
    audit.create_many(actor=None, instances=rows)


def budget_initiatives(body: Body, organization: Organization, _director: Person) -> None:
    rows = [
        BudgetInitiative(
            organization=organization,
            year=2020 + n,  # one initiative a year for each organization
            month=2,
            budget=Decimal(100),
            outcome=Decimal(150),
            opened_on=day,
        )
        for n, day in enumerate(DAYS)
    ]
    audit.create_many(actor=None, instances=rows)


def walked(client: Client, url: str) -> list[int]:
    ids = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        ids += [row["id"] for row in response.json()]
        found = re.match(r'<([^>]+)>; rel="next"', response.headers.get("Link", ""))
        url = found.group(1) if found else ""
    return ids


@pytest.mark.parametrize(
    ("path", "add", "model"),
    [
        ("certifications", certifications, Certification),
        ("crisis-events", crisis_events, CrisisEvent),
        ("supervision-initiatives", supervision_initiatives, SupervisionInitiative),
        ("budget-initiatives", budget_initiatives, BudgetInitiative),
    ],
)
def test_next_walks_the_whole_list_once_the_latest_first(
    body: Body,
    staff_unit: Organization,
    director: Person,
    director_user: User,
    path: str,
    add: Callable[[Body, Organization, Person], None],
    model: type[Model],
) -> None:
    add(body, staff_unit, director)

    ids = walked(keyed(director_user), f"{API}/{path}?page_size=3")

    assert ids == list(model._default_manager.values_list("pk", flat=True))
    assert len(set(ids)) == ROWS
