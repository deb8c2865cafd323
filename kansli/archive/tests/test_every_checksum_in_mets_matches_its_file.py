"""The package's METS documents name every other file of the package, with its size and a
SHA-256 checksum that matches the file's bytes, and draw each in their structure maps: the
package's METS.xml its metadata, schema and the representation's METS.xml, which names the
representation's files."""

import hashlib

from kansli.archive.tests.conftest import CSIP, NS, XLINK, Unpacked

HREF = f"{{{XLINK}}}href"


def test_every_file_has_its_checksum_in_mets(exported: Unpacked) -> None:
    listed = {}
    for folder, mets in exported.mets_documents().items():
        for element in mets.findall(".//m:file/m:FLocat", NS):
            listed[folder + element.get(HREF)] = element.getparent()
        for reference in mets.findall(".//m:dmdSec/m:mdRef", NS):
            listed[folder + reference.get(HREF)] = reference

    assert set(listed) == set(exported.files) - {"METS.xml"}
    for path, element in listed.items():
        data = exported.files[path]
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        assert element.get("CHECKSUM") == hashlib.sha256(data).hexdigest(), path
        assert element.get("SIZE") == str(len(data)), path


def test_every_file_is_in_the_structure_map(exported: Unpacked) -> None:
    for mets in exported.mets_documents().values():
        groups = {element.get("ID") for element in mets.findall(".//m:fileSec/m:fileGrp", NS)}
        pointed = {element.get("FILEID") for element in mets.findall(".//m:structMap//m:fptr", NS)}
        pointed |= {
            element.get(f"{{{XLINK}}}title")
            for element in mets.findall(".//m:structMap//m:mptr", NS)
        }

        assert groups == pointed
        assert all(group.findall("m:file", NS) for group in mets.findall(".//m:fileGrp", NS))
    assert exported.mets.find(".//m:structMap//m:div[@DMDID='dmd-erms']", NS) is not None


def test_the_package_says_what_it_is(exported: Unpacked) -> None:
    mets = exported.mets

    assert mets.get(f"{{{CSIP}}}CONTENTINFORMATIONTYPE") == "citserms_v2_1"
    assert mets.find("m:metsHdr", NS).get(f"{{{CSIP}}}OAISPACKAGETYPE") == "SIP"
