"""OParl 1.1 endpoints: one view per object and per external list, all public and read-only.

Every list is paginated (`links.next` on every page but the last, and a `pagination` object)
and takes the filters `created_since`, `created_until`, `modified_since`, `modified_until`
(full date-times) and `elementsPerPage` (at most 100). A secret object is never listed;
fetched by its id it answers as OParl's deleted object (`deleted: true`, with only its id, type,
`created` and `modified`), as does a row the event log shows was deleted; an id that never
was answers 404 (docs/open-data.md).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.db.models import F, Model, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET

from kansli import generated
from kansli.meetings.models import AgendaItem, Meeting
from kansli.oparl import objects, selectors
from kansli.oparl.objects import Data, Urls
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.registry.models import Case, File

PAGE_SIZE = 100
FILTERS = {
    "created_since": "oparl_created__gte",
    "created_until": "oparl_created__lte",
    "modified_since": "oparl_modified__gte",
    "modified_until": "oparl_modified__lte",
}


class FilterError(Exception):
    pass


def _json(data: Data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # OParl 1.1, 2.6: clients in browsers on other origins read the API.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _urls(request: HttpRequest) -> Urls:
    return Urls(request.build_absolute_uri)


def public(view: Callable[..., JsonResponse]) -> Callable[..., JsonResponse]:
    """A public read-only OParl view: GET only, no login, a bad filter answered 400."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        try:
            return view(request, *args, **kwargs)
        except FilterError as error:
            return _json({"type": "Error", "message": str(error)}, status=400)
        except Http404:
            return _json({"type": "Error", "message": "Not found"}, status=404)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_not_required(require_GET(wrapped))


# Lists -------------------------------------------------------------------------------------


