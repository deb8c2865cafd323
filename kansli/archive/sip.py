"""The E-ARK SIP (FGS Paketstruktur 2.0: E-ARK CSIP and SIP 2.1) that carries an export, zipped.

    <package id>/
      METS.xml                                  the package: its metadata, schema and representation
      metadata/descriptive/erms.xml             the cases and documents (`erms`)
      schemas/ERMS.xsd                          the schema erms.xml follows
      representations/rep1/METS.xml             the representation: its files
      representations/rep1/data/<case>/<document>_<n>.pdf    the files, as PDF/A (`renditions`)

Each METS document lists what it describes with size, SHA-256 checksum and path (relative to
its own folder) and draws it in its structMap, after the CSIP METS profile 2.1.0
(https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml) and the SIP profile 2.1
(https://earksip.dilcis.eu/profile/E-ARK-SIP.xml); the comments cite their requirement ids.
"""

import datetime
import hashlib
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import IO, Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from kansli.archive import erms
from kansli.archive.renditions import rendition
from kansli.organisation.models import Body
from kansli.registry.models import Case

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_CATEGORY = "Mixed"  # CSIP2, from CSIPVocabularyContentCategory
CONTENT_INFORMATION_TYPE = "citserms_v2_1"  # CSIP4, from CSIPVocabularyContentInformationType
ERMS_PATH = "metadata/descriptive/erms.xml"
SCHEMA_PATH = "schemas/ERMS.xsd"
REPRESENTATION = "rep1"
REPRESENTATION_FOLDER = f"representations/{REPRESENTATION}"
REPRESENTATION_METS = f"{REPRESENTATION_FOLDER}/METS.xml"
DATA = f"{REPRESENTATION_FOLDER}/data"
SHA256 = "SHA-256"


@dataclass(frozen=True)
class Packed:
    """A file written into the package: where (from the package's root), its size and its
    checksum."""

    path: str
    size: int
    sha256: str
    created: datetime.datetime


@dataclass(frozen=True)
class Package:
    """What an export wrote: the package's id, its cases and the files it holds."""

    package_id: str
    cases: list[Case]
    files: list[Packed]

    @property
    def data(self) -> list[Packed]:
        """The registered files, as the representation's data folder holds them."""
        return [packed for packed in self.files if packed.path.startswith(f"{DATA}/")]


def _safe(text: str) -> str:
    """A case or document number as a folder or file name: "KS 2026/00051" -> "KS_2026-00051"."""
    return re.sub(r"[^0-9A-Za-z.-]+", "_", text.replace("/", "-")).strip("_")


def write_package(
    out: IO[bytes], *, body: Body, cases: Sequence[Case], now: datetime.datetime
) -> Package:
    """Write the cases (documents and files prefetched) as a zipped SIP to `out`. Every file
    is converted before the ERMS and METS documents are written, so a file that cannot be
    made PDF/A stops the export with its reason (a ValidationError)."""
    package_id = f"uuid-{uuid.uuid4()}"
    packed: list[Packed] = []
    appendices: list[erms.Appendix] = []
    with translation.override("sv"), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:

        def put(path: str, data: bytes) -> Packed:
            archive.writestr(f"{package_id}/{path}", data)
            return Packed(path, len(data), hashlib.sha256(data).hexdigest(), timezone.now())

        for case in cases:
            for document in case.documents.all():
                for index, file in enumerate(document.files.all(), 1):
                    path = f"{DATA}/{_safe(case.number)}/{_safe(document.number)}_{index}.pdf"
                    converted = rendition(file)
                    packed.append(put(path, converted.data))
                    appendices.append(
                        erms.Appendix(
                            document_id=document.pk,
                            name=file.original_name,
                            path=path,
                            original_type=file.content_type,
                            converted=converted.converted,
                        )
                    )
        description = erms.erms_xml(
            body=body, cases=cases, appendices=appendices, package_id=package_id, now=now
        )
        errors = erms.erms_errors(description)
        if errors:
            raise RuntimeError(f"The ERMS document does not validate: {errors}")
        described = put(ERMS_PATH, description)
        # CSIP113, CSIPSTR15: every XML schema the package uses goes with it, under schemas/.
        schema = put(SCHEMA_PATH, erms.SCHEMA.read_bytes())
        # CSIPSTR12: the representation folder has a METS document of its own.
        representation = put(REPRESENTATION_METS, representation_mets_xml(now=now, files=packed))
        archive.writestr(
            f"{package_id}/METS.xml",
            mets_xml(
                body=body,
                package_id=package_id,
                now=now,
                description=described,
                schema=schema,
                representation=representation,
            ),
        )
    return Package(
        package_id=package_id,
        cases=list(cases),
        files=[described, schema, representation, *packed],
    )


