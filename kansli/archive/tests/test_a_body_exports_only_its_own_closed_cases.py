"""An export holds the body's cases closed before the day: not one closed on or after it, not
an open one, never another body's."""

from kansli.archive.tests.conftest import NS, Unpacked, World


def test_only_the_bodys_cases_closed_before_the_day(exported: Unpacked, world: World) -> None:
    numbers = {
        a.findtext("e:objectId", namespaces=NS)
        for a in exported.erms.findall(".//e:aggregation", NS)
    }

    assert numbers == {world.secret_case.number, world.plain_case.number}
    text = b"".join(exported.files.values())
    assert "Blekinges avslutade ärende".encode() not in text
    assert "Avslutat i går".encode() not in text
    assert "Pågående ärende".encode() not in text
