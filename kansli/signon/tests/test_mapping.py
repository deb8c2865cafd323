"""The administrator's mapping file: read as docs/identity.md describes it, every mistake named
with its line, and `kansli signon check` saying the same."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansli.accounts.models import Role
from kansli.organisation.models import Body
from kansli.signon.directory import MappingError, Match, parse

EXAMPLE = Path(__file__).resolve().parents[3] / "deploy" / "signon-roles.example.yaml"


def problems(text: str) -> list[str]:
    with pytest.raises(MappingError) as refused:
        parse(text)
    return refused.value.problems


def test_the_example_file_reads_as_documented() -> None:
    directory = parse(EXAMPLE.read_text())

    assert directory.match == Match.EMPLOYEE_NUMBER
    assert directory.claim == "employee_number"
    assert directory.groups_claim == "groups"
    assert directory.create_users is False
    assert directory.roles("vanersborg", {"Kansli-Kommundirektor", "Okänd"}) == {
        Role.DIRECTOR,
        Role.CASE_OFFICER,
    }
    assert directory.roles("blekinge", {"Kansli-Kommundirektor"}) == frozenset()
    assert directory.roles("stockholm", {"Kansli-Registratorer"}) == frozenset()


def test_each_mistake_is_named_with_its_line() -> None:
    found = problems(
        "person:\n"
        "  match: personnummer\n"
        "  claim: sub\n"
        "groups_claim: groups\n"
        "create_users: kanske\n"
        "bodies:\n"
        "  vanersborg:\n"
        "    KS: [registrar, kung]\n"
        "extra: 1\n"
    )

    assert found == [
        "rad 9: okänd nyckel extra; nycklarna är person, groups_claim, create_users, bodies.",
        "rad 2: person.match ska vara en av employee_number, email, username, inte personnummer.",
        "rad 5: create_users ska vara true eller false.",
        "rad 8: okänd roll kung; rollerna är registrar, secretary, case_officer, director, "
        "elected_member, administrator.",
    ]


def test_missing_keys_and_broken_yaml_are_named() -> None:
    assert problems("person:\n  claim: sub\n") == [
        "rad 1: groups_claim saknas.",
        "rad 1: bodies saknas.",
        "rad 2: person.match saknas.",
    ]
    assert problems("person: [\n") == ["rad 2: filen är inte giltig YAML."]
    assert problems("") == ["rad 1: filen ska vara en uppställning av nycklar och värden."]


def test_the_check_command_accepts_a_valid_file_of_known_bodies(body: Body, tmp_path: Path) -> None:
    file = tmp_path / "signon.yaml"
    file.write_text(
        "person: {match: email, claim: email}\ngroups_claim: roles\n"
        "bodies:\n  vanersborg:\n    KS: [registrar]\n"
    )
    out = StringIO()

    call_command("signon", "check", str(file), stdout=out)

    assert "Mappningsfilen är giltig" in out.getvalue()


def test_the_check_command_names_unknown_bodies_and_mistakes(body: Body, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="ingen kommun eller region med kortnamnet blekinge"):
        call_command("signon", "check", str(EXAMPLE))

    broken = tmp_path / "signon.yaml"
    broken.write_text(EXAMPLE.read_text().replace("[registrar]", "[registrator]", 1))
    with pytest.raises(CommandError, match="rad 28: okänd roll registrator"):
        call_command("signon", "check", str(broken))
