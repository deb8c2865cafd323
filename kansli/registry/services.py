"""Registration: opening cases, registering documents with their files, secrecy.

Each service validates, writes and audits in one transaction. Numbers are taken in that same
transaction (`numbering`), so a registration that fails leaves no number used. Files are
checked before anything is written; the stored copies of a registration that fails are
removed again, so no file is left behind without its row.
"""

import datetime
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.accounts.policy import standing
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.delegation import engine
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import events, masking, numbering, policy
from kansli.registry.files import HELD_FOLDER, CheckedFile, check_file
from kansli.registry.models import (
    Case,
    Document,
    File,
    NumberSeries,
    PlanClass,
    PublicRecordsRequest,
    RecordsRequestSettings,
    RetentionRule,
    validate_secrecy_reference,
)
from kansli.registry.plans import process_for
from kansli.registry.selectors import secrecy_ground
from kansli.search.index import index_case, index_documents


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
    plan_class: PlanClass | None = None,
) -> Case:
    """Open a case with the next number of the organization's series for the year, in a process
    of the body's classification plan if given (its code is then the case's classification).
    Who may: see `policy.may_open_case`."""
    policy.require_open_case(actor, organization=organization, case_officer=case_officer)
    opened_on = opened_on or timezone.localdate()
    _refuse_officer_of_other_body(organization, case_officer)
    _refuse_ground_not_listed(secrecy_reference.strip())
    process = process_for(organization.body, plan_class)
    if process is not None:
        classification = process.code
    series, sequence, number = numbering.next_case_number(organization, opened_on.year)
    case = Case(
        organization=organization,
        series=series,
        sequence=sequence,
        number=number,
        title=title.strip(),
        case_officer=case_officer,
        classification=classification,
        plan_class=plan_class,
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


def _refuse_closed(case: Case) -> None:
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            _("Ärendet %(number)s är avslutat; återuppta det för att ändra det.")
            % {"number": case.number},
            code="conflict",
        )


def case_edit(*, actor: Actor, case: Case, title: str) -> Case:
    """Change the case's title (ärendemening); the event log keeps the one before. Who may: see
    `policy.may_edit_case`."""
    policy.require_edit_case(actor, case=case)
    _refuse_closed(case)
    with transaction.atomic():
        case = _case_update(actor=actor, case=case, title=title.strip())
        index_case(case)
    return case


def case_reassign(*, actor: Actor, case: Case, case_officer: Person) -> Case:
    """Hand the case to another case officer of its body."""
    policy.require_edit_case(actor, case=case)
    _refuse_closed(case)
    _refuse_officer_of_other_body(case.organization, case_officer)
    if case_officer.pk == case.case_officer_id:
        raise ValidationError(
            _("%(officer)s handlägger redan ärendet.") % {"officer": case_officer},
            code="conflict",
        )
    return _case_update(actor=actor, case=case, case_officer=case_officer)


def case_close(
    *, actor: Actor, case: Case, closed_on: datetime.date | None = None, note: str = ""
) -> Case:
    """Close the case, with a closing note (avslutningsanteckning) that says how it ended."""
    policy.require_close_case(actor, case=case)
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            _("Ärendet %(number)s är redan avslutat.") % {"number": case.number}, code="conflict"
        )
    with transaction.atomic():
        closed = _case_update(
            actor=actor,
            case=case,
            status=Case.Status.CLOSED,
            closed_on=closed_on or timezone.localdate(),
            closing_note=note.strip(),
        )
        events.case_closed(closed)
    return closed


def case_reopen(*, actor: Actor, case: Case) -> Case:
    """Open a closed case again; its closing note stays in the event log."""
    policy.require_close_case(actor, case=case)
    if case.status == Case.Status.OPEN:
        raise ValidationError(
            _("Ärendet %(number)s är inte avslutat.") % {"number": case.number}, code="conflict"
        )
    return _case_update(
        actor=actor, case=case, status=Case.Status.OPEN, closed_on=None, closing_note=""
    )


def _refuse_unlisted_ground(reference: str, stored: str) -> None:
    """A record is marked with a provision of the picker's list (`selectors.secrecy_grounds`);
    one marked before the list keeps its free-text reference while it is left unchanged."""
    if reference and reference != stored and secrecy_ground(reference) is None:
        raise ValidationError(
            {"secrecy_reference": _("Välj sekretessgrunden i listan över paragrafer i OSL.")}
        )


