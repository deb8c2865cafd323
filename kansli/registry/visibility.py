"""What a user may see of a case or a document: the one place that decides it.

Every path that shows the registry (web pages, the API, the public registry list and its
exports) asks here; the public is the anonymous user. The registry itself is public (OSL 5 kap
2 §): every entry is shown, but for a secret document its sender or recipient and its
description are masked as the registrar marked them, and a case title under secrecy likewise.
A sender or recipient who is a private person is named only to the body's staff: to everyone
else (the public, another body's users) the name reads "[Privatperson]", unless the body turned
that off (`Body.postlista_masks_private_persons`). Organisations stay named.

Who may see through secrecy, in the document's own body: its case officer, the case's case
officer, and those the registry's policy lets (`policy.may_see_through_secrecy`: registrars, by
their role). Another body's users never do; an operator (a superuser) does everywhere.

Public records requests name who asked: they are read and handled by those of the body the
policy names (`policy.may_handle_records_requests`).

Files are not published of their own accord: the public asks for them (a public records
request, whose release is assessed by a person). A document put on a meeting's public agenda is
the exception: it is published with the agenda, so its files reach everyone unless the document
is secret. Signed-in staff of the body get a document's files unless the document is secret, in
which case only those who may see through secrecy do.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from kansli.accounts.models import User as Account
from kansli.accounts.policy import standing
from kansli.registry.models import Case, Document, masked_text
from kansli.registry.policy import may_see_through_secrecy

User = Account | AnonymousUser
M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class CaseView:
    """A case as the user may see it."""

    case: Case
    title: str
    title_masked: bool


@dataclass(frozen=True)
class DocumentView:
    """A document as the user may see it: the entry always, some fields perhaps masked, the
    files perhaps not at all. Show the fields of the view, never those of `document` itself,
    which is there for its number, dates and links."""

    document: Document
    case: CaseView
    counterpart: str
    description: str
    counterpart_masked: bool  # by secrecy, or as a private person's name
    description_masked: bool
    files_visible: bool

    @property
    def masked(self) -> bool:
        return self.counterpart_masked or self.description_masked

    @property
    def in_full(self) -> bool:
        """Whether the view shows the user everything: no part masked, the files visible."""
        return self.files_visible and not (self.masked or self.case.title_masked)

    def entry(self) -> dict[str, Any]:
        """The registry entry as plain data, for the API and the registry list's exports."""
        document, case = self.document, self.case.case
        return {
            "id": document.pk,
            "number": document.number,
            "case": {"id": case.pk, "number": case.number, "title": self.case.title},
            "organization": case.organization.name,
            "direction": document.direction,
            "date": document.date,
            "registered_at": document.registered_at,
            "counterpart": self.counterpart,
            "description": self.description,
            "counterpart_masked": self.counterpart_masked,
            "description_masked": self.description_masked,
            "secrecy_reference": document.secrecy_reference,
            "classification": document.classification,
        }


@dataclass(frozen=True)
class _Viewer:
    person_id: int | None
    body_id: int | None  # the body whose staff the user is
    everywhere: bool  # an operator: staff of every body, sees through all secrecy
    sees_secrets: bool  # in its own body, by the registry's policy

    def is_officer(self, *officer_ids: int | None) -> bool:
        return self.person_id is not None and self.person_id in officer_ids

    def is_staff_of(self, body_id: int) -> bool:
        return self.everywhere or self.body_id == body_id

    def sees_through(self, body_id: int, *officer_ids: int | None) -> bool:
        """May the viewer see past secrecy in a record of the body with these officers?"""
        if self.everywhere or self.is_officer(*officer_ids):
            return True
        return self.sees_secrets and self.body_id == body_id


ANONYMOUS = _Viewer(None, None, everywhere=False, sees_secrets=False)


