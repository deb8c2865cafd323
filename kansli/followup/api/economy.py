"""The economy through the API: budget against outcome per organization, the initiatives a
deviation opened, and outcomes imported from CSV with the key of the director or a secretary."""

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from kansli.bounds import Year
from kansli.followup.api.reading import readable_body
from kansli.followup.selectors import economy as selectors
from kansli.followup.services import economy as services
from kansli.followup.years import year_asked
from kansli.organisation.api import OnDate, OrganizationRef, on_or_today
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class Standing(Schema):
    organization: OrganizationRef
    year: int
    month: int = Field(description=_lazy("Till och med månad (den senaste med utfall)."))
    budget: Decimal
    outcome: Decimal
    deviation: Decimal
    past_threshold: bool


class BudgetInitiative(Schema):
    id: int
    organization: OrganizationRef
    year: int
    month: int
    budget: Decimal
    outcome: Decimal
    opened_on: datetime.date
    case_number: str | None
    dealt_with_on: datetime.date | None
    dealt_with_in: str

    @staticmethod
    def resolve_case_number(obj: Any) -> str | None:
        return obj.case.number if obj.case else None


class OutcomesIn(Schema):
    csv: str = Field(description=_lazy("Kolumnerna organisation, år, månad, belopp."))
    source: str = Field(description=_lazy("Filens namn."))


class Imported(Schema):
    outcomes: int
    initiatives: list[BudgetInitiative]


@router.get(
    "/bodies/{slug}/followup/economy",
    response=list[Standing],
    summary=_lazy("Budget och utfall hittills under året per organisation"),
)
def economy_standing(request: HttpRequest, slug: str, year: Year | None = None) -> list[Any]:
    return selectors.economy_standing(body=readable_body(request, slug), year=year_asked(year))


@router.get(
    "/bodies/{slug}/followup/budget-initiatives",
    response=list[BudgetInitiative],
    summary=_lazy("Initiativ vid budgetavvikelse"),
)
def budget_initiative_index(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    paging: Query[Paging],
    year: Year | None = None,
    waiting: bool = False,
    date: OnDate | None = None,
) -> list[Any]:
    """With `waiting`, only those the board has yet to deal with (on `date`)."""
    body = readable_body(request, slug)
    if waiting:
        rows = selectors.budget_initiatives_open(body=body, on=on_or_today(date))
    else:
        rows = selectors.budget_initiatives(body=body, year=year)
    return linked_page(request, response, rows, paging, ("-opened_on", "-pk"))


@router.post(
    "/bodies/{slug}/followup/outcomes",
    response={201: Imported},
    summary=_lazy("Läs in utfall; en månad som läses in igen ersätts"),
)
def outcomes_import(request: HttpRequest, slug: str, payload: OutcomesIn) -> Status[Any]:
    body = readable_body(request, slug)
    imported = services.outcomes_import(
        actor=request.user, body=body, text=payload.csv, source=payload.source
    )
    return Status(201, {"outcomes": len(imported.outcomes), "initiatives": imported.initiatives})