def _refuse_ground_not_listed(reference: str) -> None:
    """A new registration cites a provision of the picker's list (`secrecy_grounds.yaml`),
    never free text, whether it comes from the page, the API or an import. A reference that is
    not even cited as a provision gets the format's own message, from the model's validator."""
    if not reference:
        return
    validate_secrecy_reference(reference)
    if secrecy_ground(reference) is None:
        raise ValidationError(
            _(
                "Sekretessgrunden ”%(reference)s” finns inte i listan över paragrafer i OSL som "
                "diariet använder. Välj en paragraf ur listan, till exempel ”OSL 21 kap. 1 §”."
            )
            % {"reference": reference},
            code="invalid",
        )


def case_secrecy_set(*, actor: Actor, case: Case, secrecy_reference: str) -> Case:
    """Mark the case's title secret under an OSL provision of the picker's list, or, with no
    provision, unmark it: a step of its own in the event log. The title is then masked for
    those who may not see through the secrecy (`visibility.case_view`), in the search too."""
    policy.require_mark_secret(actor, case=case)
    reference = secrecy_reference.strip()
    _refuse_unlisted_ground(reference, case.secrecy_reference)
    with transaction.atomic():
        case = _case_update(actor=actor, case=case, secrecy_reference=reference)
        index_case(case)
    return case


@transaction.atomic
def document_secrecy_set(
    *,
    actor: Actor,
    document: Document,
    secrecy_reference: str,
    secrecy_reason: str = "",
    counterpart_masked: bool = False,
    description_masked: bool = False,
) -> Document:
    """Mark the document secret under an OSL provision of the picker's list, with what it hides
    from the public (OSL 5 kap. 2 § andra stycket), or, with no provision, unmark it and show
    it all: a step of its own in the event log, and the search entry rebuilt."""
    policy.require_mark_secret(actor, case=document.case, document=document)
    reference = secrecy_reference.strip()
    _refuse_unlisted_ground(reference, document.secrecy_reference)
    reason = secrecy_reason.strip() if reference else ""
    if reference and not (counterpart_masked or description_masked or reason):
        raise ValidationError(_("Ange skälet för sekretessen eller vilka uppgifter som döljs."))
    document = audit.update(
        actor=actor,
        instance=document,
        secrecy_reference=reference,
        secrecy_reason=reason,
        counterpart_masked=bool(reference) and counterpart_masked,
        description_masked=bool(reference) and description_masked,
    )
    index_documents([document])
    return document


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
    reference = registration.secrecy_reference.strip()
    # The case's own ground may be carried over as it stands, even one marked in free text
    # before the list (a protokollsutdrag takes its secret case's: meetings' extracts).
    if reference != case.secrecy_reference:
        _refuse_ground_not_listed(reference)
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
    actor: Actor, registrations: list[Registration], *, name_rows: bool, asked: bool = False
) -> list[Document]:
    """`asked`: the calling service has asked its own policy (a records request's answer is
    registered in its case by whoever may give it)."""
    for registration in registrations:
        if not asked:
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
            audit.insert_many(instances=documents)
        except audit.RowError as error:
            raise _row_error(registrations, error.index, error, name_rows=name_rows) from error
        changes = [audit.created(document) for document in documents]
        texts = {}
        for document, files in zip(documents, checked, strict=True):
            for one in files:
                _file, change = _file_save(document=document, checked=one, stored=stored)
                changes.append(change)
            texts[document.pk] = [one.text for one in files]
        index_documents(documents, files=texts)
        events.documents_registered(documents)
        # The events last: the chain's head, which every audited write of the installation
        # waits for, is then held for them and the commit alone (docs/benchmarks.md).
        audit.append(actor=actor, changes=changes)
    return documents


def file_attach(*, actor: Actor, document: Document, upload: UploadedFile) -> File:
    """Add a file to a registered document; a bad file is refused and nothing is saved. The
    file is part of the registration: whoever may register the document may add it."""
    policy.require_register(actor, case=document.case, direction=document.direction)
    checked = check_file(upload)
    with _stored_files() as stored, transaction.atomic():
        file, change = _file_save(document=document, checked=checked, stored=stored)
        index_documents([document])
        audit.append(actor=actor, changes=[change])
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
    *, document: Document, checked: CheckedFile, stored: list[str]
) -> tuple[File, audit.Change]:
    """Store the file and save its row, and the change that records it, for the caller to
    record as its last write."""
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
    audit.insert_many(instances=[row])
    # The change is taken before the text is added: the text is derived from the content the
    # checksum already identifies, and stays out of the event log, which keeps everything for
    # ever and would otherwise hold secret text.
    change = audit.created(row)
    File.objects.filter(pk=row.pk).update(extracted_text=checked.text)
    row.extracted_text = checked.text
    return row, change


