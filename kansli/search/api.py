"""Searching the registry through the API: the same search as the web page, for the staff of
the body, as the token's user may see it."""

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kansli.bounds import Page, Year
from kansli.registry.api import Document, _document, readable_body
from kansli.search.selectors import SearchFilters, search
from kansli.texts import gettext_lazy as _lazy

router = Router()


class SearchParameters(Schema):
    q: str = Field(
        description=_lazy(
            "Sökord; böjningsformer och sammansättningar hittas också. laddpl* hittar ord som "
            'börjar så, "yttrande över budgeten" orden i följd.'
        )
    )
    organization: str | None = Field(None, description=_lazy("Organisationens kortnamn."))
    year: Year | None = Field(None, description=_lazy("Ärendets år."))
    classification: str = Field("", description=_lazy("Klassificering, t.ex. 1.2."))
    status: str = Field("", description="open, closed")
    direction: str = Field("", description="incoming, drawn_up, outgoing")
    secret: bool | None = Field(
        None,
        description=_lazy("Bara sekretessmarkerade handlingar (true) eller bara öppna (false)."),
    )
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: Page = 1


class Hit(Schema):
    document: Document
    snippet: str = Field(
        description=_lazy("Utdrag i HTML: träffarna i <mark>, allt annat escapat.")
    )


class Results(Schema):
    query: str
    total: int
    capped: bool = Field(
        description=_lazy("Fler träffar än total; de nyaste visas först, inte i relevansordning.")
    )
    page: int
    pages: int
    hits: list[Hit]


@router.get(
    "/bodies/{slug}/registry/search",
    response=Results,
    summary=_lazy("Sök i diariet"),
)
def registry_search(
    request: HttpRequest, slug: str, parameters: Query[SearchParameters]
) -> dict[str, Any]:
    body = readable_body(request, slug)
    organization = (
        body.organizations.filter(slug=parameters.organization).first()
        if parameters.organization
        else None
    )
    filters = SearchFilters(
        body=body,
        organization=organization,
        year=parameters.year,
        classification=parameters.classification,
        status=parameters.status,
        date_from=parameters.date_from,
        date_to=parameters.date_to,
        direction=parameters.direction,
        secret=parameters.secret,
    )
    results = search(user=request.user, query=parameters.q, filters=filters, page=parameters.page)
    return {
        "query": results.query,
        "total": results.total,
        "capped": results.capped,
        "page": results.page,
        "pages": results.pages,
        "hits": [{"document": _document(hit.view), "snippet": hit.snippet} for hit in results.hits],
    }
