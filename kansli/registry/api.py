"""The registry through the API: cases, documents and their files, the registry list, and
public records requests. Everything shown passes the visibility function with the token's
user, so a secret document reads here as it does in the public registry list."""

import datetime
from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError as RequestValidationError

from kansli.bounds import Year
from kansli.organisation.api import (
    OnDate,
    OrganizationRef,
    PersonRef,
    body_found,
    found,
)
from kansli.organisation.models import Body, Organization
from kansli.pagination import Paging, linked_page
from kansli.registry import models, selectors, services
from kansli.registry.changes import Changes, changes_page
from kansli.registry.policy import (
    may_decide_for_authority,
    may_handle_records_requests,
    may_read,
)
from kansli.registry.visibility import CaseView, DocumentView, case_view, document_view
from kansli.texts import gettext_lazy as _lazy

router = Router()


class Case(Schema):
    id: int
    number: str
    title: str = Field(description=_lazy("Ärendemeningen, maskerad om den omfattas av sekretess."))
    title_masked: bool
    organization: OrganizationRef
    status: str = Field(description="open, closed")
    classification: str
    case_officer: PersonRef | None
    opened_on: datetime.date
    closed_on: datetime.date | None


def _case(view: CaseView) -> dict[str, Any]:
    case = view.case
    return {
        "id": case.pk,
        "number": case.number,
        "title": view.title,
        "title_masked": view.title_masked,
        "organization": case.organization,
        "status": case.status,
        "classification": case.classification,
        "case_officer": case.case_officer,
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
    }


class CaseRef(Schema):
    id: int
    number: str
    title: str


class FileMeta(Schema):
    id: int
    name: str
    content_type: str
    size: int
    sha256: str


class Document(Schema):
    id: int
    number: str
    case: CaseRef
    organization: str
    direction: str = Field(description="incoming, drawn_up, outgoing")
    date: datetime.date = Field(description=_lazy("Dagen handlingen kom in eller upprättades."))
    registered_at: datetime.datetime
    counterpart: str = Field(description=_lazy("Avsändare eller mottagare, ev. maskerad."))
    description: str = Field(description=_lazy("Beskrivningen, ev. maskerad."))
    counterpart_masked: bool
    description_masked: bool
    secrecy_reference: str
    classification: str
    files_visible: bool = Field(description=_lazy("Om du får hämta handlingens filer."))
    files: list[FileMeta]


def _document(view: DocumentView) -> dict[str, Any]:
    files = view.document.files.all() if view.files_visible else []
    return view.entry() | {
        "files_visible": view.files_visible,
        "files": [
            {
                "id": file.pk,
                "name": file.original_name,
                "content_type": file.content_type,
                "size": file.size,
                "sha256": file.sha256,
            }
            for file in files
        ],
    }


class CaseDetail(Case):
    documents: list[Document]


class CaseFilter(Schema):
    organization: str | None = Field(None, description=_lazy("Organisationens kortnamn."))
    status: str | None = Field(None, description="open, closed")
    year: Year | None = None


def readable_body(request: HttpRequest, slug: str) -> Body:
    """The body, if the token's user may read its registry as its staff; a 403 otherwise."""
    body = body_found(slug)
    if not may_read(request.user, body):
        raise PermissionDenied(_("Bara personal i %(body)s läser diariet här.") % {"body": body})
    return body


def _organization(body: Body, slug: str) -> Organization:
    return found(
        body.organizations.all(),
        _("%(body)s har ingen organisation med kortnamnet %(slug)s.")
        % {"body": body, "slug": slug},
        slug=slug,
    )


def _documents(body: Body) -> Any:
    return selectors.documents_with_case(
        models.Document.objects.filter(case__organization__body=body)
    ).prefetch_related("files")


class CasePage(Schema):
    items: list[Case]
    next: str | None = Field(description=_lazy("Adressen till nästa sida; null på den sista."))


