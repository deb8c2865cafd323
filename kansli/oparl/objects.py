"""OParl 1.1 objects as plain data, every one as the public sees it.

Every text of the registry comes from its view (`registry/visibility.document_view`,
`case_view`) for the anonymous user, every agenda and its proceedings from
`meetings/policy.agenda_visible` and `proceedings_visible` for the anonymous user: a field the
registry masks stays masked here, and votes and dissents appear only once the minutes are
approved. Ids are absolute URLs (`Urls`).

Votes and dissents, which OParl lacks, are vendor properties prefixed `kansli:` and shaped as
Popolo's VoteEvent and Vote (https://www.popoloproject.com/specs/vote-event.html):
`kansli:voteEvent` on an AgendaItem, each with `counts` and, by roll call, `votes`; and
`kansli:dissent` (reservation) for the members who dissented from the item's decision.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kansli.meetings.models import AgendaItem, Meeting, Vote
from kansli.meetings.policy import agenda_visible, item_title, proceedings_visible
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.registry.models import Case, Document, File
from kansli.registry.visibility import case_view, document_view

PUBLIC = AnonymousUser()
SCHEMA = "https://schema.oparl.org/1.1/"
VERSION = "https://schema.oparl.org/1.1/"
Data = dict[str, Any]

# Swedish mandate periods: four years from 15 October of the election year (KL 5 kap. 5 §);
# general elections in years 2, 6, 10, 14 … of each century, every fourth year.
TERM_START = (10, 15)


def kind(name: str) -> str:
    return SCHEMA + name


def stamp(value: datetime.datetime | datetime.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value.isoformat()


@dataclass(frozen=True)
class Urls:
    """Absolute URLs of OParl objects and lists, built from the request."""

    absolute: Callable[[str], str]

    def of(self, name: str, *args: object) -> str:
        return self.absolute(reverse(f"oparl:{name}", args=args))


def _common(row: Any, urls: Urls, name: str, *args: object) -> Data:
    return {
        "id": urls.of(name.lower(), *args),
        "type": kind(name),
        "created": stamp(row.oparl_created),
        "modified": stamp(row.oparl_modified),
    }


def deleted(
    urls: Urls, name: str, args: tuple, created: datetime.datetime, modified: datetime.datetime
) -> Data:
    """OParl's deleted object: id, type, created, modified and `deleted: true`, nothing else."""
    return {
        "id": urls.of(name.lower(), *args),
        "type": kind(name),
        "created": stamp(created),
        "modified": stamp(max(created, modified)),
        "deleted": True,
    }