def _refuse_documents_of_other_body(body: Body, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    if any(document.case.organization.body_id != body.pk for document in documents):
        raise ValidationError(_("En begärd handling hör till en annan kommun eller region."))
    return documents


def _new_request(
    *,
    actor: Actor,
    body: Body,
    subject: str,
    requester: str,
    requester_contact: str,
    channel: str,
    received_at: datetime.datetime | None = None,
    follow_key_hash: str = "",
) -> PublicRecordsRequest:
    if not subject.strip():
        raise ValidationError(_("Skriv vilken handling du vill ta del av."))
    return audit.create(
        actor=actor,
        instance=PublicRecordsRequest(
            body=body,
            subject=subject.strip(),
            requester=requester.strip(),
            requester_contact=requester_contact.strip(),
            channel=channel,
            received_at=received_at or timezone.now(),
            registered_by=actor if actor is not None and actor.is_authenticated else None,
            follow_key_hash=follow_key_hash,
        ),
    )


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
    channel: str = PublicRecordsRequest.Channel.EMAIL,
) -> PublicRecordsRequest:
    """Register a request the registrar took in by telephone, at the desk, by e-mail or by
    letter. The requester may stay anonymous (TF 2 kap 18 §)."""
    policy.require_handle_records_requests(actor, body=body)
    documents = _refuse_documents_of_other_body(body, documents)
    request = _new_request(
        actor=actor,
        body=body,
        subject=subject,
        requester=requester,
        requester_contact=requester_contact,
        channel=channel,
        received_at=received_at,
    )
    if documents:
        audit.set_relations(actor=actor, instance=request, documents=documents)
    return request


@dataclass(frozen=True)
class Submission:
    """A request made through the public form, and the key of the link its requester follows
    it by (shown once; only its hash is kept)."""

    request: PublicRecordsRequest
    follow_key: str


@transaction.atomic
def records_request_submit(
    *, actor: Actor, body: Body, subject: str, requester: str = "", requester_contact: str = ""
) -> Submission:
    """A request from anyone through the public form: anonymous if they like (TF 2 kap.
    18 §), whoever is signed in or not (TF 2 kap. 1 §: everyone may ask)."""
    key = secrets.token_urlsafe(24)
    request = _new_request(
        actor=actor,
        body=body,
        subject=subject,
        requester=requester,
        requester_contact=requester_contact,
        channel=PublicRecordsRequest.Channel.WEB,
        follow_key_hash=PublicRecordsRequest.key_hash(key),
    )
    return Submission(request=request, follow_key=key)


def _refuse_answered(request: PublicRecordsRequest) -> None:
    if request.status in PublicRecordsRequest.ANSWERED:
        raise ValidationError(_("Begäran är redan besvarad."), code="conflict")


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
    _refuse_answered(request)
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


def _review_information(body: Body) -> str:
    """What an official's refusal, in full or in part, tells the requester (OSL 6 kap. 3 §):
    they may ask for the authority's decision, and only that decision can be appealed."""
    return _(
        "Du kan begära att %(body)s prövar frågan och fattar ett beslut (6 kap. 3 § offentlighets- "
        "och sekretesslagen). Det krävs ett sådant beslut av myndigheten för att avgörandet ska "
        "kunna överklagas. Begär myndighetens beslut genom länken till din begäran eller genom "
        "att kontakta registraturen."
    ) % {"body": body.name}


def _appeal_information(body: Body) -> str:
    """How to appeal the authority's refusal, in full or in part (besvärshänvisning): OSL
    6 kap 7 § (the right to appeal), 6 kap 8 § (to the administrative court of appeal),
    FL 43–44 §§ (sent to the authority that decided, within three weeks)."""
    return _(
        "Du kan överklaga beslutet hos kammarrätten (6 kap. 7 och 8 §§ offentlighets- och "
        "sekretesslagen). Skicka överklagandet till %(body)s, inte till kammarrätten. Det ska "
        "vara skriftligt och ha kommit in inom tre veckor från den dag du fick del av beslutet "
        "(43 och 44 §§ förvaltningslagen). Skriv vilket beslut du överklagar och hur du vill "
        "att det ska ändras."
    ) % {"body": body.name}


