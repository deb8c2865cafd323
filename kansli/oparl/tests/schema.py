"""What OParl 1.1 requires of each object type, as JSON Schemas for `jsonschema_rs`.

Written here from the specification's property tables (OParl 1.1, chapter "Schema", and the
chapters on object lists, filters and deleted objects), not copied: the schema files of the
OParl/spec repository carry no licence of their own in the stored copy, and several of them
still name the 1.0 types. Each schema holds the properties Kansli sends with the types the
specification gives them; `created` and `modified` are required of every object, as the issue
asks, and `deleted` may stand alone with id, type, created and modified.
"""

from typing import Any

URL = {"type": "string", "pattern": "^https?://"}
URLS = {"type": "array", "items": URL}
TEXT = {"type": "string"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
MOMENT = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$",
}
FLAG = {"type": "boolean"}
WHOLE = {"type": "integer"}
BASE = ("id", "type", "created", "modified")


def _schema(name: str, required: tuple[str, ...], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [*BASE, *required],
        "properties": {
            "id": URL,
            "type": {"const": f"https://schema.oparl.org/1.1/{name}"},
            "created": MOMENT,
            "modified": MOMENT,
            "deleted": FLAG,
            "keyword": {"type": "array", "items": TEXT},
            "web": URL,
            **properties,
        },
    }


def _embedded(schema: dict[str, Any], *leave_out: str) -> dict[str, Any]:
    """The object as embedded in its parent: the back-reference to the parent left out."""
    return {**schema, "required": [key for key in schema["required"] if key not in leave_out]}


FILE = _schema(
    "File",
    ("accessUrl",),
    {
        "name": TEXT,
        "fileName": TEXT,
        "mimeType": TEXT,
        "date": DATE,
        "size": WHOLE,
        "sha256Checksum": TEXT,
        "accessUrl": URL,
        "downloadUrl": URL,
        "paper": URLS,
    },
)
LOCATION = _schema("Location", ("description",), {"description": TEXT, "meeting": URLS})
LEGISLATIVE_TERM = _schema(
    "LegislativeTerm",
    ("name", "startDate", "endDate"),
    {"body": URL, "name": TEXT, "startDate": DATE, "endDate": DATE},
)
MEMBERSHIP = _schema(
    "Membership",
    ("person", "organization", "role", "startDate"),
    {
        "person": URL,
        "organization": URL,
        "role": TEXT,
        "votingRight": FLAG,
        "startDate": DATE,
        "endDate": DATE,
    },
)
VOTE_EVENT = {
    "type": "object",
    "required": ["counts", "result"],
    "properties": {
        "counts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["option", "value"],
                "properties": {"option": TEXT, "value": WHOLE},
            },
        },
        "votes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["voter", "option"],
                "properties": {"voter": URL, "option": {"enum": ["yes", "no", "abstain"]}},
            },
        },
        "result": TEXT,
    },
}
CONSULTATION = _schema(
    "Consultation",
    ("paper", "agendaItem", "meeting"),
    {
        "paper": URL,
        "agendaItem": URL,
        "meeting": URL,
        "organization": URLS,
        "authoritative": FLAG,
        "role": TEXT,
    },
)
AGENDA_ITEM = _schema(
    "AgendaItem",
    ("meeting", "number", "name"),
    {
        "meeting": URL,
        "number": TEXT,
        "order": WHOLE,
        "name": TEXT,
        "public": FLAG,
        "consultation": URL,
        "result": TEXT,
        "resolutionText": TEXT,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "kansli:voteEvent": {"type": "array", "items": VOTE_EVENT},
        "kansli:dissent": {
            "type": "array",
            "items": {"type": "object", "required": ["person"], "properties": {"person": URL}},
        },
    },
)
MEETING = _schema(
    "Meeting",
    ("name", "start", "organization", "cancelled"),
    {
        "name": TEXT,
        "meetingState": TEXT,
        "cancelled": FLAG,
        "start": MOMENT,
        "end": MOMENT,
        "location": LOCATION,
        "organization": URLS,
        "agendaItem": {"type": "array", "items": _embedded(AGENDA_ITEM, "meeting")},
    },
)
PAPER = _schema(
    "Paper",
    ("body", "name", "reference", "date"),
    {
        "body": URL,
        "name": TEXT,
        "reference": TEXT,
        "date": DATE,
        "paperType": TEXT,
        "underDirectionOf": URLS,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "consultation": {"type": "array", "items": _embedded(CONSULTATION, "paper")},
    },
)
PERSON = _schema(
    "Person",
    ("body", "name"),
    {
        "body": URL,
        "name": TEXT,
        "givenName": TEXT,
        "familyName": TEXT,
        "membership": {"type": "array", "items": _embedded(MEMBERSHIP, "person")},
    },
)
ORGANIZATION = _schema(
    "Organization",
    ("body", "name", "organizationType"),
    {
        "body": URL,
        "name": TEXT,
        "shortName": TEXT,
        "organizationType": TEXT,
        "classification": TEXT,
        "subOrganizationOf": URL,
        "startDate": DATE,
        "endDate": DATE,
        "meeting": URL,
    },
)
BODY = _schema(
    "Body",
    (
        "name",
        "system",
        "organization",
        "person",
        "meeting",
        "paper",
        "legislativeTerm",
        "agendaItem",
        "consultation",
        "file",
        "membership",
        "locationList",
        "legislativeTermList",
    ),
    {
        "system": URL,
        "name": TEXT,
        "shortName": TEXT,
        "website": URL,
        "classification": TEXT,
        **{
            key: URL
            for key in (
                "organization",
                "person",
                "meeting",
                "paper",
                "agendaItem",
                "consultation",
                "file",
                "membership",
                "locationList",
                "legislativeTermList",
            )
        },
        "legislativeTerm": {"type": "array", "items": LEGISLATIVE_TERM},
    },
)
SYSTEM = {
    "type": "object",
    "required": ["id", "type", "oparlVersion", "body"],
    "properties": {
        "id": URL,
        "type": {"const": "https://schema.oparl.org/1.1/System"},
        "oparlVersion": {"const": "https://schema.oparl.org/1.1/"},
        "otherOparlVersions": URLS,
        "body": URL,
        "name": TEXT,
        "vendor": URL,
        "product": TEXT,
        "modified": MOMENT,
    },
}
DELETED = {
    "type": "object",
    "required": [*BASE, "deleted"],
    "properties": {"deleted": {"const": True}, "created": MOMENT, "modified": MOMENT, "id": URL},
    "propertyNames": {"enum": [*BASE, "deleted"]},
}
LIST = {
    "type": "object",
    "required": ["data", "pagination", "links"],
    "properties": {
        "data": {"type": "array"},
        "pagination": {
            "type": "object",
            "properties": {
                key: WHOLE
                for key in ("totalElements", "elementsPerPage", "currentPage", "totalPages")
            },
        },
        "links": {
            "type": "object",
            "properties": {key: URL for key in ("first", "prev", "self", "next", "last")},
        },
    },
}

BY_TYPE = {
    f"https://schema.oparl.org/1.1/{name}": schema
    for name, schema in {
        "System": SYSTEM,
        "Body": BODY,
        "Organization": ORGANIZATION,
        "Person": PERSON,
        "Membership": MEMBERSHIP,
        "Meeting": MEETING,
        "AgendaItem": AGENDA_ITEM,
        "Paper": PAPER,
        "Consultation": CONSULTATION,
        "File": FILE,
        "LegislativeTerm": LEGISLATIVE_TERM,
        "Location": LOCATION,
    }.items()
}