def _viewer(user: User | None) -> _Viewer:
    """Who the user is for the registry, from the user's standing (worked out once per user
    object). No user (the event log's reader unknown) sees what the public sees."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    own = standing(user)
    return _Viewer(
        person_id=own.person_id,
        body_id=own.body_id,
        everywhere=own.operator,
        sees_secrets=may_see_through_secrecy(user, own.body_id),
    )


def _private_person_masked(viewer: _Viewer, document: Document) -> bool:
    """Whether the document's sender or recipient is a private person whose name the viewer,
    not staff of the document's body, does not see."""
    if not (document.counterpart_is_private_person and document.counterpart):
        return False
    organization = document.case.organization
    return (
        not viewer.is_staff_of(organization.body_id)
        and organization.body.postlista_masks_private_persons
    )


def case_view(user: User | None, case: Case) -> CaseView:
    """The case as `user` may see it (the organization must be loaded or loadable)."""
    viewer = _viewer(user)
    masked = case.is_secret and not viewer.sees_through(
        case.organization.body_id, case.case_officer_id
    )
    title = masked_text(case.secrecy_reference) if masked else case.title
    return CaseView(case=case, title=title, title_masked=masked)


def document_view(
    user: User | None, document: Document, *, on_agenda: bool = False
) -> DocumentView:
    """The document as `user` may see it. Load many with `selectors.documents_with_case`.

    `on_agenda`: the document is attached to a meeting's published agenda, which publishes its
    files unless it is secret."""
    viewer = _viewer(user)
    case = document.case
    body_id = case.organization.body_id
    through = not document.is_secret or viewer.sees_through(
        body_id, document.case_officer_id, case.case_officer_id
    )
    secret_counterpart = not through and document.counterpart_masked
    private_person = not secret_counterpart and _private_person_masked(viewer, document)
    counterpart_masked = secret_counterpart or private_person
    description_masked = not through and document.description_masked
    mask = masked_text(document.secrecy_reference)
    counterpart = document.counterpart
    if secret_counterpart:
        counterpart = mask
    elif private_person:
        counterpart = _("[Privatperson]")
    return DocumentView(
        document=document,
        case=case_view(user, case),
        counterpart=counterpart,
        description=mask if description_masked else document.description,
        counterpart_masked=counterpart_masked,
        description_masked=description_masked,
        files_visible=through and (on_agenda or viewer.is_staff_of(body_id)),
    )


def documents_in_full(user: User, *, prefix: str = "") -> Q:
    """The documents whose view shows the user everything (`DocumentView.in_full`), as a
    filter on documents, or on rows that reach a document through `prefix` ("document__").

    The same rule as `document_view`, put as a query so that a search can narrow its matches
    in the database; whatever is shown still goes through `document_view`.
    """
    viewer = _viewer(user)
    if viewer.everywhere:
        return Q()
    if viewer.body_id is None:
        return Q(pk__in=[])
    own_body = Q(**{f"{prefix}case__organization__body_id": viewer.body_id})
    if viewer.sees_secrets:
        return own_body
    case_officer = Q(**{f"{prefix}case__case_officer_id": viewer.person_id})
    document_open = (
        Q(**{f"{prefix}secrecy_reference": ""})
        | Q(**{f"{prefix}case_officer_id": viewer.person_id})
        | case_officer
    )
    title_open = Q(**{f"{prefix}case__secrecy_reference": ""}) | case_officer
    return own_body & document_open & title_open


def case_contents_masked(user: User, case: Case) -> bool:
    """Whether the case's contents are masked from `user`: its preparation (the
    tjänsteskrivelse, its resolution clauses, economic consequences, financing and statements)
    and what was decided in it. The rule of `case_view`: whoever may see through the case's
    secrecy sees them in full, everyone else sees that they exist, masked as the title is
    (`masked_text`)."""
    return case_view(user, case).title_masked


def unmasked(queryset: QuerySet[M], user: User, masked: Callable[[User, M], bool]) -> QuerySet[M]:
    """The rows of `queryset` that `masked` (a question put to this module) does not mask from
    `user`: for the admin, which shows and edits a row's texts as they are, so lists and opens
    only the rows the user may read whole."""
    return queryset.exclude(pk__in=[row.pk for row in queryset if masked(user, row)])