def _m(name: str) -> str:
    return f"{{{METS}}}{name}"


def _moment(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _checked(element: Any, packed: Packed) -> None:
    """The size, creation time and checksum of a packed file, on its METS element
    (CSIP27-30 for the mdRef, CSIP69-72 for a file)."""
    element.set("SIZE", str(packed.size))
    element.set("CREATED", _moment(packed.created))
    element.set("CHECKSUM", packed.sha256)
    element.set("CHECKSUMTYPE", SHA256)


def _link(element: Any, path: str) -> None:
    """A reference by relative path (CSIP22-24 for the mdRef, CSIP77-79 for FLocat, CSIP110-112
    for mptr)."""
    element.set("LOCTYPE", "URL")
    element.set(f"{{{XLINK}}}type", "simple")
    element.set(f"{{{XLINK}}}href", path)


def _document(*, objid: str, now: datetime.datetime) -> tuple[Any, Any]:
    """A METS document's root and header, the same for the package and its representation:
    what it is (CSIP1, CSIP2, CSIP4, CSIP6 and SIP2) and a header with its creation, its OAIS
    type (CSIP7, CSIP9 and SIP4) and the software that made it (CSIP10-16)."""
    root = etree.Element(
        _m("mets"),
        {
            "OBJID": objid,
            "TYPE": CONTENT_CATEGORY,
            f"{{{CSIP}}}CONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
            "PROFILE": SIP_PROFILE,
        },
        nsmap={"mets": METS, "xlink": XLINK, "csip": CSIP},
    )
    header = etree.SubElement(
        root,
        _m("metsHdr"),
        {"CREATEDATE": _moment(now), "RECORDSTATUS": "NEW", f"{{{CSIP}}}OAISPACKAGETYPE": "SIP"},
    )
    software = etree.SubElement(
        header, _m("agent"), {"ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"}
    )
    etree.SubElement(software, _m("name")).text = erms.SYSTEM
    etree.SubElement(
        software, _m("note"), {f"{{{CSIP}}}NOTETYPE": "SOFTWARE VERSION"}
    ).text = metadata.version("kansli")
    return root, header


def _organisation(header: Any, role: str, body: Body) -> None:
    agent = etree.SubElement(header, _m("agent"), {"ROLE": role, "TYPE": "ORGANIZATION"})
    etree.SubElement(agent, _m("name")).text = body.name


def _group(file_section: Any, group_id: str, use: str, files: list[tuple[Packed, str, str]]) -> Any:
    """A file group (CSIP64-66) of files given as (packed, path from the METS document, type),
    each with its id, type, size, checksum and location (CSIP67-72, CSIP76-79)."""
    group = etree.SubElement(file_section, _m("fileGrp"), {"ID": group_id, "USE": use})
    if use.startswith("Representations"):
        # CSIP62: a representation's group names its content information type.
        group.set(f"{{{CSIP}}}CONTENTINFORMATIONTYPE", CONTENT_INFORMATION_TYPE)
    for number, (packed, path, mimetype) in enumerate(files, 1):
        entry = etree.SubElement(
            group, _m("file"), {"ID": f"{group_id}-file-{number}", "MIMETYPE": mimetype}
        )
        _checked(entry, packed)
        _link(etree.SubElement(entry, _m("FLocat")), path)
    return group


def _structure(root: Any, prefix: str) -> Any:
    """The CSIP structural map (CSIP80-85) and its one main division, labelled with the
    document's OBJID."""
    structure = etree.SubElement(
        root, _m("structMap"), {"ID": f"{prefix}structmap", "TYPE": "PHYSICAL", "LABEL": "CSIP"}
    )
    return etree.SubElement(
        structure, _m("div"), {"ID": f"{prefix}div-root", "LABEL": root.get("OBJID")}
    )


def mets_xml(
    *,
    body: Body,
    package_id: str,
    now: datetime.datetime,
    description: Packed,
    schema: Packed,
    representation: Packed,
) -> bytes:
    """The package's METS document: its header, the ERMS document, the schema, the
    representation's METS document and the map."""
    root, header = _document(objid=package_id, now=now)  # CSIP1, CSIPSTR2: the root folder
    root.set("LABEL", _("%(body)s: avslutade ärenden") % {"body": body.name})  # SIP1
    _organisation(header, "ARCHIVIST", body)  # SIP9-SIP12: the archival creator
    _organisation(header, "CREATOR", body)  # SIP15-SIP18: the submitting agent
    dmd = etree.SubElement(
        root, _m("dmdSec"), {"ID": "dmd-erms", "CREATED": _moment(now), "STATUS": "CURRENT"}
    )  # CSIP17-20
    reference = etree.SubElement(
        dmd, _m("mdRef"), {"MDTYPE": "OTHER", "OTHERMDTYPE": "ERMS", "MIMETYPE": "text/xml"}
    )  # CSIP21, CSIP25, CSIP26
    _link(reference, description.path)
    _checked(reference, description)
    file_section = etree.SubElement(root, _m("fileSec"), {"ID": "filesec"})  # CSIP58, CSIP59
    schemas = _group(
        file_section,
        "filegrp-schemas",
        "Schemas",  # CSIP113
        [(schema, schema.path, "application/xml")],
    )
    representations = _group(
        file_section,
        f"filegrp-{REPRESENTATION}",
        f"Representations/{REPRESENTATION}",  # CSIP114: its folder
        [(representation, representation.path, "text/xml")],
    )
    top = _structure(root, "")
    etree.SubElement(
        top, _m("div"), {"ID": "div-metadata", "LABEL": "Metadata", "DMDID": "dmd-erms"}
    )  # CSIP88-92
    schema_division = etree.SubElement(
        top, _m("div"), {"ID": "div-schemas", "LABEL": "Schemas"}
    )  # CSIP97-99
    etree.SubElement(schema_division, _m("fptr"), {"FILEID": schemas.get("ID")})  # CSIP100, 118
    representation_division = etree.SubElement(
        top, _m("div"), {"ID": f"div-{REPRESENTATION}", "LABEL": representations.get("USE")}
    )  # CSIP105-107
    pointer = etree.SubElement(
        representation_division,
        _m("mptr"),
        {f"{{{XLINK}}}title": representations.get("ID")},  # CSIP108
    )  # CSIP109
    _link(pointer, representation.path)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def representation_mets_xml(*, now: datetime.datetime, files: list[Packed]) -> bytes:
    """The representation's METS document (CSIPSTR12): the files of its data folder, by paths
    from the representation's folder, in one group that its map's content division points to
    (CSIP101-104, CSIP119). Its ids begin with the representation's name, so that they are
    unique within the package as the CSIP asks of every id."""
    root, _header = _document(objid=REPRESENTATION, now=now)  # CSIP1: the folder's name
    prefix = f"{REPRESENTATION}-"
    file_section = etree.SubElement(root, _m("fileSec"), {"ID": f"{prefix}filesec"})
    start = len(REPRESENTATION_FOLDER) + 1
    data = _group(
        file_section,
        f"{prefix}filegrp-data",
        f"Representations/{REPRESENTATION}/data",  # CSIP64: the whole folder structure
        [(packed, packed.path[start:], "application/pdf") for packed in files],
    )
    content = etree.SubElement(
        _structure(root, prefix), _m("div"), {"ID": f"{prefix}div-data", "LABEL": "Representations"}
    )
    etree.SubElement(content, _m("fptr"), {"FILEID": data.get("ID")})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
