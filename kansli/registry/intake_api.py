"""The registry's API for systems (e-services, mail intake): open a case, register a document
with its files, each safe to retry with an `Idempotency-Key`, and follow what changed in the
documents (`changed_since`, a page at a time). Everything shown passes the visibility
function with the token's user, as in `kansli.registry.api`, whose router these operations
join (a path's methods must share one router): the API adds it from here."""

import functools
import hashlib
from collections.abc import Callable
from typing import Annotated, Any

import pydantic
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from ninja import Field, Header, Query, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import ValidationError as RequestValidationError

from kansli.integrations import idempotency
from kansli.organisation.api import OnDate, body_found, found
from kansli.organisation.models import Body, Person
from kansli.registry import models, policy, selectors, services
from kansli.registry.api import (
    Case,
    Document,
    _case,
    _document,
    _documents,
    _organization,
    readable_body,
    router,
)
from kansli.registry.changes import Changes, changes_page
from kansli.registry.visibility import case_view, document_view
from kansli.texts import gettext_lazy as _lazy

IDEMPOTENCY_HEADER = Header(
    None,
    alias="Idempotency-Key",
    min_length=1,
    max_length=255,
    description=_lazy(
        "Valfri nyckel som gör anropet säkert att upprepa: ett nytt anrop med samma nyckel och "
        "samma innehåll får det första svaret och tar inget nytt nummer."
    ),
)
# A person's id: within the database's 64-bit keys, so that a larger one is a 422, not an error.
PersonId = Annotated[int, Field(ge=1, le=2**63 - 1)]
# Room for a registration's form fields besides its files.
FORM_BYTES = 1024 * 1024


class DocumentPage(Schema):
    items: list[Document]
    next: str | None = Field(description=_lazy("Adressen till nästa sida; null på den sista."))


@router.get(
    "/bodies/{slug}/registry/documents",
    response=DocumentPage,
    summary=_lazy("Handlingar i diariet, i den ordning de senast ändrades, en sida i taget"),
)
def document_list(request: HttpRequest, slug: str, paging: Query[Changes]) -> dict[str, Any]:
    rows, next_url = changes_page(request, _documents(readable_body(request, slug)), paging)
    return {"items": [_document(document_view(request.user, d)) for d in rows], "next": next_url}


def _as_json(schema: type[Schema], data: dict[str, Any]) -> dict[str, Any]:
    """The answer as the API sends it, to keep under an idempotency key."""
    return schema.model_validate(data).model_dump(mode="json")


def _once(
    request: HttpRequest,
    key: str | None,
    fields: dict[str, Any],
    files: list[str],
    call: Callable[[], tuple[int, dict[str, Any]]],
) -> Status[dict[str, Any]]:
    """The operation's answer, once per Idempotency-Key."""
    if key is None:
        status, answer = call()
    else:
        status, answer = idempotency.idempotent(
            actor=request.user,
            key=key,
            fingerprint=idempotency.fingerprint(request.path, fields, files),
            call=call,
        )
    return Status(status, answer)


def _person(body: Body, person_id: int | None) -> Person | None:
    if person_id is None:
        return None
    return found(
        body.persons.all(),
        _("%(body)s har ingen person med id %(id)d.") % {"body": body, "id": person_id},
        pk=person_id,
    )


class CaseIn(Schema):
    organization: str = Field(description=_lazy("Organisationens kortnamn."))
    title: str = Field(min_length=1, max_length=500)
    case_officer: PersonId | None = Field(None, description=_lazy("Handläggarens person-id."))
    classification: str = ""
    opened_on: OnDate | None = None
    secrecy_reference: str = ""