@router.get(
    "/bodies/{slug}/registry/cases",
    response=CasePage,
    summary=_lazy("Ärenden i diariet, i den ordning de senast ändrades, en sida i taget"),
)
def case_list(
    request: HttpRequest, slug: str, filters: Query[CaseFilter], paging: Query[Changes]
) -> dict[str, Any]:
    cases = selectors.cases_with_organization(
        models.Case.objects.filter(organization__body=readable_body(request, slug))
    )
    if filters.organization:
        cases = cases.filter(organization__slug=filters.organization)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.year:
        cases = cases.filter(opened_on__year=filters.year)
    rows, next_url = changes_page(request, cases, paging)
    return {"items": [_case(case_view(request.user, case)) for case in rows], "next": next_url}


@router.get(
    "/bodies/{slug}/registry/cases/{case_id}",
    response=CaseDetail,
    summary=_lazy("Ett ärende med sina handlingar"),
)
def case_detail(request: HttpRequest, slug: str, case_id: int) -> dict[str, Any]:
    body = readable_body(request, slug)
    case = found(
        selectors.cases_with_organization(models.Case.objects.filter(organization__body=body)),
        _("%(body)s har inget ärende med id %(id)d.") % {"body": body, "id": case_id},
        pk=case_id,
    )
    documents = _documents(body).filter(case=case)
    return _case(case_view(request.user, case)) | {
        "documents": [_document(document_view(request.user, d)) for d in documents]
    }


def _found_document(request: HttpRequest, slug: str, document_id: int) -> DocumentView:
    body = readable_body(request, slug)
    document = found(
        _documents(body),
        _("%(body)s har ingen handling med id %(id)d.") % {"body": body, "id": document_id},
        pk=document_id,
    )
    return document_view(request.user, document)


@router.get(
    "/bodies/{slug}/registry/documents/{document_id}",
    response=Document,
    summary=_lazy("En handling: uppgifterna i diariet"),
)
def document_detail(request: HttpRequest, slug: str, document_id: int) -> dict[str, Any]:
    return _document(_found_document(request, slug, document_id))


@router.get(
    "/bodies/{slug}/registry/documents/{document_id}/files/{file_id}",
    response={200: None},
    summary=_lazy("Hämta en fil, om du har rätt att se den"),
)
def file_download(request: HttpRequest, slug: str, document_id: int, file_id: int) -> FileResponse:
    view = _found_document(request, slug, document_id)
    if not view.files_visible:
        raise PermissionDenied(_("Du har inte rätt att hämta handlingens filer."))
    file = found(
        view.document.files.all(),
        _("Handlingen har ingen fil med id %(id)d.") % {"id": file_id},
        pk=file_id,
    )
    return FileResponse(
        default_storage.open(file.storage_name),
        as_attachment=True,
        filename=file.original_name,
        content_type=file.content_type,
    )


class RegistryListFilter(Schema):
    start: OnDate | None = None
    end: OnDate | None = None
    organization: str | None = Field(None, description=_lazy("Organisationens kortnamn."))
    direction: str | None = Field(None, description="incoming, drawn_up, outgoing")


# The most days one postlista request spans; a longer period is asked for a month at a time.
REGISTRY_LIST_DAYS = 31


def _period_refused(message: str) -> NoReturn:
    """The postlista's period refused: the API's 422 on `end`, as a day out of bounds is."""
    raise RequestValidationError([{"type": "period", "loc": ("query", "end"), "msg": message}])


@router.get(
    "/bodies/{slug}/registry/list",
    response=list[Document],
    summary=_lazy("Postlistan: handlingar registrerade mellan två dagar (i dag om inget anges)"),
)
def registry_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    filters: Query[RegistryListFilter],
    paging: Query[Paging],
) -> list[dict[str, Any]]:
    body = body_found(slug)
    start = filters.start or timezone.localdate()
    end = filters.end or start
    if end < start:
        _period_refused(_("Slutdagen kan inte vara före startdagen."))
    if (end - start).days >= REGISTRY_LIST_DAYS:
        _period_refused(
            _("Postlistan visar högst %(days)d dagar åt gången.") % {"days": REGISTRY_LIST_DAYS}
        )
    organization = None
    if filters.organization:
        organization = _organization(body, filters.organization)
    documents = selectors.registry_list(
        body=body, start=start, end=end, organization=organization, direction=filters.direction
    ).prefetch_related("files")
    page = linked_page(request, response, documents, paging, ("registered_at", "pk"))
    return [_document(document_view(request.user, d)) for d in page]


