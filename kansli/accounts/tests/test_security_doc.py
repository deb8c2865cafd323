"""docs/security.md states who may do what exactly as the policies decide it."""

from pathlib import Path

from django.conf import settings

from kansli.accounts.selectors import policy_table

DOC = Path(settings.BASE_DIR) / "docs" / "security.md"
START, END = "<!-- policy-table: kansli policy -->\n", "<!-- /policy-table -->"


def test_the_security_document_holds_the_policies_table_as_generated() -> None:
    text = DOC.read_text()
    table = text[text.index(START) + len(START) : text.index(END)]

    assert table.strip() == policy_table().strip(), (
        "docs/security.md is behind the policies: paste in what `kansli policy` prints"
    )


def test_every_action_names_the_roles_or_the_people_it_lets_through() -> None:
    table = policy_table()

    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith("| Åtgärd"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            assert any(cells[1:]), f"an action that nobody may take: {cells[0]}"
