"""Registration: opening cases, registering documents with their files, secrecy.

Each service validates, writes and audits in one transaction. Numbers are taken in that same
transaction (`numbering`), so a registration that fails leaves no number used. Files are
checked before anything is written; the stored copies of a registration that fails are
removed again, so no file is left behind without its row.
"""

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
from kansli.registry import numbering
from kansli.registry.files import CheckedFile, check_file
from kansli.registry.models import (
    Case,
    Document,
    File,
    NumberSeries,
    PublicRecordsRequest,
    RetentionRule,
)
from kansli.search.index import index_document


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
                % {"series": found, "last": found.next_number - 1}
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
    """Open a case with the next number of the organization's series for the year."""
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


def case_close(*, actor: Actor, case: Case, closed_on: datetime.date | None = None) -> Case:
    if case.status == Case.Status.CLOSED:
        raise ValidationError(_("Ärendet %(number)s är redan avslutat.") % {"number": case.number})
    return audit.update(
        actor=actor,
        instance=case,
        status=Case.Status.CLOSED,
        closed_on=closed_on or timezone.localdate(),
    )


def case_reopen(*, actor: Actor, case: Case) -> Case:
    return audit.update(actor=actor, instance=case, status=Case.Status.OPEN, closed_on=None)


def document_register(
    *,
    actor: Actor,
    case: Case,
    direction: str,
    date: datetime.date,
    description: str,
    counterpart: str = "",
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
    registrar (OSL 5 kap 2 § second paragraph).
    """
    checked = [check_file(upload) for upload in files]
    if direction != Document.Direction.DRAWN_UP and not counterpart.strip():
        raise ValidationError(
            _("Ange avsändare för en inkommande handling och mottagare för en utgående.")
        )
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            _("Ärendet %(number)s är avslutat; öppna det igen för att registrera i det.")
            % {"number": case.number}
        )
    secrecy_reference = secrecy_reference.strip()
    if secrecy_reference and not (counterpart_masked or description_masked or secrecy_reason):
        raise ValidationError(_("Ange skälet för sekretessen eller vilka uppgifter som döljs."))
    organization = case.organization
    _refuse_officer_of_other_body(organization, case_officer)
    if retention_rule is not None and retention_rule.body_id != organization.body_id:
        raise ValidationError(_("Gallringsregeln hör till en annan kommun eller region."))
    with _stored_files() as stored, transaction.atomic():
        sequence, number = numbering.next_document_number(case)
        document = audit.create(
            actor=actor,
            instance=Document(
                case=case,
                sequence=sequence,
                number=number,
                direction=direction,
                date=date,
                counterpart=counterpart.strip(),
                description=description.strip(),
                case_officer=case_officer or case.case_officer,
                classification=case.classification if classification is None else classification,
                retention_rule=retention_rule,
                secrecy_reference=secrecy_reference,
                secrecy_reason=secrecy_reason.strip(),
                counterpart_masked=counterpart_masked,
                description_masked=description_masked,
            ),
        )
        for one in checked:
            _file_save(actor=actor, document=document, checked=one, stored=stored)
        index_document(document)
    return document


def file_attach(*, actor: Actor, document: Document, upload: UploadedFile) -> File:
    """Add a file to a registered document; a bad file is refused and nothing is saved."""
    checked = check_file(upload)
    with _stored_files() as stored, transaction.atomic():
        file = _file_save(actor=actor, document=document, checked=checked, stored=stored)
        index_document(document)
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
        raise ValidationError(_("Begäran är redan avgjord."))


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


def appeal_information(body: Body) -> str:
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
        appeal_information=appeal_information(request.body) if refused else "",
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
