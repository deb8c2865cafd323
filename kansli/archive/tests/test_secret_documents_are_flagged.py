"""A secret document goes into the package whole, flagged: a restriction that cites its OSL
provision and the reason; its sender, whom secrecy masks, is not named. A public sender is."""

from lxml import etree

from kansli.archive.tests.conftest import NS, Unpacked, World


def _record(exported: Unpacked, number: str) -> etree._Element:
    return next(
        r
        for r in exported.erms.findall(".//e:record", NS)
        if r.findtext("e:objectId", namespaces=NS) == number
    )


def test_the_secret_letter_carries_its_secrecy(exported: Unpacked, world: World) -> None:
    record = _record(exported, world.secret_letter.number)

    restriction = record.find("e:restriction", NS)
    assert restriction.get("restrictionType") == "confidential"
    assert restriction.findtext("e:regulation", namespaces=NS) == "OSL 23 kap. 1 §"
    assert "personliga förhållanden" in restriction.findtext("e:explanatoryText", namespaces=NS)
    assert record.findtext("e:title", namespaces=NS) == "Anmälan om kränkande behandling av elev"
    assert len(record.findall(".//e:appendix", NS)) == 1


def test_a_masked_sender_is_not_named(exported: Unpacked, world: World) -> None:
    record = _record(exported, world.secret_letter.number)

    assert record.find("e:agents/e:agent[@agentType='sender']", NS) is None
    assert (
        b"F\xc3\xb6r\xc3\xa4lder F\xc3\xb6r\xc3\xa4ldersson"
        not in exported.files["metadata/descriptive/erms.xml"]
    )


def test_a_public_document_has_no_restriction_and_names_its_sender(
    exported: Unpacked, world: World
) -> None:
    record = _record(exported, world.public_letter.number)

    assert record.find("e:restriction", NS) is None
    sender = record.find("e:agents/e:agent[@agentType='sender']", NS)
    assert sender.findtext("e:name", namespaces=NS) == "Elbolaget AB"
