import json
from io import StringIO

from django.core.management import call_command

from kansli.organisation import services as organisation
from kansli.organisation.models import Body


def bodies(*args: str) -> str:
    out = StringIO()
    call_command("bodies", *args, stdout=out)
    return out.getvalue()


def make_bodies() -> None:
    organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )
    organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )


def test_bodies_json_lists_slug_and_name_sorted_by_name(db):
    make_bodies()

    output = bodies("--json")

    assert json.loads(output) == [
        {"slug": "blekinge", "name": "Region Blekinge"},
        {"slug": "vanersborg", "name": "Vänersborgs kommun"},
    ]
    assert "Vänersborgs kommun" in output


def test_bodies_json_is_an_empty_list_without_bodies(db):
    assert json.loads(bodies("--json")) == []


def test_bodies_without_json_prints_a_table(db):
    make_bodies()

    lines = bodies().splitlines()

    assert lines[0].split() == ["Kortnamn", "Namn"]
    assert lines[1].split(maxsplit=1) == ["blekinge", "Region Blekinge"]
    assert lines[2].split(maxsplit=1) == ["vanersborg", "Vänersborgs kommun"]


def test_bodies_without_json_says_when_there_are_none(db):
    assert bodies() == "Inga kommuner eller regioner.\n"