def _refusal_ground(outcome: str, ground: str) -> str:
    refused = outcome in PublicRecordsRequest.REFUSALS
    if refused and not ground.strip():
        raise ValidationError(
            _("Ange sekretessgrunden i OSL för ett avslag eller ett delvis utlämnande.")
        )
    return ground.strip() if refused else ""


def _on_the_case(
    actor: Actor,
    request: PublicRecordsRequest,
    description: str,
    *,
    case: Case | None = None,
    files: Sequence[UploadedFile] = (),
) -> Document | None:
    """Register what was sent to the requester, as an outgoing document, in the case of the
    first document asked for (or the one given). The calling service has asked its policy. A
    request for no registered document, or one whose case is closed, has no case to keep it
    in: its events are in the log."""
    if case is None:
        first = request.documents.select_related("case__organization").first()
        case = first.case if first is not None else None
    if case is None or case.status == Case.Status.CLOSED:
        return None
    registration = Registration(
        case=case,
        direction=Document.Direction.OUTGOING,
        date=timezone.localdate(),
        description=description,
        counterpart=request.requester or _("Enskild som inte uppgett namn"),
        counterpart_is_private_person=True,
        files=tuple(files),
    )
    return _register(actor, [registration], name_rows=False, asked=True)[0]


def _released_copies(
    actor: Actor,
    request: PublicRecordsRequest,
    documents: list[Document],
    passages: Sequence[str],
    reference: str,
) -> list[Document]:
    """Each requested document copied with the passages masked, registered in its case."""
    copies = []
    for document in documents:
        data = masking.masked_copy(document, passages, reference=reference)
        upload = SimpleUploadedFile(
            f"{document.number.replace('/', '-')}-maskerad.pdf", data, "application/pdf"
        )
        copy = _on_the_case(
            actor,
            request,
            _("Utlämnad kopia av %(number)s, maskerad enligt %(reference)s")
            % {"number": document.number, "reference": reference},
            case=document.case,
            files=[upload],
        )
        if copy is None:
            raise ValidationError(
                _("Ärendet %(number)s är avslutat; öppna det igen för att lämna ut en kopia.")
                % {"number": document.case.number},
                code="conflict",
            )
        copies.append(copy)
    return copies


@transaction.atomic
def records_request_answer(
    *,
    actor: Actor,
    request: PublicRecordsRequest,
    outcome: str,
    refusal_ground: str = "",
    decision_text: str = "",
    masked_passages: Sequence[str] = (),
) -> PublicRecordsRequest:
    """The official's answer: release, release with the passages masked, or refuse
    (OSL 6 kap. 3 §). A refusal, in full or in part, gives its OSL ground and tells the
    requester they may ask for the authority's decision; it carries no besvärshänvisning, as
    only the authority's decision can be appealed. The answer and each masked copy are
    registered in the case; the masked passages themselves are kept nowhere."""
    policy.require_handle_records_requests(actor, body=request.body)
    _refuse_answered(request)
    ground = _refusal_ground(outcome, refusal_ground)
    documents = list(request.documents.select_related("case__organization__body"))
    passages = [passage.strip() for passage in masked_passages if passage.strip()]
    released: list[Document] = []
    if outcome == PublicRecordsRequest.Outcome.RELEASED_IN_PART:
        if not documents or not passages:
            raise ValidationError(
                _("Ange vilka handlingar som lämnas ut och vilka avsnitt som ska maskeras.")
            )
        masking.refuse_unmaskable(documents, passages)
        released = _released_copies(actor, request, documents, passages, ground)
    elif outcome == PublicRecordsRequest.Outcome.RELEASED:
        released = documents
    refused = outcome in PublicRecordsRequest.REFUSALS
    request = audit.update(
        actor=actor,
        instance=request,
        status=PublicRecordsRequest.Status.DECIDED,
        outcome=outcome,
        decided_at=timezone.now(),
        decided_by=actor if actor is not None and actor.is_authenticated else None,
        refusal_ground=ground,
        decision_text=decision_text.strip(),
        review_information=_review_information(request.body) if refused else "",
        appeal_information="",
    )
    if released:
        audit.set_relations(actor=actor, instance=request, released_copies=released)
    label = PublicRecordsRequest.Outcome(outcome).label
    _on_the_case(
        actor,
        request,
        _("Svar på begäran om allmän handling: %(outcome)s") % {"outcome": label}
        + (f" ({ground})" if ground else ""),
    )
    return request


