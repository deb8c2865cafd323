"""The E-ARK SIP (FGS Paketstruktur 2.0: E-ARK CSIP and SIP 2.1) that carries an export, zipped.

    <package id>/
      METS.xml                                  what is in the package, with each file's SHA-256
      metadata/descriptive/erms.xml             the cases and documents (`erms`)
      representations/rep1/data/<case>/<document>_<n>.pdf    the files, as PDF/A (`renditions`)

METS.xml lists the ERMS document in its dmdSec and every file of the representation in its
fileSec, each with its size, SHA-256 checksum and path, and draws the package's structure in
its structMap (CSIP's physical map: the metadata and the representation).
"""

import datetime
import hashlib
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
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
CONTENT_INFORMATION_TYPE = "citserms_v2_1"
ERMS_PATH = "metadata/descriptive/erms.xml"
DATA = "representations/rep1/data"
SHA256 = "SHA-256"


@dataclass(frozen=True)
class Packed:
    """A file written into the package: where, its size and its checksum."""

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
        archive.writestr(
            f"{package_id}/METS.xml",
            mets_xml(
                body=body, package_id=package_id, now=now, description=described, files=packed
            ),
        )
    return Package(package_id=package_id, cases=list(cases), files=[described, *packed])


def _m(name: str) -> str:
    return f"{{{METS}}}{name}"


def _checked(element: Any, packed: Packed) -> None:
    """The size, creation time and checksum of a packed file, on its METS element."""
    element.set("SIZE", str(packed.size))
    element.set("CREATED", timezone.localtime(packed.created).isoformat(timespec="seconds"))
    element.set("CHECKSUM", packed.sha256)
    element.set("CHECKSUMTYPE", SHA256)


def _link(element: Any, path: str) -> None:
    element.set("LOCTYPE", "URL")
    element.set(f"{{{XLINK}}}type", "simple")
    element.set(f"{{{XLINK}}}href", path)


def mets_xml(
    *,
    body: Body,
    package_id: str,
    now: datetime.datetime,
    description: Packed,
    files: list[Packed],
) -> bytes:
    """The package's METS document: its header, the ERMS document, the files and the map."""
    root = etree.Element(
        _m("mets"),
        {
            "OBJID": package_id,
            "LABEL": _("%(body)s: avslutade ärenden") % {"body": body.name},
            "TYPE": "Mixed",
            f"{{{CSIP}}}CONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
            "PROFILE": SIP_PROFILE,
        },
        nsmap={"mets": METS, "xlink": XLINK, "csip": CSIP},
    )
    created = timezone.localtime(now).isoformat(timespec="seconds")
    header = etree.SubElement(
        root,
        _m("metsHdr"),
        {"CREATEDATE": created, "RECORDSTATUS": "NEW", f"{{{CSIP}}}OAISPACKAGETYPE": "SIP"},
    )
    software = etree.SubElement(
        header, _m("agent"), {"ROLE": "CREATOR", "TYPE": "OTHER", "OTHERTYPE": "SOFTWARE"}
    )
    etree.SubElement(software, _m("name")).text = erms.SYSTEM
    creator = etree.SubElement(header, _m("agent"), {"ROLE": "ARCHIVIST", "TYPE": "ORGANIZATION"})
    etree.SubElement(creator, _m("name")).text = body.name
    dmd = etree.SubElement(
        root, _m("dmdSec"), {"ID": "dmd-erms", "CREATED": created, "STATUS": "CURRENT"}
    )
    reference = etree.SubElement(
        dmd, _m("mdRef"), {"MDTYPE": "OTHER", "OTHERMDTYPE": "ERMS", "MIMETYPE": "text/xml"}
    )
    _link(reference, description.path)
    _checked(reference, description)
    file_section = etree.SubElement(root, _m("fileSec"), {"ID": "filesec"})
    group = etree.SubElement(
        file_section,
        _m("fileGrp"),
        {
            "ID": "filegrp-rep1",
            "USE": "Representations/rep1",
            f"{{{CSIP}}}CONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
        },
    )
    for number, packed in enumerate(files, 1):
        entry = etree.SubElement(
            group, _m("file"), {"ID": f"file-{number}", "MIMETYPE": "application/pdf"}
        )
        _checked(entry, packed)
        _link(etree.SubElement(entry, _m("FLocat")), packed.path)
    structure = etree.SubElement(
        root, _m("structMap"), {"ID": "structmap", "TYPE": "PHYSICAL", "LABEL": "CSIP"}
    )
    top = etree.SubElement(structure, _m("div"), {"ID": "div-root", "LABEL": package_id})
    etree.SubElement(
        top, _m("div"), {"ID": "div-metadata", "LABEL": "Metadata", "DMDID": "dmd-erms"}
    )
    representation = etree.SubElement(
        top, _m("div"), {"ID": "div-rep1", "LABEL": "Representations/rep1"}
    )
    for number in range(1, len(files) + 1):
        etree.SubElement(representation, _m("fptr"), {"FILEID": f"file-{number}"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
