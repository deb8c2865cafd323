"""The package's ERMS document validates against the vendored ERMS.xsd, and the package has
the E-ARK SIP's shape: METS.xml in the root folder, the ERMS document under
metadata/descriptive, its schema under schemas, the files under representations/rep1/data with
the representation's METS.xml beside them."""

from pathlib import Path

from lxml import etree

from kansli.archive.tests.conftest import NS, Unpacked, World

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "ERMS.xsd"


def test_the_erms_document_validates_against_the_vendored_schema(exported: Unpacked) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))

    assert schema.validate(exported.erms), schema.error_log


def test_the_package_has_the_sip_folders(exported: Unpacked) -> None:
    assert exported.root == exported.mets.get("OBJID")
    assert "METS.xml" in exported.files
    assert "metadata/descriptive/erms.xml" in exported.files
    data = [path for path in exported.files if path.startswith("representations/rep1/data/")]
    assert len(data) == 4  # the secret letter's PDF; the offer's PDF, image and e-mail
    assert set(exported.files) == {
        "METS.xml",
        "metadata/descriptive/erms.xml",
        "schemas/ERMS.xsd",
        "representations/rep1/METS.xml",
        *data,
    }


def test_each_case_is_an_aggregation_with_its_documents_as_records(
    exported: Unpacked, world: World
) -> None:
    cases = exported.erms.findall(".//e:aggregation", NS)
    plain = next(
        a for a in cases if a.findtext("e:objectId", namespaces=NS) == world.plain_case.number
    )

    assert plain.get("aggregationType") == "caseFile"
    assert plain.findtext("e:title", namespaces=NS) == "Laddplatser vid kommunhuset"
    assert plain.find("e:status", NS).get("value") == "closed"
    closed = plain.find("e:dates/e:date[@dateType='closed']", NS).text
    assert closed.startswith(world.plain_case.closed_on.isoformat())
    record = plain.find("e:record", NS)
    assert record.findtext("e:objectId", namespaces=NS) == world.public_letter.number
    assert record.findtext("e:title", namespaces=NS) == "Offert på laddplatser"
    assert record.find("e:direction", NS).get("directionDefinition") == "incoming"
    appendices = record.findall("e:additionalInformation/e:appendix", NS)
    assert [a.get("name") for a in appendices] == ["offert.pdf", "bild.png", "fraga.eml"]
    assert all(a.get("path") in exported.files for a in appendices)


def test_the_classification_goes_with_the_case_that_has_one(
    exported: Unpacked, world: World
) -> None:
    by_number = {
        a.findtext("e:objectId", namespaces=NS): a
        for a in exported.erms.findall(".//e:aggregation", NS)
    }

    secret = by_number[world.secret_case.number].find("e:classification", NS)
    assert secret.get("classificationCode") == "2.3.1"
    assert by_number[world.plain_case.number].find("e:classification", NS) is None