@transaction.atomic
def records_request_review_ask(
    *, actor: Actor, request: PublicRecordsRequest, follow_key: str = ""
) -> PublicRecordsRequest:
    """The requester asks for the authority's decision on an official's refusal, in full or in
    part (OSL 6 kap. 3 §): by the link to their request, or through the registrar."""
    policy.require_ask_for_authority_decision(
        actor, request=request, follows=_follows(request, follow_key)
    )
    if request.status != PublicRecordsRequest.Status.DECIDED or (
        request.outcome not in PublicRecordsRequest.REFUSALS
    ):
        raise ValidationError(
            _("Myndighetens beslut kan begäras när en begäran har avslagits helt eller delvis."),
            code="conflict",
        )
    return audit.update(
        actor=actor,
        instance=request,
        status=PublicRecordsRequest.Status.REVIEW_REQUESTED,
        review_requested_at=timezone.now(),
    )


def _follows(request: PublicRecordsRequest, follow_key: str) -> bool:
    """Whether the key is the one the request's link was made with."""
    return bool(follow_key and request.follow_key_hash) and secrets.compare_digest(
        PublicRecordsRequest.key_hash(follow_key), request.follow_key_hash
    )


def _basis(verdict: engine.Verdict) -> str:
    """The rule the delegate decides under, as the decision cites it."""
    basis = verdict.basis[0]
    return _("%(document)s, punkt %(section)s (%(rule)s)") % {
        "document": basis.document,
        "section": basis.section,
        "rule": basis.rule,
    }


@transaction.atomic
def records_request_review_decide(
    *,
    actor: Actor,
    request: PublicRecordsRequest,
    outcome: str,
    refusal_ground: str = "",
    decision_text: str = "",
) -> PublicRecordsRequest:
    """The authority's decision on a request the requester asked it to decide, made by the
    delegate the body's delegation order names (the engine is asked, and its rule cited). A
    refusal, in full or in part, gives its ground and the besvärshänvisning to kammarrätten
    (OSL 6 kap. 7-8 §§). Registered in the case."""
    today = timezone.localdate()
    policy.require_decide_for_authority(actor, body=request.body, on=today)
    if request.status != PublicRecordsRequest.Status.REVIEW_REQUESTED:
        raise ValidationError(
            _("Ingen har begärt myndighetens beslut i den här begäran."), code="conflict"
        )
    ground = _refusal_ground(outcome, refusal_ground)
    verdict = policy.authority_verdict(actor, request.body, today)
    refused = outcome in PublicRecordsRequest.REFUSALS
    request = audit.update(
        actor=actor,
        instance=request,
        status=PublicRecordsRequest.Status.REVIEWED,
        reviewed_at=timezone.now(),
        reviewed_by_id=standing(actor).person_id,
        review_basis=_basis(verdict) if verdict is not None else "",
        review_outcome=outcome,
        review_ground=ground,
        review_text=decision_text.strip(),
        appeal_information=_appeal_information(request.body) if refused else "",
    )
    label = PublicRecordsRequest.Outcome(outcome).label
    _on_the_case(
        actor,
        request,
        _("Myndighetens beslut om allmän handling: %(outcome)s") % {"outcome": label}
        + (f" ({ground}), med besvärshänvisning" if refused else ""),
    )
    return request


def records_request_settings_set(
    *, actor: Actor, body: Body, working_days: int
) -> RecordsRequestSettings:
    """How many working days a request may wait before the queue warns (TF 2 kap. 15 §)."""
    policy.require_change_settings(actor, body=body)
    found = RecordsRequestSettings.objects.filter(body=body).first()
    if found is None:
        return audit.create(
            actor=actor,
            instance=RecordsRequestSettings(body=body, working_days=working_days),
        )
    return audit.update(actor=actor, instance=found, working_days=working_days)


def stored_files_sweep(*, older_than: datetime.timedelta) -> list[str]:
    """Remove stored files that no file row names and that are older than `older_than`.

    A registration removes its stored files when it fails, but not when a transaction around
    it rolls back later; such a file is found here, as are the files held for forms
    (`files.hold`) that were never registered. The age keeps files of registrations still in
    progress. Returns the names removed.
    """
    known = set(File.objects.values_list("storage_name", flat=True))
    cutoff = timezone.now() - older_than
    removed = []
    for name in [*_stored_names("registry"), *_stored_names(HELD_FOLDER)]:
        if name not in known and default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
            removed.append(name)
    return removed


def _stored_names(folder: str) -> Iterator[str]:
    # An object store has no folders: exists() on a prefix is False there, listdir() is not.
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored_names(f"{folder}/{sub}")
