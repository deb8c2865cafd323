"""The package's description in FGS Ärendehantering 2.0: the E-ARK CITS ERMS schema (version
2.1, `schemas/ERMS.xsd`), one aggregation (caseFile) per case with a record per document.

Each case carries its number, title, organisation, officer, dates, its classification where it
has one, and its secrecy where its title is secret; each document its number, running number,
direction, dates, description, officer, its secrecy (a restriction citing the OSL provision)
where it is secret, its sender or recipient where the public may read the name
(`registry.visibility`: not for a part secrecy masks, nor a private person's name where the
body masks it), and its files in the package as appendices.
"""

import datetime
import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from kansli.organisation.models import Body
from kansli.registry.models import Case, Document
from kansli.registry.visibility import document_view

NAMESPACE = "https://DILCIS.eu/XML/ERMS"
SCHEMA = Path(__file__).parent / "schemas" / "ERMS.xsd"
SYSTEM = "Kansli"
# The identifiers of the cases and documents (UUIDs, as the schema asks), the same in every
# export, so that the archive can tell a case exported again.
IDENTIFIERS = uuid.UUID("9c61246a-c5e8-4dc8-915a-03ee17b668aa")

DIRECTIONS = {
    Document.Direction.INCOMING: ("incoming", "received", "sender"),
    Document.Direction.OUTGOING: ("outgoing", "sent", "recipient"),
    Document.Direction.DRAWN_UP: ("other", "created", "counterpart"),
}


@dataclass(frozen=True)
class Appendix:
    """A file of a document as it lies in the package."""

    document_id: int
    name: str  # the registered file's name
    path: str  # from the package's root folder
    original_type: str  # the registered file's type
    converted: bool


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: Any, tag: str, text: str | None = None, /, **attributes: str) -> Any:
    element = etree.SubElement(parent, _tag(tag), attributes)
    if text is not None:
        element.text = text
    return element


def _moment(value: datetime.date | datetime.datetime) -> str:
    """xs:dateTime in local time; a day at its beginning."""
    if not isinstance(value, datetime.datetime):
        zone = timezone.get_current_timezone()
        value = datetime.datetime.combine(value, datetime.time.min, tzinfo=zone)
    return timezone.localtime(value).isoformat(timespec="seconds")


def _identifier(kind: str, pk: int) -> str:
    return str(uuid.uuid5(IDENTIFIERS, f"{kind}:{pk}"))


def erms_xml(
    *,
    body: Body,
    cases: Sequence[Case],
    appendices: Sequence[Appendix],
    package_id: str,
    now: datetime.datetime,
) -> bytes:
    """The ERMS document of the cases (with their documents prefetched) and their files."""
    root = etree.Element(_tag("erms"), nsmap={None: NAMESPACE})
    _control(root, body=body, package_id=package_id, now=now)
    aggregations = _add(root, "aggregations")
    by_document: dict[int, list[Appendix]] = {}
    for appendix in appendices:
        by_document.setdefault(appendix.document_id, []).append(appendix)
    for case in cases:
        _case(aggregations, case, by_document)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _control(root: Any, *, body: Body, package_id: str, now: datetime.datetime) -> None:
    control = _add(root, "control")
    _add(control, "identification", body.name, identificationType="archival_creator")
    _add(control, "identification", package_id, identificationType="package")
    maintenance = _add(control, "maintenanceInformation")
    _add(maintenance, "maintenanceStatus", value="new")
    agency = _add(maintenance, "maintenanceAgency")
    _add(agency, "agencyName", body.name)
    history = _add(maintenance, "maintenanceHistory")
    event = _add(history, "maintenanceEvent")
    _add(event, "eventType", value="created")
    _add(event, "eventDateTime", _moment(now))
    _agent(event, "creator", SYSTEM)


def _agent(parent: Any, kind: str, name: str, **extra: str) -> Any:
    agent = _add(parent, "agent", agentType=kind)
    _add(agent, "name", name)
    for element, text in extra.items():
        _add(agent, element, text)
    return agent


def _restriction(parent: Any, reference: str, explanation: str) -> None:
    restriction = _add(parent, "restriction", restrictionType="confidential")
    if explanation:
        _add(restriction, "explanatoryText", explanation)
    _add(restriction, "regulation", reference)


def _case(parent: Any, case: Case, by_document: dict[int, list[Appendix]]) -> None:
    aggregation = _add(
        parent,
        "aggregation",
        systemIdentifier=_identifier("case", case.pk),
        aggregationType="caseFile",
    )
    _add(aggregation, "objectId", case.number)
    if case.classification:
        _add(
            aggregation,
            "classification",
            case.classification,
            classificationCode=case.classification,
        )
    _add(aggregation, "title", case.title)
    _add(aggregation, "status", value="closed")
    if case.is_secret:
        _restriction(
            aggregation, case.secrecy_reference, _("Ärendemeningen omfattas av sekretess.")
        )
    agents = _add(aggregation, "agents")
    _agent(agents, "creator", case.organization.name, organisation=case.organization.body.name)
    if case.case_officer is not None:
        _agent(agents, "responsible_person", case.case_officer.name, role=_("handläggare"))
    dates = _add(aggregation, "dates")
    _add(dates, "date", _moment(case.opened_on), dateType="opened")
    if case.closed_on is not None:
        _add(dates, "date", _moment(case.closed_on), dateType="closed")
    for document in case.documents.all():
        _document(aggregation, document, by_document.get(document.pk, []))


def _document(parent: Any, document: Document, appendices: list[Appendix]) -> None:
    direction, dated, party = DIRECTIONS[Document.Direction(document.direction)]
    record = _add(
        parent,
        "record",
        systemIdentifier=_identifier("document", document.pk),
        recordType=document.get_direction_display(),
        recordPhysicalOrDigital="digital" if appendices else "does_not_apply",
    )
    _add(record, "objectId", document.number)
    _add(record, "title", document.description)
    _add(record, "runningNumber", str(document.sequence))
    if document.is_secret:
        _restriction(record, document.secrecy_reference, document.secrecy_reason)
    extra = {} if direction != "other" else {"otherDirectionDefinition": _("upprättad")}
    _add(record, "direction", directionDefinition=direction, **extra)
    agents = _add(record, "agents")
    public = document_view(None, document)
    if document.counterpart and not public.counterpart_masked:
        _agent(agents, party, document.counterpart)
    if document.case_officer is not None:
        _agent(agents, "responsible_person", document.case_officer.name, role=_("handläggare"))
    dates = _add(record, "dates")
    _add(dates, "date", _moment(document.date), dateType=dated)
    _add(dates, "date", _moment(document.registered_at), dateType="captured")
    if appendices:
        information = _add(record, "additionalInformation")
        for appendix in appendices:
            attributes = {"fileFormat": "application/pdf"}
            if appendix.converted:
                attributes["originalFileFormat"] = appendix.original_type
            _add(
                information,
                "appendix",
                name=appendix.name,
                path=appendix.path,
                description=appendix.name,
                **attributes,
            )


@functools.cache
def _schema() -> Any:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def erms_errors(xml: bytes) -> list[str]:
    """What makes the document invalid against the vendored ERMS.xsd (nothing when valid)."""
    schema = _schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"{error.line}: {error.message}" for error in schema.error_log]
