"""Registration: opening cases, registering documents with their files, secrecy.

Each service validates, writes and audits in one transaction. Numbers are taken in that same
transaction (`numbering`), so a registration that fails leaves no number used. Files are
checked before anything is written; the stored copies of a registration that fails are
removed again, so no file is left behind without its row.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import numbering, policy
from kansli.registry.files import CheckedFile, check_file
from kansli.registry.models import (
    Case,
    Document,
    File,
    NumberSeries,
    PublicRecordsRequest,
    RetentionRule,
)
from kansli.search.index import index_documents


def number_series_set_format(
    *,
    actor: Actor,
    organization: Organization,
    year: int,
    format: str,
    next_number: int | None = None,
) -> NumberSeries:
    """Set the number format of the organization's series for the year (made if missing),
    and, if given, the number the next case gets: a series may skip ahead (past numbers an
    earlier system handed out), never go back. Later years' series take the format of the
    latest one before them."""
    policy.require_change_settings(actor, body=organization.body)
    with transaction.atomic():
        series = NumberSeries.objects.select_for_update().filter(
            organization=organization, year=year
        )
        found = series.first()
        if found is None:
            return audit.create(
                actor=actor,
                instance=NumberSeries(
                    organization=organization,
                    year=year,
                    format=format,
                    next_number=next_number or 1,
                ),
            )
        if next_number is not None and next_number < found.next_number:
            raise ValidationError(
                _("Nummerserien %(series)s har redan delat ut nummer upp till %(last)d.")
                % {"series": found, "last": found.next_number - 1},
                code="conflict",
            )
        return audit.update(
            actor=actor,
            instance=found,
            format=format,
            next_number=next_number or found.next_number,
        )


def retention_rule_create(
    *, actor: Actor, body: Body, name: str, action: str, dispose_after_years: int | None = None
) -> RetentionRule:
    policy.require_change_settings(actor, body=body)
    rule = RetentionRule(
        body=body, name=name, action=action, dispose_after_years=dispose_after_years
    )
    return audit.create(actor=actor, instance=rule)


def _refuse_officer_of_other_body(organization: Organization, officer: Person | None) -> None:
    if officer is not None and officer.body_id != organization.body_id:
        raise ValidationError(_("Handläggaren hör till en annan kommun eller region än ärendet."))


@transaction.atomic
def case_open(
    *,
    actor: Actor,
    organization: Organization,
    title: str,
    case_officer: Person | None = None,
    classification: str = "",
    opened_on: datetime.date | None = None,
    secrecy_reference: str = "",
) -> Case:
    """Open a case with the next number of the organization's series for the year. Who may:
    see `policy.may_open_case`."""
    policy.require_open_case(actor, organization=organization, case_officer=case_officer)
    opened_on = opened_on or timezone.localdate()
    _refuse_officer_of_other_body(organization, case_officer)
    series, sequence, number = numbering.next_case_number(organization, opened_on.year)
    case = Case(
        organization=organization,
        series=series,
        sequence=sequence,
        number=number,
        title=title.strip(),
        case_officer=case_officer,
        classification=classification,
        opened_on=opened_on,
        secrecy_reference=secrecy_reference.strip(),
    )
    return audit.create(actor=actor, instance=case)


@transaction.atomic
def _case_update(*, actor: Actor, case: Case, **changes: object) -> Case:
    """Apply the changes to the case. Its document counter is taken as stored, under lock:
    registrations advance it, and an older copy of the case must not put it back."""
    case.next_document_number = (
        Case.objects.select_for_update()
        .values_list("next_document_number", flat=True)
        .get(pk=case.pk)
    )
    return audit.update(actor=actor, instance=case, **changes)


def case_close(*, actor: Actor, case: Case, closed_on: datetime.date | None = None) -> Case:
    policy.require_close_case(actor, case=case)
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            _("Ärendet %(number)s är redan avslutat.") % {"number": case.number}, code="conflict"
        )
    return _case_update(
        actor=actor,
        case=case,
        status=Case.Status.CLOSED,
        closed_on=closed_on or timezone.localdate(),
    )


def case_reopen(*, actor: Actor, case: Case) -> Case:
    policy.require_close_case(actor, case=case)
    return _case_update(actor=actor, case=case, status=Case.Status.OPEN, closed_on=None)


@dataclass(frozen=True)
class Registration:
    """One document to register in a case (OSL 5 kap 1–2 §§), as `document_register` takes
    it."""

    case: Case
    direction: str
    date: datetime.date
    description: str
    counterpart: str = ""
    counterpart_is_private_person: bool = False
    case_officer: Person | None = None
    classification: str | None = None
    retention_rule: RetentionRule | None = None
    secrecy_reference: str = ""
    secrecy_reason: str = ""
    counterpart_masked: bool = False
    description_masked: bool = False
    files: Sequence[UploadedFile] = ()


def document_register(
    *,
    actor: Actor,
    case: Case,
    direction: str,
    date: datetime.date,
    description: str,
    counterpart: str = "",
    counterpart_is_private_person: bool = False,
    case_officer: Person | None = None,
    classification: str | None = None,
    retention_rule: RetentionRule | None = None,
    secrecy_reference: str = "",
    secrecy_reason: str = "",
    counterpart_masked: bool = False,
    description_masked: bool = False,
    files: Iterable[UploadedFile] = (),
) -> Document:
    """Register a document in the case with its files (OSL 5 kap 1–2 §§), numbered next in the
    case. A bad file refuses the whole registration: nothing is saved, no number is used.

    The case officer and the classification default to the case's. A secret document must
    name its OSL provision; which of sender/recipient and description it hides is up to the
    registrar (OSL 5 kap 2 § second paragraph). A sender or recipient marked as a private person
    is not named to the public (see `visibility`). Who may register: see `policy.may_register`.
    """
    registration = Registration(
        case=case,
        direction=direction,
        date=date,
        description=description,
        counterpart=counterpart,
        counterpart_is_private_person=counterpart_is_private_person,
        case_officer=case_officer,
        classification=classification,
        retention_rule=retention_rule,
        secrecy_reference=secrecy_reference,
        secrecy_reason=secrecy_reason,
        counterpart_masked=counterpart_masked,
        description_masked=description_masked,
        files=tuple(files),
    )
    return _register(actor, [registration], name_rows=False)[0]


def documents_register(*, actor: Actor, registrations: Sequence[Registration]) -> list[Document]:
    """Register many documents at once, such as a registrar's import of the day's incoming
    letters: all of them, or none.

    Each is registered as `document_register` does it, with its own number, its own event in
    the log and its own search entry; the batch locks the chain's head once and writes the
    documents, their events and their search entries in one insert each. A bad row refuses
    the whole batch with an error that names the row: nothing is saved, no number is used.
    """
    return _register(actor, list(registrations), name_rows=True)


def _checked(registration: Registration) -> list[CheckedFile]:
    """The registration's files, checked; a ValidationError for anything the law or the
    registry refuses."""
    checked = [check_file(upload) for upload in registration.files]
    case = registration.case
    if registration.direction != Document.Direction.DRAWN_UP and not (
        registration.counterpart.strip()
    ):
        raise ValidationError(
            _("Ange avsändare för en inkommande handling och mottagare för en utgående.")
        )
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            _("Ärendet %(number)s är avslutat; öppna det igen för att registrera i det.")
            % {"number": case.number},
            code="conflict",
        )
    if registration.secrecy_reference.strip() and not (
        registration.counterpart_masked
        or registration.description_masked
        or registration.secrecy_reason
    ):
        raise ValidationError(_("Ange skälet för sekretessen eller vilka uppgifter som döljs."))
    organization = case.organization
    _refuse_officer_of_other_body(organization, registration.case_officer)
    rule = registration.retention_rule
    if rule is not None and rule.body_id != organization.body_id:
        raise ValidationError(_("Gallringsregeln hör till en annan kommun eller region."))
    return checked


def _row_error(
    registrations: list[Registration],
    index: int | None,
    error: ValidationError,
    *,
    name_rows: bool,
) -> ValidationError:
    """The error, naming the row of a batch it is about when that is known, with its code (a
    closed case is a "conflict")."""
    code = getattr(error, "code", None)
    if not name_rows or index is None:
        return ValidationError([ValidationError(message, code=code) for message in error.messages])
    return ValidationError(
        _("Rad %(row)d (”%(description)s”): %(error)s")
        % {
            "row": index + 1,
            "description": registrations[index].description.strip(),
            "error": " ".join(error.messages),
        },
        code=code,
    )


def _document(registration: Registration, sequence: int, number: str) -> Document:
    case = registration.case
    officer = registration.case_officer
    return Document(
        case=case,
        sequence=sequence,
        number=number,
        direction=registration.direction,
        date=registration.date,
        counterpart=registration.counterpart.strip(),
        counterpart_is_private_person=registration.counterpart_is_private_person,
        description=registration.description.strip(),
        case_officer_id=officer.pk if officer is not None else case.case_officer_id,
        classification=(
            case.classification
            if registration.classification is None
            else registration.classification
        ),
        retention_rule=registration.retention_rule,
        secrecy_reference=registration.secrecy_reference.strip(),
        secrecy_reason=registration.secrecy_reason.strip(),
        counterpart_masked=registration.counterpart_masked,
        description_masked=registration.description_masked,
    )


def _register(
    actor: Actor, registrations: list[Registration], *, name_rows: bool
) -> list[Document]:
    for registration in registrations:
        policy.require_register(actor, case=registration.case, direction=registration.direction)
    checked = []
    for index, registration in enumerate(registrations):
        try:
            checked.append(_checked(registration))
        except ValidationError as error:
            raise _row_error(registrations, index, error, name_rows=name_rows) from error
    with _stored_files() as stored, transaction.atomic():
        numbers = numbering.take_document_numbers(
            Counter(registration.case.pk for registration in registrations)
        )
        documents = []
        for registration in registrations:
            taken = numbers[registration.case.pk]
            registration.case.next_document_number = taken[-1][0] + 1
            sequence, number = taken.pop(0)
            documents.append(_document(registration, sequence, number))
        try:
            audit.create_many(actor=actor, instances=documents)
        except audit.RowError as error:
            raise _row_error(registrations, error.index, error, name_rows=name_rows) from error
        texts = {}
        for document, files in zip(documents, checked, strict=True):
            for one in files:
                _file_save(actor=actor, document=document, checked=one, stored=stored)
            texts[document.pk] = [one.text for one in files]
        index_documents(documents, files=texts)
    return documents


def file_attach(*, actor: Actor, document: Document, upload: UploadedFile) -> File:
    """Add a file to a registered document; a bad file is refused and nothing is saved. The
    file is part of the registration: whoever may register the document may add it."""
    policy.require_register(actor, case=document.case, direction=document.direction)
    checked = check_file(upload)
    with _stored_files() as stored, transaction.atomic():
        file = _file_save(actor=actor, document=document, checked=checked, stored=stored)
        index_documents([document])
        return file


@contextmanager
def _stored_files() -> Iterator[list[str]]:
    """Names stored within the block; removed from storage again if the block fails."""
    stored: list[str] = []
    try:
        yield stored
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


def _file_save(
    *, actor: Actor, document: Document, checked: CheckedFile, stored: list[str]
) -> File:
    suffix = PurePath(checked.name).suffix.lower()
    row = File(
        document=document,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    # A name of our own: the original may hold anything, and is kept in `original_name`.
    name = f"registry/{timezone.now():%Y/%m}/{checked.sha256[:16]}{suffix}"
    row.storage_name = default_storage.save(name, ContentFile(checked.data))
    stored.append(row.storage_name)
    audit.create(actor=actor, instance=row)
    # The text is derived from the content the checksum already identifies; it stays out of
    # the event log, which keeps everything for ever and would otherwise hold secret text.
    File.objects.filter(pk=row.pk).update(extracted_text=checked.text)
    row.extracted_text = checked.text
    return row


def _refuse_documents_of_other_body(body: Body, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    if any(document.case.organization.body_id != body.pk for document in documents):
        raise ValidationError(_("En begärd handling hör till en annan kommun eller region."))
    return documents


@transaction.atomic
def records_request_register(
    *,
    actor: Actor,
    body: Body,
    subject: str,
    requester: str = "",
    requester_contact: str = "",
    documents: Iterable[Document] = (),
    received_at: datetime.datetime | None = None,
) -> PublicRecordsRequest:
    """Register a request for public documents. The requester may stay anonymous
    (TF 2 kap 18 §)."""
    policy.require_handle_records_requests(actor, body=body)
    documents = _refuse_documents_of_other_body(body, documents)
    request = audit.create(
        actor=actor,
        instance=PublicRecordsRequest(
            body=body,
            subject=subject.strip(),
            requester=requester.strip(),
            requester_contact=requester_contact.strip(),
            received_at=received_at or timezone.now(),
            registered_by=actor if actor is not None and actor.is_authenticated else None,
        ),
    )
    if documents:
        audit.set_relations(actor=actor, instance=request, documents=documents)
    return request


def _refuse_decided(request: PublicRecordsRequest) -> None:
    if request.status == PublicRecordsRequest.Status.DECIDED:
        raise ValidationError(_("Begäran är redan avgjord."), code="conflict")


@transaction.atomic
def records_request_assess(
    *,
    actor: Actor,
    request: PublicRecordsRequest,
    assessment: str,
    documents: Iterable[Document] | None = None,
) -> PublicRecordsRequest:
    """Record the secrecy assessment (sekretessprövning) and, if given, the documents it
    concerns."""
    policy.require_handle_records_requests(actor, body=request.body)
    _refuse_decided(request)
    if documents is not None:
        audit.set_relations(
            actor=actor,
            instance=request,
            documents=_refuse_documents_of_other_body(request.body, documents),
        )
    return audit.update(
        actor=actor,
        instance=request,
        status=PublicRecordsRequest.Status.ASSESSED,
        assessed_at=timezone.now(),
        assessment=assessment.strip(),
    )


def _appeal_information(body: Body) -> str:
    """How to appeal a refusal, in full or in part: OSL 6 kap 7 § (the right to appeal),
    6 kap 8 § (to the administrative court of appeal), FL 43–44 §§ (sent to the authority
    that decided, within three weeks)."""
    return _(
        "Du kan överklaga beslutet hos kammarrätten (6 kap. 7 och 8 §§ offentlighets- och "
        "sekretesslagen). Skicka överklagandet till %(body)s, inte till kammarrätten. Det ska "
        "vara skriftligt och ha kommit in inom tre veckor från den dag du fick del av beslutet "
        "(43 och 44 §§ förvaltningslagen). Skriv vilket beslut du överklagar och hur du vill "
        "att det ska ändras."
    ) % {"body": body.name}


@transaction.atomic
def records_request_decide(
    *,
    actor: Actor,
    request: PublicRecordsRequest,
    outcome: str,
    refusal_ground: str = "",
    decision_text: str = "",
) -> PublicRecordsRequest:
    """Decide the request: release in full, in part (masked) or refuse. A refusal in full or in
    part gives its OSL ground and tells how to appeal."""
    policy.require_handle_records_requests(actor, body=request.body)
    _refuse_decided(request)
    refused = outcome in PublicRecordsRequest.REFUSALS
    if refused and not refusal_ground.strip():
        raise ValidationError(
            _("Ange sekretessgrunden i OSL för ett avslag eller ett delvis utlämnande.")
        )
    return audit.update(
        actor=actor,
        instance=request,
        status=PublicRecordsRequest.Status.DECIDED,
        outcome=outcome,
        decided_at=timezone.now(),
        decided_by=actor if actor is not None and actor.is_authenticated else None,
        refusal_ground=refusal_ground.strip() if refused else "",
        decision_text=decision_text.strip(),
        appeal_information=_appeal_information(request.body) if refused else "",
    )


def stored_files_sweep(*, older_than: datetime.timedelta) -> list[str]:
    """Remove stored files that no file row names and that are older than `older_than`.

    A registration removes its stored files when it fails, but not when a transaction around
    it rolls back later; such a file is found here. The age keeps files of registrations still
    in progress. Returns the names removed.
    """
    known = set(File.objects.values_list("storage_name", flat=True))
    cutoff = timezone.now() - older_than
    removed = []
    for name in _stored_names("registry"):
        if name not in known and default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
            removed.append(name)
    return removed


def _stored_names(folder: str) -> Iterator[str]:
    if not default_storage.exists(folder):
        return
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored_names(f"{folder}/{sub}")
