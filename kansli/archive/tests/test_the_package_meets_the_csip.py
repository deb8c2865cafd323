"""The exported package meets the machine-checkable requirements of the E-ARK Common
Specification for Information Packages (CSIP 2.1.0: its folder structure, CSIPSTR1-16, and its
METS profile, https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml) and of the E-ARK SIP profile
2.1 (https://earksip.dilcis.eu/profile/E-ARK-SIP.xml), one test per group of requirements, the
ids cited.

The DILCIS Board's own validator (eark-validator 1.1.3 on PyPI) cannot run here: importing it
fetches four CSIP vocabularies from earkcsip.dilcis.eu (the machine running the tests has no
such network), and it pins lxml 5.1.0 where Kansli has 6.2.0. The terms checked below are
from the CSIP's vocabulary files (CSIPVocabularyContentCategory.xml,
CSIPVocabularyContentInformationType.xml, CSIPVocabularyStatus.xml).

What the package does not have, and why: no amdSec (CSIP31-57: no preservation or rights
metadata is exported); no Documentation file group or division (CSIP60, CSIP93-96: the package
carries no documentation, and the profile's "all documentation ... is placed in" groups of their
own has nothing to place); the representation's METS.xml has no dmdSec and no Metadata division
(CSIP17, CSIP88: the description is the package's, in the package's METS.xml).
"""

from pathlib import Path

from lxml import etree

from kansli.archive.tests.conftest import CSIP, NS, XLINK, Unpacked
from kansli.organisation.models import Body

HREF = f"{{{XLINK}}}href"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "ERMS.xsd"
CONTENT_CATEGORY = "Mixed"  # CSIPVocabularyContentCategory: records of several kinds
CONTENT_INFORMATION_TYPE = "citserms_v2_1"  # CSIPVocabularyContentInformationType: CITS ERMS 2.1
SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"


def _csip(name: str) -> str:
    return f"{{{CSIP}}}{name}"


def _located(element: etree._Element, folder: str, exported: Unpacked) -> str:
    """CSIP22-24, CSIP77-79, CSIP110-112: a URL-located, simple xlink to a file that is in the
    package; the path it names, from the package's root."""
    assert element.get("LOCTYPE") == "URL"
    assert element.get(f"{{{XLINK}}}type") == "simple"
    path = folder + element.get(HREF)
    assert path in exported.files, path
    return path


def _described(element: etree._Element) -> None:
    """CSIP26-30, CSIP68-72: the file's type, size, creation time and checksum."""
    for attribute in ("MIMETYPE", "SIZE", "CREATED", "CHECKSUM", "CHECKSUMTYPE"):
        assert element.get(attribute), attribute
    assert element.get("CHECKSUMTYPE") == "SHA-256"


def test_the_folders_follow_the_csip_structure(exported: Unpacked) -> None:
    """CSIPSTR1, CSIPSTR2, CSIPSTR4, CSIPSTR5, CSIPSTR7, CSIPSTR9-12, CSIPSTR15."""
    files = set(exported.files)

    assert exported.root == exported.mets.get("OBJID")  # one root folder, named by OBJID
    assert "METS.xml" in files
    assert "metadata/descriptive/erms.xml" in files
    assert "representations/rep1/METS.xml" in files
    assert any(path.startswith("representations/rep1/data/") for path in files)
    assert exported.files["schemas/ERMS.xsd"] == SCHEMA.read_bytes()
    representation = {path for path in files if path.startswith("representations/")}
    assert all(
        path == "representations/rep1/METS.xml" or path.startswith("representations/rep1/data/")
        for path in representation
    )


def test_each_mets_document_says_what_it_is(exported: Unpacked) -> None:
    """CSIP1-6, SIP1, SIP2: the identifier (the package's root folder, the representation's
    folder), the content category and content information type from their vocabularies, and
    the SIP profile."""
    objids = {"": exported.root, "representations/rep1/": "rep1"}
    for folder, mets in exported.mets_documents().items():
        assert mets.tag == f"{{{NS['m']}}}mets"
        assert mets.get("OBJID") == objids[folder]
        assert mets.get("TYPE") == CONTENT_CATEGORY
        assert mets.get(_csip("CONTENTINFORMATIONTYPE")) == CONTENT_INFORMATION_TYPE
        assert mets.get("PROFILE") == SIP_PROFILE
    assert exported.mets.get("LABEL")


def test_each_header_names_the_software_and_the_package_type(exported: Unpacked) -> None:
    """CSIP117, CSIP7, CSIP9-16, SIP4: one header with its creation time, the OAIS package
    type SIP, and one agent for the software that made the package, with its version."""
    for mets in exported.mets_documents().values():
        headers = mets.findall("m:metsHdr", NS)
        assert len(headers) == 1
        header = headers[0]
        assert header.get("CREATEDATE")
        assert header.get(_csip("OAISPACKAGETYPE")) == "SIP"
        software = header.findall("m:agent[@ROLE='CREATOR'][@TYPE='OTHER']", NS)
        assert len(software) == 1
        assert software[0].get("OTHERTYPE") == "SOFTWARE"
        assert [name.text for name in software[0].findall("m:name", NS)] == ["Kansli"]
        notes = software[0].findall("m:note", NS)
        assert len(notes) == 1
        assert notes[0].get(_csip("NOTETYPE")) == "SOFTWARE VERSION"
        assert notes[0].text


def test_the_package_names_its_archival_creator_and_submitter(
    exported: Unpacked, body: Body
) -> None:
    """SIP9-12 and SIP15-18: the archival creator (ARCHIVIST) and the submitting agent
    (CREATOR), each an organisation with its name; here both the body."""
    header = exported.mets.find("m:metsHdr", NS)

    for role in ("ARCHIVIST", "CREATOR"):
        agents = header.findall(f"m:agent[@ROLE='{role}'][@TYPE='ORGANIZATION']", NS)
        assert [agent.findtext("m:name", namespaces=NS) for agent in agents] == [body.name]