@router.post(
    "/bodies/{slug}/registry/cases",
    response={201: Case},
    summary=_lazy("Öppna ett ärende med nästa nummer i organisationens serie"),
)
def case_create(
    request: HttpRequest,
    slug: str,
    payload: CaseIn,
    idempotency_key: str | None = IDEMPOTENCY_HEADER,
) -> Status[dict[str, Any]]:
    body = body_found(slug)

    def call() -> tuple[int, dict[str, Any]]:
        case = services.case_open(
            actor=request.user,
            organization=_organization(body, payload.organization),
            title=payload.title,
            case_officer=_person(body, payload.case_officer),
            classification=payload.classification,
            opened_on=payload.opened_on,
            secrecy_reference=payload.secrecy_reference,
        )
        return 201, _as_json(Case, _case(case_view(request.user, case)))

    return _once(request, idempotency_key, payload.dict(), [], call)


class DocumentIn(Schema):
    direction: models.Document.Direction
    date: OnDate
    description: str = Field(min_length=1, max_length=500)
    counterpart: str = Field("", max_length=300)
    counterpart_is_private_person: bool = False
    case_officer: PersonId | None = Field(None, description=_lazy("Handläggarens person-id."))
    classification: str | None = None
    secrecy_reference: str = ""
    secrecy_reason: str = ""
    counterpart_masked: bool = False
    description_masked: bool = False


def upload_limited(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The operation, refusing by its Content-Length a request larger than a registration's
    files may be (KANSLI_MAX_FILE_BYTES, and a megabyte for the form) before a byte of it is
    read: 413."""

    @functools.wraps(run)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit = settings.KANSLI_MAX_FILE_BYTES + FORM_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            detail = _(
                "Anropet är %(size)s; filerna till en handling får vara högst %(limit)s "
                "tillsammans."
            ) % {
                "size": filesizeformat(length),
                "limit": filesizeformat(settings.KANSLI_MAX_FILE_BYTES),
            }
            return JsonResponse({"detail": detail, "code": "too_large", "fields": {}}, status=413)
        return run(request, *args, **kwargs)

    return limited


# The form as the OpenAPI description shows it: read by hand (`_form`), after the caller's
# right to register in the case is checked, so that the files of a caller who may not are
# never parsed.
FORM_SCHEMA = {
    "type": "object",
    "properties": {
        **DocumentIn.model_json_schema()["properties"],
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
    },
    "required": ["direction", "date", "description"],
}


def _form(request: HttpRequest) -> DocumentIn:
    """The registration's form fields, or the API's 422 per field."""
    try:
        return DocumentIn.model_validate(request.POST.dict())
    except pydantic.ValidationError as error:
        raise RequestValidationError(
            [dict(e) | {"loc": ("form", *e["loc"])} for e in error.errors()]
        ) from None


def _sha256(upload: Any) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


@router.post(
    "/bodies/{slug}/registry/cases/{case_id}/documents",
    response={201: Document},
    summary=_lazy("Registrera en handling med sina filer (multipart/form-data, fältet files)"),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": {"schema": FORM_SCHEMA}},
        }
    },
)
@decorate_view(upload_limited)
def document_create(
    request: HttpRequest,
    slug: str,
    case_id: int,
    idempotency_key: str | None = IDEMPOTENCY_HEADER,
) -> Status[dict[str, Any]]:
    body = body_found(slug)
    case = found(
        selectors.cases_with_organization(models.Case.objects.filter(organization__body=body)),
        _("%(body)s har inget ärende med id %(id)d.") % {"body": body, "id": case_id},
        pk=case_id,
    )
    # A case officer registers what they drew up in their own case: the widest right to
    # register; the service checks the document's own direction.
    policy.require_register(request.user, case=case, direction=models.Document.Direction.DRAWN_UP)
    payload = _form(request)
    uploads = request.FILES.getlist("files")

    def call() -> tuple[int, dict[str, Any]]:
        document = services.document_register(
            actor=request.user,
            case=case,
            case_officer=_person(body, payload.case_officer),
            files=uploads,
            **payload.dict(exclude={"case_officer"}),
        )
        return 201, _as_json(Document, _document(document_view(request.user, document)))

    fields = payload.dict() | {"files": [upload.name for upload in uploads]}
    return _once(request, idempotency_key, fields, [_sha256(u) for u in uploads], call)
