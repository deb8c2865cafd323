"""Disposal (gallring): what a retention rule says is due, the decision that disposes of it, and
the record of what went.

A rule that disposes after N years counts them from the closing of the case: a case whose
process carries the rule is due once N years have passed since it was closed, with every
document of it that has no rule of its own; a document with a rule of its own follows that
rule, counted from its case's closing too, and is kept when its rule preserves it. The
disposal is decided as a gallringsbeslut registered in the register, in a case of its own.
What is decided goes: the documents' files and the text read from them, removed from the
search with the decision and from storage by a background task once it has committed
(`kansli.registry.tasks.disposal_files_remove`, tried again until every file is gone). The
registrations stay in the register, and the disposal keeps its items: the number, title and
date of each case and document that went, each in the event log.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body, Organization
from kansli.registry import policy
from kansli.registry.models import (
    Case,
    Disposal,
    DisposedItem,
    Document,
    File,
    RetentionRule,
    masked_text,
)
from kansli.registry.services import case_close, case_open, document_register
from kansli.registry.tasks import disposal_files_remove
from kansli.search.index import index_documents
from kansli.web.models import TaskRun
from kansli.web.progress import run_start


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Due:
    """What a rule disposes of on a day: cases closed on or before `closed_on_or_before`."""

    rule: RetentionRule
    closed_on_or_before: datetime.date
    cases: list[Case]  # the cases whose process carries the rule
    documents: list[Document]  # every document that goes, in those cases and others

    @property
    def empty(self) -> bool:
        return not self.cases and not self.documents


def disposal_rules(*, body: Body) -> QuerySet[RetentionRule]:
    return RetentionRule.objects.filter(body=body, action=RetentionRule.Action.DISPOSE).order_by(
        "name"
    )


def due(*, rule: RetentionRule, on: datetime.date) -> Due:
    """What the rule disposes of on the day, not yet disposed of."""
    assert rule.dispose_after_years is not None  # noqa: S101 - a disposing rule has its years
    cutoff = years_before(on, rule.dispose_after_years)
    closed = Q(
        organization__body=rule.body_id,
        status=Case.Status.CLOSED,
        closed_on__lte=cutoff,
    )
    disposed_cases = DisposedItem.objects.filter(document__isnull=True).values("case")
    cases = (
        Case.objects.filter(closed, plan_class__retention_rule=rule)
        .exclude(pk__in=disposed_cases)
        .select_related("organization")
        .order_by("closed_on", "number")
    )
    documents = (
        Document.objects.filter(
            Q(retention_rule=rule)
            | Q(retention_rule__isnull=True, case__plan_class__retention_rule=rule),
            case__in=Case.objects.filter(closed),
            disposed_item__isnull=True,
        )
        .select_related("case__organization")
        .order_by("case__closed_on", "case__number", "sequence")
    )
    return Due(rule=rule, closed_on_or_before=cutoff, cases=list(cases), documents=list(documents))


def all_due(*, body: Body, on: datetime.date) -> list[Due]:
    """What each of the body's disposing rules has due on the day."""
    return [due(rule=rule, on=on) for rule in disposal_rules(body=body)]


@dataclass(frozen=True)
class Decided:
    disposal: Disposal
    # The removal of the stored files, a task the decider follows; none if no file goes.
    removal: TaskRun | None