def test_the_descriptive_metadata_is_referenced_with_its_checksum(exported: Unpacked) -> None:
    """CSIP17-30: a dmdSec with its id, creation time and status, referencing the ERMS document
    in metadata/descriptive by URL with its type, MIME type, size, creation time and checksum."""
    sections = exported.mets.findall("m:dmdSec", NS)

    assert len(sections) == 1
    section = sections[0]
    assert section.get("ID")
    assert section.get("CREATED")
    assert section.get("STATUS") == "CURRENT"  # CSIPVocabularyStatus
    reference = section.find("m:mdRef", NS)
    assert _located(reference, "", exported) == "metadata/descriptive/erms.xml"
    assert reference.get("MDTYPE") == "OTHER"
    assert reference.get("OTHERMDTYPE") == "ERMS"
    _described(reference)


def test_the_file_sections_group_the_schemas_and_the_representation(exported: Unpacked) -> None:
    """CSIP58, CSIP59, CSIP62, CSIP64-72, CSIP76-79, CSIP113, CSIP114: one file section with
    its id; the package's groups are the schemas (USE "Schemas") and the representation (USE
    "Representations/rep1", with its content information type); every group has an id, a USE
    and files, every file its id, type, size, creation time, checksum and location."""
    uses = {}
    for folder, mets in exported.mets_documents().items():
        sections = mets.findall("m:fileSec", NS)
        assert len(sections) == 1
        assert sections[0].get("ID")
        for group in sections[0].findall("m:fileGrp", NS):
            assert group.get("ID")
            uses[group.get("USE")] = group
            if group.get("USE").startswith("Representations"):
                assert group.get(_csip("CONTENTINFORMATIONTYPE")) == CONTENT_INFORMATION_TYPE
            files = group.findall("m:file", NS)
            assert files
            for file in files:
                assert file.get("ID")
                _described(file)
                locations = file.findall("m:FLocat", NS)
                assert len(locations) == 1
                _located(locations[0], folder, exported)

    assert set(uses) == {"Schemas", "Representations/rep1", "Representations/rep1/data"}
    schemas = uses["Schemas"].findall("m:file/m:FLocat", NS)
    assert [location.get(HREF) for location in schemas] == ["schemas/ERMS.xsd"]
    representation = uses["Representations/rep1"].findall("m:file/m:FLocat", NS)
    assert [location.get(HREF) for location in representation] == ["representations/rep1/METS.xml"]


def test_the_structure_maps_draw_the_package(exported: Unpacked) -> None:
    """CSIP80-85, CSIP88-92, CSIP97-100, CSIP105-112, CSIP118: one PHYSICAL structMap labelled
    CSIP with one division; in it the Metadata division referencing every current dmdSec, the
    Schemas division pointing to the Schemas group, and the representation's division, labelled
    with its group's USE, pointing to the representation's METS.xml and naming its group."""
    mets = exported.mets
    maps = mets.findall("m:structMap[@LABEL='CSIP']", NS)
    assert len(maps) == 1
    assert maps[0].get("TYPE") == "PHYSICAL"
    assert maps[0].get("ID")
    divisions = maps[0].findall("m:div", NS)
    assert len(divisions) == 1
    top = divisions[0]
    assert top.get("ID")
    groups = {group.get("USE"): group.get("ID") for group in mets.findall(".//m:fileGrp", NS)}

    metadata = top.find("m:div[@LABEL='Metadata']", NS)
    assert metadata.get("ID")
    current = {section.get("ID") for section in mets.findall("m:dmdSec[@STATUS='CURRENT']", NS)}
    assert set(metadata.get("DMDID").split()) == current
    schemas = top.find("m:div[@LABEL='Schemas']", NS)
    assert schemas.get("ID")
    assert [pointer.get("FILEID") for pointer in schemas.findall("m:fptr", NS)] == [
        groups["Schemas"]
    ]
    representation = top.find("m:div[@LABEL='Representations/rep1']", NS)
    assert representation.get("ID")
    pointers = representation.findall("m:mptr", NS)
    assert len(pointers) == 1
    assert _located(pointers[0], "", exported) == "representations/rep1/METS.xml"
    assert pointers[0].get(f"{{{XLINK}}}title") == groups["Representations/rep1"]


def test_the_representation_map_points_to_its_data(exported: Unpacked) -> None:
    """CSIP80-85, CSIP101-104, CSIP119 in the representation's METS.xml: its content division
    (LABEL "Representations", as it holds no further representations) points to the group of
    its data files."""
    mets = exported.representation_mets
    maps = mets.findall("m:structMap[@LABEL='CSIP'][@TYPE='PHYSICAL']", NS)
    assert len(maps) == 1
    content = maps[0].find("m:div/m:div[@LABEL='Representations']", NS)

    assert content.get("ID")
    data = mets.find(".//m:fileGrp[@USE='Representations/rep1/data']", NS)
    assert [pointer.get("FILEID") for pointer in content.findall("m:fptr", NS)] == [data.get("ID")]


def test_every_id_is_unique_within_the_package(exported: Unpacked) -> None:
    """CSIP18, CSIP59, CSIP65, CSIP67, CSIP83, CSIP85, CSIP89, CSIP98, CSIP106: the xml:ids
    of all the package's METS documents together are unique."""
    ids = [
        element.get("ID")
        for mets in exported.mets_documents().values()
        for element in mets.iter()
        if element.get("ID")
    ]

    assert len(ids) == len(set(ids))
