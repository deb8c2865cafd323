"""Governing documents read through the API: metadata, revisions and addressable sections."""

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from kansli.governance import models
from kansli.governance.selectors import document_list, section_by_key
from kansli.organisation.api import OrganizationRef, body_found, extended, found
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class GoverningDocument(Schema):
    slug: str
    kind: str
    name: str
    description: str
    adopted_by: OrganizationRef
    adopted_on: datetime.date | None
    adopted_minute: str
    owner: OrganizationRef
    responsible: str
    drawn_up_on: datetime.date | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    published_on: datetime.date | None
    review_by: datetime.date | None
    subject_area: str
    internal: bool
    external: bool
    referenced_documents: list[str]
    laws: list[str]
    case_number: str
    document_number: str


class Revision(Schema):
    decided_by: OrganizationRef
    decided_on: datetime.date
    minute: str


class Section(Schema):
    key: str
    number: str
    heading: str
    level: int
    text: str


class DocumentVersion(Schema):
    number: str
    valid_from: datetime.date | None
    preamble: str
    sections: list[Section]


class GoverningDocumentDetail(GoverningDocument):
    revisions: list[Revision]
    current_version: DocumentVersion | None


def document_found(slug: str, doc_slug: str) -> models.GoverningDocument:
    body = body_found(slug)
    return found(
        document_list(body=body),
        _("%(body)s har inget styrdokument med kortnamnet %(slug)s.")
        % {"body": body, "slug": doc_slug},
        slug=doc_slug,
    )


@router.get(
    "/bodies/{slug}/documents",
    response=list[GoverningDocument],
    summary=_lazy("Styrdokument"),
)
def document_index(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[models.GoverningDocument]:
    documents = document_list(body=body_found(slug))
    return linked_page(request, response, documents, paging, ("name", "pk"))


@router.get(
    "/bodies/{slug}/documents/{doc_slug}",
    response=GoverningDocumentDetail,
    summary=_lazy("Ett styrdokument med revideringar och gällande version med alla avsnitt"),
)
def document_detail(request: HttpRequest, slug: str, doc_slug: str) -> dict[str, Any]:
    document = document_found(slug, doc_slug)
    return extended(
        GoverningDocument,
        document,
        revisions=document.revisions.select_related("decided_by"),
        current_version=document.current_version,
    )


@router.get(
    "/bodies/{slug}/documents/{doc_slug}/sections/{key}",
    response=Section,
    summary=_lazy("Ett avsnitt i gällande version, till exempel 5.2.3"),
)
def section_detail(request: HttpRequest, slug: str, doc_slug: str, key: str) -> models.Section:
    document = document_found(slug, doc_slug)
    section = section_by_key(document=document, key=key)
    if section is None:
        raise HttpError(
            404,
            _("%(document)s har inget avsnitt %(key)s.") % {"document": document, "key": key},
        )
    return section