def _clean(data: Data) -> Data:
    """Without the properties that have no value: OParl leaves out what it does not know."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# Body and System ---------------------------------------------------------------------------


def system(urls: Urls, *, name: str, modified: datetime.datetime | None) -> Data:
    return _clean(
        {
            "id": urls.of("system"),
            "type": kind("System"),
            "oparlVersion": VERSION,
            "otherOparlVersions": [],
            "body": urls.of("body_list"),
            "name": name,
            "vendor": "https://github.com/kansli",
            "product": "Kansli",
            "modified": stamp(modified),
        }
    )


def legislative_terms(
    body: Body, urls: Urls, *, first_year: int, today: datetime.date
) -> list[Data]:
    """The mandate periods from the one elected in `first_year` to the one holding today."""
    last = term_election(today)
    return [legislative_term(body, urls, year) for year in range(first_year, last + 1, 4)]


def legislative_term(body: Body, urls: Urls, election: int) -> Data:
    start = datetime.date(election, *TERM_START)
    end = datetime.date(election + 4, *TERM_START) - datetime.timedelta(days=1)
    return {
        "id": urls.of("legislativeterm", body.slug, election),
        "type": kind("LegislativeTerm"),
        "body": urls.of("body", body.slug),
        "name": f"Mandatperioden {election}–{election + 4}",
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
    }


def term_election(day: datetime.date) -> int:
    """The election year of the mandate period that holds `day`."""
    year = day.year if day >= datetime.date(day.year, *TERM_START) else day.year - 1
    return year - (year - 2) % 4


def body(row: Body, urls: Urls, terms: list[Data]) -> Data:
    slug = row.slug
    return _clean(
        {
            **_common(row, urls, "Body", slug),
            "system": urls.of("system"),
            "name": row.name,
            "shortName": row.slug,
            "website": row.website,
            "classification": row.get_kind_display(),
            "organization": urls.of("organization_list", slug),
            "person": urls.of("person_list", slug),
            "meeting": urls.of("meeting_list", slug),
            "paper": urls.of("paper_list", slug),
            "agendaItem": urls.of("agendaitem_list", slug),
            "consultation": urls.of("consultation_list", slug),
            "file": urls.of("file_list", slug),
            "membership": urls.of("membership_list", slug),
            "locationList": urls.of("location_list", slug),
            "legislativeTermList": urls.of("legislativeterm_list", slug),
            "legislativeTerm": terms,
            "kansli:organizationNumber": row.organization_number,
        }
    )


# Organisation ------------------------------------------------------------------------------


def organization(row: Organization, urls: Urls) -> Data:
    return _clean(
        {
            **_common(row, urls, "Organization", row.pk),
            "body": urls.of("body", row.body.slug),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Gremium" if row.is_political else "Verwaltungsbereich",
            "classification": row.get_kind_display(),
            "subOrganizationOf": urls.of("organization", row.parent_id) if row.parent_id else None,
            "startDate": stamp(row.established_on),
            "endDate": stamp(row.dissolved_on),
            "meeting": urls.of("meeting_list", row.body.slug) if row.is_political else None,
            "kansli:seats": row.seats,
        }
    )


def membership(row: Membership, urls: Urls, *, inside_person: bool = False) -> Data:
    data = {
        **_common(row, urls, "Membership", row.pk),
        "organization": urls.of("organization", row.organization_id),
        "role": row.get_role_display(),
        "votingRight": row.role != Membership.Role.SUBSTITUTE,
        "startDate": stamp(row.start),
        "endDate": stamp(row.end),
        "kansli:party": row.party,
    }
    if not inside_person:
        data["person"] = urls.of("person", row.person_id)
    return _clean(data)


def person(row: Person, urls: Urls, seats: Iterable[Membership]) -> Data:
    return _clean(
        {
            **_common(row, urls, "Person", row.pk),
            "body": urls.of("body", row.body.slug),
            "name": row.name,
            "givenName": row.given_name,
            "familyName": row.family_name,
            "membership": [membership(seat, urls, inside_person=True) for seat in seats],
        }
    )


# Registry ----------------------------------------------------------------------------------


def file(row: File, urls: Urls) -> Data:
    document = document_view(PUBLIC, row.document, on_agenda=True)
    return _clean(
        {
            **_common(row, urls, "File", row.pk),
            "name": row.original_name,
            "fileName": row.original_name,
            "mimeType": row.content_type,
            "size": row.size,
            "sha256Checksum": row.sha256,
            "date": stamp(row.document.date),
            "accessUrl": urls.of("file_download", row.pk),
            "downloadUrl": urls.of("file_download", row.pk),
            "paper": [urls.of("paper", row.document.case_id)],
            "kansli:document": row.document.number,
            "kansli:description": document.description,
        }
    )


def document_entry(document: Document, *, published: bool) -> Data:
    """A public document of a paper as the registry shows it to the public."""
    view = document_view(PUBLIC, document, on_agenda=published)
    return {
        "number": document.number,
        "direction": document.direction,
        "date": stamp(document.date),
        "counterpart": view.counterpart,
        "description": view.description,
        "counterpartMasked": view.counterpart_masked,
    }


def paper(
    row: Case,
    urls: Urls,
    *,
    documents: list[Document],
    published: set[int],
    files: list[Data],
    consultations: list[Data],
) -> Data:
    view = case_view(PUBLIC, row)
    return _clean(
        {
            **_common(row, urls, "Paper", row.pk),
            "body": urls.of("body", row.organization.body.slug),
            "name": view.title,
            "reference": row.number,
            "date": stamp(row.opened_on),
            "paperType": "Ärende",
            "underDirectionOf": [urls.of("organization", row.organization_id)],
            "auxiliaryFile": files,
            "consultation": consultations,
            "kansli:status": row.status,
            "kansli:document": [
                document_entry(document, published=document.pk in published)
                for document in documents
            ],
        }
    )


# Meetings ----------------------------------------------------------------------------------


def location(row: Meeting, urls: Urls) -> Data | None:
    if not row.place:
        return None
    return {
        "id": urls.of("location", row.pk),
        "type": kind("Location"),
        "description": row.place,
        "meeting": [urls.of("meeting", row.pk)],
        "created": stamp(getattr(row, "oparl_created", None)),
        "modified": stamp(getattr(row, "oparl_modified", None)),
    }


def consultation(row: AgendaItem, urls: Urls, *, inside_paper: bool = False) -> Data:
    data: Data = {
        **_common(row, urls, "Consultation", row.pk),
        "agendaItem": urls.of("agendaitem", row.pk),
        "meeting": urls.of("meeting", row.meeting_id),
        "organization": [urls.of("organization", row.meeting.organization_id)],
        "authoritative": row.status == AgendaItem.Status.DECIDED,
        "role": row.get_kind_display(),
    }
    if not inside_paper:
        data["paper"] = urls.of("paper", row.case_id)
    return _clean(data)


def _vote_event(vote: Vote, urls: Urls) -> Data:
    """A vote as Popolo's VoteEvent: the counts, and by roll call each member's vote."""
    data: Data = {
        "type": "kansli:VoteEvent",
        "method": vote.method,
        "counts": [
            {"option": "yes", "value": vote.yes_count},
            {"option": "no", "value": vote.no_count},
            {"option": "abstain", "value": vote.abstain_count},
        ],
        "result": "yes" if vote.winner_id == vote.yes_proposal_id else "no",
        "kansli:castingVote": vote.casting_vote,
        "kansli:decidedByLot": vote.decided_by_lot,
    }
    if vote.method == Vote.Method.ROLL_CALL:
        data["votes"] = [
            {"voter": urls.of("person", ballot.person_id), "option": ballot.choice}
            for ballot in vote.ballots.all()
        ]
    return data


def agenda_item(
    row: AgendaItem, urls: Urls, *, files: list[Data], inside_meeting: bool = False
) -> Data:
    meeting = row.meeting
    title, _masked = item_title(PUBLIC, row)
    data: Data = {
        **_common(row, urls, "AgendaItem", row.pk),
        "number": f"§ {row.minute_number}" if row.minute_number else str(row.position),
        "order": row.position,
        "name": title,
        "public": meeting.open_to_public,
        "consultation": urls.of("consultation", row.pk) if row.case_id else None,
        "result": row.get_status_display(),
        "auxiliaryFile": files,
        "kansli:kind": row.kind,
    }
    if not inside_meeting:
        data["meeting"] = urls.of("meeting", row.meeting_id)
    if proceedings_visible(PUBLIC, meeting):
        data["resolutionText"] = row.resolution
        data["kansli:voteEvent"] = [_vote_event(vote, urls) for vote in row.votes.all()]
        data["kansli:dissent"] = [
            {"person": urls.of("person", dissent.person_id), "reasons": dissent.reasons}
            for dissent in row.dissents.all()
        ]
    return _clean(data)


MEETING_STATES = {
    Meeting.Status.PLANNED: "terminiert",
    Meeting.Status.CALLED: "eingeladen",
    Meeting.Status.OPENED: "eingeladen",
    Meeting.Status.CLOSED: "eingeladen",
    Meeting.Status.APPROVED: "durchgeführt",
    Meeting.Status.CANCELLED: "terminiert",
}


def meeting(row: Meeting, urls: Urls, *, items: list[Data]) -> Data:
    public = agenda_visible(PUBLIC, row)
    return _clean(
        {
            **_common(row, urls, "Meeting", row.pk),
            "name": str(row),
            "meetingState": MEETING_STATES[Meeting.Status(row.status)],
            "cancelled": row.status == Meeting.Status.CANCELLED,
            "start": stamp(row.starts_at),
            "end": stamp(row.ends_at),
            "location": location(row, urls),
            "organization": [urls.of("organization", row.organization_id)],
            "agendaItem": items if public else [],
            "kansli:status": row.status,
            "kansli:openToPublic": row.open_to_public,
        }
    )