class RecordsRequest(Schema):
    id: int
    received_at: datetime.datetime
    channel: str = Field(description="web, email, phone, desk, letter")
    requester: str
    requester_contact: str
    subject: str
    documents: list[int]
    status: str = Field(description="received, assessed, decided, review_requested, reviewed")
    assessment: str
    outcome: str = Field(description="released, released_in_part, refused, or empty")
    decided_at: datetime.datetime | None
    refusal_ground: str
    decision_text: str
    review_information: str = Field(
        description=_lazy("Vid avslag: att sökanden kan begära myndighetens beslut.")
    )
    released_copies: list[int]
    review_requested_at: datetime.datetime | None
    reviewed_at: datetime.datetime | None
    review_outcome: str = Field(description="released, released_in_part, refused, or empty")
    review_ground: str
    review_text: str
    review_basis: str = Field(description=_lazy("Delegationspunkten myndighetens beslut stöds på."))
    appeal_information: str = Field(description=_lazy("Besvärshänvisningen i myndighetens beslut."))
    waited_seconds: int = Field(description=_lazy("Hur länge begäran har väntat (till beslut)."))
    due_on: datetime.date = Field(
        description=_lazy("Sista dag för en skyndsam handläggning, efter huvudmannens inställning.")
    )
    overdue: bool


def _records_request(
    request: models.PublicRecordsRequest, *, working_days: int | None = None
) -> dict[str, Any]:
    """The request as the API shows it; `working_days` the body's setting, when the caller
    read it once for many requests."""
    if working_days is None:
        working_days = selectors.prompt_working_days(request.body)
    wait = selectors.request_wait(request, timezone.now(), working_days=working_days)
    computed = {
        "documents": [document.pk for document in request.documents.all()],
        "released_copies": [document.pk for document in request.released_copies.all()],
        "waited_seconds": int(wait.waited.total_seconds()),
        "due_on": wait.due_on,
        "overdue": wait.overdue,
    }
    fields = RecordsRequest.model_fields.keys() - computed.keys()
    return {name: getattr(request, name) for name in fields} | computed


class RecordsRequestIn(Schema):
    subject: str
    requester: str = ""
    requester_contact: str = ""
    documents: list[int] = []
    channel: str = Field(
        models.PublicRecordsRequest.Channel.EMAIL, description="email, phone, desk, letter"
    )


class AssessmentIn(Schema):
    assessment: str
    documents: list[int] | None = None


class RecordsDecisionIn(Schema):
    outcome: str = Field(description="released, released_in_part, refused")
    refusal_ground: str = ""
    decision_text: str = ""


class RecordsAnswerIn(RecordsDecisionIn):
    masked_passages: list[str] = Field(
        [], description=_lazy("Vid utlämnande med maskering: avsnitten som maskeras.")
    )


def _handling_body(request: HttpRequest, slug: str) -> Body:
    body = body_found(slug)
    if not may_handle_records_requests(request.user, body.pk):
        raise PermissionDenied(
            _("Bara registratorer hos %(body)s hanterar begäranden.") % {"body": body}
        )
    return body


def _request_found(body: Body, request_id: int) -> models.PublicRecordsRequest:
    return found(
        body.public_records_requests.select_related("body").prefetch_related(
            "documents", "released_copies"
        ),
        _("%(body)s har ingen begäran med id %(id)d.") % {"body": body, "id": request_id},
        pk=request_id,
    )


def _body_documents(body: Body, ids: list[int]) -> list[models.Document]:
    documents = list(_documents(body).filter(pk__in=ids))
    if len(documents) != len(set(ids)):
        raise ValidationError(
            _("En eller flera handlingar finns inte hos %(body)s.") % {"body": body}
        )
    return documents


