"""Every command that is given a body by its short name refuses an unknown one the same way:
one Swedish message that names the short names there are, and exit code 2 (bad input)."""

import pytest
from django.core.management import CommandError, call_command

from kansli.organisation import services as organisation
from kansli.organisation.models import Body

COMMANDS = [
    ("registry", "requests", "atlantis"),
    ("economy", "import", "utfall.csv", "--body", "atlantis"),
    ("certification", "check", "--body", "atlantis"),
    ("delegation", "export", "--body", "atlantis"),
    ("authority", "rules", "--body", "atlantis"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(args[:2]) for args in COMMANDS])
def test_an_unknown_body_is_bad_input_naming_the_known_ones(body: Body, args: tuple[str]) -> None:
    organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )

    with pytest.raises(CommandError) as error:
        call_command(*args)

    assert str(error.value) == (
        "Det finns ingen kommun eller region med kortnamnet atlantis. "
        "Kortnamnen är: blekinge, vanersborg."
    )
    assert error.value.returncode == 2


def test_with_no_bodies_the_message_says_so(db: None) -> None:
    with pytest.raises(CommandError) as error:
        call_command("registry", "requests", "atlantis")

    assert str(error.value).endswith("Kortnamnen är: –.")