def _moment(name: str, value: str) -> datetime.datetime:
    moment = parse_datetime(value)
    if moment is None:
        raise FilterError(f"{name}: expected a date-time (ISO 8601), got {value!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def filtered(request: HttpRequest, rows: QuerySet) -> QuerySet:
    for parameter, lookup in FILTERS.items():
        if value := request.GET.get(parameter):
            rows = rows.filter(**{lookup: _moment(parameter, value)})
    return rows


def _number(request: HttpRequest, name: str, default: int, ceiling: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise FilterError(f"{name}: expected a whole number, got {raw!r}") from error
    if value < 1:
        raise FilterError(f"{name}: must be at least 1")
    return min(value, ceiling) if ceiling else value


def page_of(
    request: HttpRequest,
    rows: QuerySet | Sequence[Any],
    serialize: Callable[[list[Any]], list[Data]],
) -> JsonResponse:
    """One page of an external object list, with its `pagination` and `links`."""
    size = _number(request, "elementsPerPage", PAGE_SIZE, PAGE_SIZE)
    page = _number(request, "page", 1)
    total = rows.count() if isinstance(rows, QuerySet) else len(rows)
    pages = max(1, -(-total // size))
    chunk = list(rows[(page - 1) * size : page * size])
    base = request.build_absolute_uri(request.path)
    kept = {key: value for key, value in request.GET.items() if key != "page"}

    def link(number: int) -> str:
        query = urlencode({**kept, "page": number} if number > 1 else kept)
        return f"{base}?{query}" if query else base

    links = {"first": link(1), "self": link(page), "last": link(pages)}
    if page > 1:
        links["prev"] = link(min(page - 1, pages))
    if page < pages:
        links["next"] = link(page + 1)
    return _json(
        {
            "data": serialize(chunk),
            "pagination": {
                "totalElements": total,
                "elementsPerPage": size,
                "currentPage": page,
                "totalPages": pages,
            },
            "links": links,
        }
    )


def _body(slug: str) -> Body:
    return get_object_or_404(selectors.bodies(), slug=slug)


def _terms(body: Body, urls: Urls) -> list[Data]:
    first = Membership.objects.filter(organization__body=body).order_by("start").first()
    today = timezone.localdate()
    first_year = objects.term_election(first.start) if first else objects.term_election(today)
    terms = objects.legislative_terms(body, urls, first_year=first_year, today=today)
    for term in terms:
        term["created"] = objects.stamp(body.oparl_created)  # type: ignore[attr-defined]
        term["modified"] = objects.stamp(body.oparl_modified)  # type: ignore[attr-defined]
    return terms


# Serializers of a page: each does a fixed number of queries, whatever the page's size.


def _organizations(rows: list[Organization], urls: Urls) -> list[Data]:
    return [objects.organization(row, urls) for row in rows]


def _memberships(rows: list[Membership], urls: Urls) -> list[Data]:
    return [objects.membership(row, urls) for row in rows]


def _persons(rows: list[Person], urls: Urls) -> list[Data]:
    seats: dict[int, list[Membership]] = defaultdict(list)
    for seat in selectors.stamped(
        Membership.objects.filter(person__in=rows).order_by("pk"), "organisation.membership"
    ):
        seats[seat.person_id].append(seat)
    return [objects.person(row, urls, seats[row.pk]) for row in rows]


def _files_of(attached: dict[int, list[int]], urls: Urls) -> dict[int, list[Data]]:
    """The File objects of the documents in `attached` (owner id -> document ids)."""
    document_ids = {pk for ids in attached.values() for pk in ids}
    rows = selectors.stamped(
        File.objects.filter(document_id__in=document_ids)
        .select_related("document__case__organization__body")
        .order_by("pk"),
        "registry.file",
        fallback=F("uploaded_at"),
    )
    by_document: dict[int, list[Data]] = defaultdict(list)
    for row in rows:
        by_document[row.document_id].append(objects.file(row, urls))
    return {
        owner: [data for pk in ids for data in by_document[pk]] for owner, ids in attached.items()
    }


def _item_rows(items: QuerySet[AgendaItem]) -> QuerySet[AgendaItem]:
    return items.prefetch_related("votes__ballots", "dissents")


def _items(rows: list[AgendaItem], urls: Urls, *, inside_meeting: bool = False) -> list[Data]:
    attached: dict[int, list[int]] = defaultdict(list)
    for attachment in selectors.on_public_agenda().filter(item__in=[row.pk for row in rows]):
        attached[attachment.item_id].append(attachment.document_id)
    files = _files_of(attached, urls)
    return [
        objects.agenda_item(row, urls, files=files.get(row.pk, []), inside_meeting=inside_meeting)
        for row in rows
    ]


def _meetings(rows: list[Meeting], urls: Urls) -> list[Data]:
    if not rows:
        return []
    body = rows[0].organization.body
    items = _item_rows(selectors.agenda_items(body).filter(meeting__in=rows))
    by_meeting: dict[int, list[AgendaItem]] = defaultdict(list)
    all_items = list(items.order_by("meeting", "position"))
    data = dict(
        zip(
            [item.pk for item in all_items],
            _items(all_items, urls, inside_meeting=True),
            strict=True,
        )
    )
    for item in all_items:
        by_meeting[item.meeting_id].append(item)
    return [
        objects.meeting(row, urls, items=[data[item.pk] for item in by_meeting[row.pk]])
        for row in rows
    ]


def _consultations(rows: list[AgendaItem], urls: Urls) -> list[Data]:
    return [objects.consultation(row, urls) for row in rows]


def _papers(rows: list[Case], urls: Urls) -> list[Data]:
    if not rows:
        return []
    documents = defaultdict(list)
    all_documents = list(selectors.public_documents([row.pk for row in rows]))
    for document in all_documents:
        documents[document.case_id].append(document)
    published = selectors.published_document_ids([document.pk for document in all_documents])
    files = _files_of(
        {
            row.pk: [document.pk for document in documents[row.pk] if document.pk in published]
            for row in rows
        },
        urls,
    )
    body = rows[0].organization.body
    consultations: dict[int, list[Data]] = defaultdict(list)
    for item in selectors.consultations(body).filter(case__in=rows):
        consultations[item.case_id or 0].append(objects.consultation(item, urls, inside_paper=True))
    return [
        objects.paper(
            row,
            urls,
            documents=documents[row.pk],
            published=published,
            files=files[row.pk],
            consultations=consultations[row.pk],
        )
        for row in rows
    ]


def _file_rows(rows: list[File], urls: Urls) -> list[Data]:
    return [objects.file(row, urls) for row in rows]


LISTS: dict[str, tuple[Callable[[Body], QuerySet], Callable[[list[Any], Urls], list[Data]]]] = {
    "organization": (selectors.organizations, _organizations),
    "membership": (selectors.memberships, _memberships),
    "person": (selectors.persons, _persons),
    "meeting": (selectors.meetings, _meetings),
    "agendaitem": (lambda body: _item_rows(selectors.agenda_items(body)), _items),
    "consultation": (selectors.consultations, _consultations),
    "paper": (selectors.papers, _papers),
    "file": (selectors.files, _file_rows),
}


def object_list(kind: str) -> Callable[..., JsonResponse]:
    rows_of, serialize = LISTS[kind]

    @public
    def view(request: HttpRequest, body: str) -> JsonResponse:
        urls = _urls(request)
        rows = filtered(request, rows_of(_body(body)))
        return page_of(request, rows, lambda chunk: serialize(chunk, urls))

    view.__name__ = f"{kind}_list"
    return view


@public
def location_list(request: HttpRequest, body: str) -> JsonResponse:
    urls = _urls(request)
    rows = filtered(request, selectors.meetings(_body(body)).exclude(place=""))
    return page_of(
        request,
        rows,
        lambda chunk: [data for row in chunk if (data := objects.location(row, urls))],
    )


@public
def legislativeterm_list(request: HttpRequest, body: str) -> JsonResponse:
    body_ = _body(body)
    terms = _terms(body_, _urls(request))
    bodies = filtered(request, selectors.bodies().filter(pk=body_.pk))
    return page_of(request, terms if bodies.exists() else [], lambda chunk: chunk)


# Objects -----------------------------------------------------------------------------------


@public
def system(request: HttpRequest) -> JsonResponse:
    modified = max((row.oparl_modified for row in selectors.bodies()), default=None)  # type: ignore[attr-defined]
    return _json(objects.system(_urls(request), name="Kansli", modified=modified))


@public
def body_list(request: HttpRequest) -> JsonResponse:
    urls = _urls(request)
    rows = filtered(request, selectors.bodies())
    return page_of(
        request, rows, lambda chunk: [objects.body(row, urls, _terms(row, urls)) for row in chunk]
    )


@public
def body(request: HttpRequest, body: str) -> JsonResponse:
    urls = _urls(request)
    body_ = _body(body)
    return _json(objects.body(body_, urls, _terms(body_, urls)))


def _one(
    request: HttpRequest,
    name: str,
    model: type[Model],
    pk: int,
    rows_of: Callable[[Body], QuerySet],
    serialize: Callable[[list[Any], Urls], list[Data]],
    body_of: Callable[[Any], Body],
) -> JsonResponse:
    """The object as the public sees it; as OParl's deleted object if it is secret (or no
    longer public) or the event log shows it deleted; 404 if it never was."""
    urls = _urls(request)
    label = model._meta.label_lower
    row = model._default_manager.filter(pk=pk).first()
    if row is None:
        when = selectors.deleted_at(label, pk)
        if when is None:
            raise Http404
        created = selectors.first_event(label, pk)
        return _json(objects.deleted(urls, name, (pk,), created, when))
    shown = rows_of(body_of(row)).filter(pk=pk).first()
    if shown is None:
        created = selectors.first_event(label, pk)
        modified = selectors.last_event(label, pk)
        return _json(objects.deleted(urls, name, (pk,), created, modified))
    return _json(serialize([shown], urls)[0])


def object_view(
    name: str, model: type[Model], kind: str, body_of: Callable[[Any], Body]
) -> Callable[..., JsonResponse]:
    rows_of, serialize = LISTS[kind]

    @public
    def view(request: HttpRequest, pk: int) -> JsonResponse:
        return _one(request, name, model, pk, rows_of, serialize, body_of)

    view.__name__ = kind
    return view


def _single_item(rows: list[AgendaItem], urls: Urls) -> list[Data]:
    return _items(rows, urls)


organization = object_view("Organization", Organization, "organization", lambda row: row.body)
membership = object_view("Membership", Membership, "membership", lambda row: row.organization.body)
person = object_view("Person", Person, "person", lambda row: row.body)
meeting = object_view("Meeting", Meeting, "meeting", lambda row: row.organization.body)
agendaitem = object_view(
    "AgendaItem", AgendaItem, "agendaitem", lambda row: row.meeting.organization.body
)
consultation = object_view(
    "Consultation", AgendaItem, "consultation", lambda row: row.meeting.organization.body
)
paper = object_view("Paper", Case, "paper", lambda row: row.organization.body)
file = object_view("File", File, "file", lambda row: row.document.case.organization.body)


@public
def location(request: HttpRequest, pk: int) -> JsonResponse:
    row = get_object_or_404(Meeting.objects.select_related("organization__body"), pk=pk)
    shown = selectors.meetings(row.organization.body).filter(pk=pk).exclude(place="").first()
    if shown is None:
        raise Http404
    return _json(objects.location(shown, _urls(request)) or {})


@public
def legislativeterm(request: HttpRequest, body: str, election: int) -> JsonResponse:
    body_ = _body(body)
    for term in _terms(body_, _urls(request)):
        if term["id"].rstrip("/").endswith(f"/{election}"):
            return _json(term)
    raise Http404


@login_not_required
@require_GET
def file_download(request: HttpRequest, pk: int) -> Any:
    """The file's content, to anyone, when the public may have it (a public document on a
    public agenda: registry/visibility.py); to anyone else it does not exist."""

    row = get_object_or_404(
        File.objects.select_related("document__case__organization__body"), pk=pk
    )
    if not selectors.files(row.document.case.organization.body).filter(pk=pk).exists():
        raise Http404
    view = objects.document_view(objects.PUBLIC, row.document, on_agenda=True)
    if not view.files_visible:
        raise Http404
    return generated.download(request, row, public=True)
