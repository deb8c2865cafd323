"""The rows OParl shows the public, each stamped with its `created` and `modified`.

OParl is the anonymous user (DESIGN.md): what is listed here is what the public may see, and
every object is still put through the visibility decisions when it is serialized
(`kansli.oparl.objects`). The queries only narrow the rows in the database so that a page can
be counted and cut there:

- a Paper is a case whose title is not under secrecy; a secret case is never listed;
- a document under secrecy never appears, not even masked; its files never do either;
- a File is a file of a public document (not secret, in a public case) attached to an agenda
  item of a meeting whose agenda is public: `registry/visibility.py` publishes exactly those
  files with the agenda, and no other file reaches the public by itself;
- an AgendaItem (and its Consultation) is an item of a meeting whose agenda is public
  (`meetings/policy.PUBLISHED`) whose case, if any, is not secret;
- a Person is one who holds or held a seat in a political organ: officials are not published.

`created` and `modified` come from the event log (`kansli.audit`), which records every write
with its object: the first and the last event of the row, and for an object with parts (a
meeting's items, a case's documents, a person's seats) the last event of any part. A row
written before the log kept it has `SINCE` instead.
"""

import datetime
from typing import TypeVar

from django.db.models import (
    CharField,
    DateTimeField,
    Exists,
    F,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Greatest

from kansli.audit.models import Event
from kansli.meetings.models import AgendaItem, ItemAttachment, Meeting
from kansli.meetings.policy import PUBLISHED
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.registry.models import Case, Document, File

M = TypeVar("M", bound=Model)

# The `created`/`modified` of a row that no event records (written before the log kept it).
SINCE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
_SINCE = Value(SINCE, output_field=DateTimeField())


def _events(label: str, key: object) -> QuerySet[Event]:
    return Event.objects.filter(object_type=label, object_id=key)


def _first(label: str) -> Subquery:
    key = Cast(OuterRef("pk"), CharField())
    return Subquery(_events(label, key).order_by("at").values("at")[:1])


def _last(label: str) -> Subquery:
    key = Cast(OuterRef("pk"), CharField())
    return Subquery(_events(label, key).order_by("-at").values("at")[:1])


def _last_of_parts(label: str, parts: QuerySet) -> Subquery:
    """The last event of any row of `parts` (a queryset filtered on OuterRef(OuterRef(...)))."""
    keys = parts.annotate(key=Cast("pk", CharField())).values("key")
    events = Event.objects.filter(object_type=label, object_id__in=keys)
    return Subquery(events.order_by("-at").values("at")[:1])


def stamped(
    rows: QuerySet[M],
    label: str,
    *,
    parts: tuple[tuple[str, QuerySet], ...] = (),
    fallback: F | Value = _SINCE,
) -> QuerySet[M]:
    """`rows` with `oparl_created` and `oparl_modified` annotated (see the module's doc)."""
    created = Coalesce(_first(label), fallback, _SINCE)
    modified = [Coalesce(_last(label), fallback, _SINCE)]
    for part_label, part_rows in parts:
        modified.append(Coalesce(_last_of_parts(part_label, part_rows), fallback, _SINCE))
    last = Greatest(*modified) if len(modified) > 1 else modified[0]
    return rows.annotate(  # type: ignore[return-value]
        oparl_created=created,
        oparl_modified=Greatest(last, created),
    )


def bodies() -> QuerySet[Body]:
    return stamped(Body.objects.order_by("pk"), "organisation.body")


def organizations(body: Body) -> QuerySet[Organization]:
    rows = Organization.objects.filter(body=body).select_related("body", "parent")
    return stamped(rows.order_by("pk"), "organisation.organization")


def memberships(body: Body) -> QuerySet[Membership]:
    rows = Membership.objects.filter(organization__body=body).select_related(
        "person", "organization__body"
    )
    return stamped(rows.order_by("pk"), "organisation.membership")


def persons(body: Body) -> QuerySet[Person]:
    seated = Membership.objects.filter(person=OuterRef("pk"))
    rows = Person.objects.filter(Exists(seated), body=body).select_related("body")
    seats = Membership.objects.filter(person=OuterRef(OuterRef("pk")))
    return stamped(
        rows.order_by("pk"),
        "organisation.person",
        parts=(("organisation.membership", seats),),
    )


def meetings(body: Body) -> QuerySet[Meeting]:
    rows = Meeting.objects.filter(organization__body=body).select_related("organization__body")
    items = AgendaItem.objects.filter(meeting=OuterRef(OuterRef("pk")))
    return stamped(rows.order_by("pk"), "meetings.meeting", parts=(("meetings.agendaitem", items),))


def _public_item() -> Q:
    return Q(meeting__status__in=PUBLISHED) & (Q(case__isnull=True) | Q(case__secrecy_reference=""))


def agenda_items(body: Body) -> QuerySet[AgendaItem]:
    rows = AgendaItem.objects.filter(
        _public_item(), meeting__organization__body=body
    ).select_related("meeting__organization__body", "case__organization__body")
    return stamped(rows.order_by("pk"), "meetings.agendaitem")


def consultations(body: Body) -> QuerySet[AgendaItem]:
    """A Consultation is an agenda item that takes up a case: its id is the item's."""
    return agenda_items(body).filter(case__isnull=False)


def public_cases(body: Body) -> QuerySet[Case]:
    return Case.objects.filter(organization__body=body, secrecy_reference="")


def papers(body: Body) -> QuerySet[Case]:
    rows = public_cases(body).select_related("organization__body")
    documents = Document.objects.filter(case=OuterRef(OuterRef("pk")))
    return stamped(
        rows.order_by("pk"),
        "registry.case",
        parts=(("registry.document", documents),),
        fallback=F("updated_at"),
    )


def public_documents(cases: QuerySet[Case] | list[int]) -> QuerySet[Document]:
    """The documents of the cases that are not under secrecy, with what their views need."""
    return (
        Document.objects.filter(case__in=cases, secrecy_reference="")
        .select_related("case__organization__body")
        .order_by("case", "sequence")
    )


def on_public_agenda() -> QuerySet[ItemAttachment]:
    """The attachments that a public agenda publishes (their document not secret)."""
    return ItemAttachment.objects.filter(
        Q(item__case__isnull=True) | Q(item__case__secrecy_reference=""),
        item__meeting__status__in=PUBLISHED,
        document__secrecy_reference="",
        document__case__secrecy_reference="",
    )


def published_document_ids(document_ids: list[int]) -> set[int]:
    rows = on_public_agenda().filter(document_id__in=document_ids)
    return set(rows.values_list("document_id", flat=True))


def files(body: Body) -> QuerySet[File]:
    published = on_public_agenda().filter(document=OuterRef("document"))
    rows = File.objects.filter(
        Exists(published), document__case__organization__body=body
    ).select_related("document__case__organization__body")
    return stamped(rows.order_by("pk"), "registry.file", fallback=F("uploaded_at"))


def deleted_at(label: str, pk: int) -> datetime.datetime | None:
    """When the row was deleted, if the log recorded a deletion of it."""
    event = (
        Event.objects.filter(object_type=label, object_id=str(pk), action__endswith=".delete")
        .order_by("-at")
        .first()
    )
    return event.at if event else None


def first_event(label: str, pk: int) -> datetime.datetime:
    event = Event.objects.filter(object_type=label, object_id=str(pk)).order_by("at").first()
    return event.at if event else SINCE


def last_event(label: str, pk: int) -> datetime.datetime:
    event = Event.objects.filter(object_type=label, object_id=str(pk)).order_by("-at").first()
    return event.at if event else SINCE