def disposal_decide(
    *,
    actor: Actor,
    rule: RetentionRule,
    organization: Organization | None = None,
    on: datetime.date | None = None,
) -> Decided:
    """Decide the disposal of what the rule has due today, and carry it out.

    The gallringsbeslut is registered as a drawn-up document in a case of its own, opened in the
    given organization (the body's executive board, the archive authority, if none) and closed
    with the decision. The files of the documents that go are removed from storage by a task
    queued once the transaction has committed, so that a failed disposal removes nothing."""
    body = rule.body
    policy.require_dispose(actor, body=body)
    on = on or timezone.localdate()
    if rule.action != RetentionRule.Action.DISPOSE:
        raise ValidationError(
            _("Regeln %(rule)s bevarar; inget gallras enligt den.") % {"rule": rule.name}
        )
    with transaction.atomic():
        found = due(rule=rule, on=on)
        if found.empty:
            raise ValidationError(
                _("Inget ska gallras enligt %(rule)s i dag.") % {"rule": rule.name},
                code="conflict",
            )
        decision = _decision_register(actor, found, organization or _archive_authority(body), on)
        disposal = audit.create(
            actor=actor,
            instance=Disposal(
                body=body,
                retention_rule=rule,
                decided_on=on,
                decided_by=actor if actor is not None and actor.is_authenticated else None,
                closed_on_or_before=found.closed_on_or_before,
                decision=decision,
            ),
        )
        files = list(File.objects.filter(document__in=found.documents).order_by("pk"))
        counts = Counter(file.document_id for file in files)
        audit.create_many(actor=actor, instances=_items(disposal, found, counts))
        removal = _remove_content(actor, disposal, found.documents, files)
    return Decided(disposal, removal)


def _archive_authority(body: Body) -> Organization:
    # The executive board is the archive authority (arkivmyndighet) unless the body decided
    # otherwise (arkivlagen 8 §: the council decides; most name the board).
    board = body.organizations.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()
    if board is None:
        raise ValidationError(
            _("%(body)s har ingen styrelse att registrera beslutet hos.") % {"body": body}
        )
    return board


def _decision_register(
    actor: Actor, found: Due, organization: Organization, on: datetime.date
) -> Document:
    rule = found.rule
    case = case_open(
        actor=actor,
        organization=organization,
        title=_("Gallring enligt %(rule)s") % {"rule": rule.name},
        opened_on=on,
    )
    decision = document_register(
        actor=actor,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=on,
        description=_(
            "Gallringsbeslut: %(cases)d ärenden och %(documents)d handlingar i ärenden avslutade "
            "senast %(date)s gallras enligt %(rule)s"
        )
        % {
            "cases": len(found.cases),
            "documents": len(found.documents),
            "date": found.closed_on_or_before.isoformat(),
            "rule": rule,
        },
    )
    case_close(actor=actor, case=case, closed_on=on)
    return decision


def _items(disposal: Disposal, found: Due, files: Counter[int]) -> list[DisposedItem]:
    cases = [
        DisposedItem(
            disposal=disposal,
            case=case,
            number=case.number,
            title=case.title,
            # A closed case has its closing date (the constraint case_closed_on_when_closed).
            date=case.closed_on or case.opened_on,
            secrecy_reference=case.secrecy_reference,
        )
        for case in found.cases
    ]
    documents = [
        DisposedItem(
            disposal=disposal,
            case=document.case,
            document=document,
            number=document.number,
            title=document.description,
            date=document.date,
            secrecy_reference=document.secrecy_reference if document.description_masked else "",
            files=files[document.pk],
        )
        for document in found.documents
    ]
    return cases + documents


def _remove_content(
    actor: Actor, disposal: Disposal, documents: list[Document], files: list[File]
) -> TaskRun | None:
    for file in files:
        audit.delete(actor=actor, instance=file)
    index_documents(documents)
    if not files:
        return None
    return run_start(
        user=actor,
        title=_("Gallring %(decision)s: filerna tas bort") % {"decision": disposal.decision.number},
        task=disposal_files_remove,
        disposal=disposal.pk,
        names=[file.storage_name for file in files],
        total=len(files),
    )


@dataclass(frozen=True)
class ItemView:
    """A disposed item as the user may see it: a secret title masked."""

    item: DisposedItem
    title: str


def item_views(*, user: Actor, disposal: Disposal) -> list[ItemView]:
    """The record of what the disposal removed, as the user may read it: the record is public,
    but a title under secrecy reads as its provision to those who do not see through it."""
    sees = policy.may_see_through_secrecy(user, disposal.body_id)
    return [
        ItemView(
            item=item,
            title=(
                masked_text(item.secrecy_reference)
                if item.secrecy_reference and not sees
                else item.title
            ),
        )
        for item in disposal.items.order_by("number")
    ]