@router.get(
    "/bodies/{slug}/records-requests",
    response=list[RecordsRequest],
    summary=_lazy("Begäranden om allmän handling som väntar på svar eller beslut, äldst först"),
)
def records_request_list(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[dict[str, Any]]:
    body = _handling_body(request, slug)
    waiting = selectors.records_requests_waiting(body=body)
    page = linked_page(request, response, waiting, paging, ("received_at", "pk"))
    days = selectors.prompt_working_days(body)
    return [_records_request(row, working_days=days) for row in page]


@router.get(
    "/bodies/{slug}/records-requests/{request_id}",
    response=RecordsRequest,
    summary=_lazy("En begäran om allmän handling"),
)
def records_request_detail(request: HttpRequest, slug: str, request_id: int) -> dict[str, Any]:
    return _records_request(_request_found(_handling_body(request, slug), request_id))


@router.post(
    "/bodies/{slug}/records-requests",
    response={201: RecordsRequest},
    summary=_lazy("Registrera en begäran om allmän handling"),
)
def records_request_create(
    request: HttpRequest, slug: str, payload: RecordsRequestIn
) -> Status[dict[str, Any]]:
    body = _handling_body(request, slug)
    if payload.channel not in models.PublicRecordsRequest.Channel.values:
        raise ValidationError(_("Okänd kanal: %(channel)s.") % {"channel": payload.channel})
    created = services.records_request_register(
        actor=request.user,
        body=body,
        subject=payload.subject,
        requester=payload.requester,
        requester_contact=payload.requester_contact,
        documents=_body_documents(body, payload.documents),
        channel=payload.channel,
    )
    return Status(201, _records_request(created))


@router.post(
    "/bodies/{slug}/records-requests/{request_id}/assessment",
    response=RecordsRequest,
    summary=_lazy("Anteckna sekretessprövningen"),
)
def records_request_assess(
    request: HttpRequest, slug: str, request_id: int, payload: AssessmentIn
) -> dict[str, Any]:
    body = _handling_body(request, slug)
    assessed = services.records_request_assess(
        actor=request.user,
        request=_request_found(body, request_id),
        assessment=payload.assessment,
        documents=None if payload.documents is None else _body_documents(body, payload.documents),
    )
    return _records_request(assessed)


def _outcome(value: str) -> str:
    if value not in models.PublicRecordsRequest.Outcome.values:
        raise ValidationError(_("Okänt beslut: %(outcome)s.") % {"outcome": value})
    return value


@router.post(
    "/bodies/{slug}/records-requests/{request_id}/answer",
    response=RecordsRequest,
    summary=_lazy(
        "Tjänstepersonens svar: lämna ut, lämna ut med maskering eller avslå (med upplysning om "
        "myndighetens prövning)"
    ),
)
def records_request_answer(
    request: HttpRequest, slug: str, request_id: int, payload: RecordsAnswerIn
) -> dict[str, Any]:
    body = _handling_body(request, slug)
    answered = services.records_request_answer(
        actor=request.user,
        request=_request_found(body, request_id),
        outcome=_outcome(payload.outcome),
        refusal_ground=payload.refusal_ground,
        decision_text=payload.decision_text,
        masked_passages=payload.masked_passages,
    )
    return _records_request(answered)


@router.post(
    "/bodies/{slug}/records-requests/{request_id}/review-request",
    response=RecordsRequest,
    summary=_lazy("Begär myndighetens beslut åt sökanden efter ett avslag"),
)
def records_request_review_ask(request: HttpRequest, slug: str, request_id: int) -> dict[str, Any]:
    body = _handling_body(request, slug)
    asked = services.records_request_review_ask(
        actor=request.user, request=_request_found(body, request_id)
    )
    return _records_request(asked)


@router.post(
    "/bodies/{slug}/records-requests/{request_id}/authority-decision",
    response=RecordsRequest,
    summary=_lazy(
        "Myndighetens beslut, av delegaten enligt delegationsordningen (med besvärshänvisning)"
    ),
)
def records_request_review_decide(
    request: HttpRequest, slug: str, request_id: int, payload: RecordsDecisionIn
) -> dict[str, Any]:
    body = body_found(slug)
    if not may_decide_for_authority(request.user, body, timezone.localdate()):
        raise PermissionDenied(
            _("Du har inte delegation att fatta myndighetens beslut hos %(body)s.") % {"body": body}
        )
    decided = services.records_request_review_decide(
        actor=request.user,
        request=_request_found(body, request_id),
        outcome=_outcome(payload.outcome),
        refusal_ground=payload.refusal_ground,
        decision_text=payload.decision_text,
    )
    return _records_request(decided)
