"""METS.xml names every other file of the package, with its size and a SHA-256 checksum that
matches the file's bytes, and draws each in its structure map."""

import hashlib

from kansli.archive.tests.conftest import NS, XLINK, Unpacked

HREF = f"{{{XLINK}}}href"


def test_every_file_has_its_checksum_in_mets(exported: Unpacked) -> None:
    mets = exported.mets
    listed = {
        element.get(HREF): element.getparent() for element in mets.findall(".//m:file/m:FLocat", NS)
    }
    for reference in mets.findall(".//m:dmdSec/m:mdRef", NS):
        listed[reference.get(HREF)] = reference

    assert set(listed) == set(exported.files) - {"METS.xml"}
    for path, element in listed.items():
        data = exported.files[path]
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        assert element.get("CHECKSUM") == hashlib.sha256(data).hexdigest(), path
        assert element.get("SIZE") == str(len(data)), path


def test_every_file_is_in_the_structure_map(exported: Unpacked) -> None:
    mets = exported.mets
    files = {element.get("ID") for element in mets.findall(".//m:fileSec//m:file", NS)}
    pointed = {element.get("FILEID") for element in mets.findall(".//m:structMap//m:fptr", NS)}

    assert files == pointed
    assert mets.find(".//m:structMap//m:div[@DMDID='dmd-erms']", NS) is not None


def test_the_package_says_what_it_is(exported: Unpacked) -> None:
    mets = exported.mets
    csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"

    assert mets.get(f"{{{csip}}}CONTENTINFORMATIONTYPE") == "citserms_v2_1"
    assert mets.find("m:metsHdr", NS).get(f"{{{csip}}}OAISPACKAGETYPE") == "SIP"
