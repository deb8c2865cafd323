from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from kansli.followup.models import BudgetInitiative, BudgetLine, Outcome
from kansli.followup.services import economy


def test_the_command_imports_the_budget_and_then_outcomes_opening_an_initiative(
    tmp_path: Path, body, board, committee, director, capsys
):
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    budget = tmp_path / "budget.csv"
    budget.write_text("organisation;år;månad;belopp\nbun;2026;1;1000\n", encoding="utf-8")
    call_command("economy", "import", str(budget), "--body", "vanersborg", "--budget")
    assert BudgetLine.objects.get().amount == Decimal(1000)
    outcome = tmp_path / "utfall.csv"
    outcome.write_text("\ufefforganisation,år,månad,belopp\nbun,2026,1,2000\n", encoding="utf-8")
    call_command("economy", "import", str(outcome), "--body", "vanersborg")
    output = capsys.readouterr().out
    assert "1 utfallsrader inlästa." in output
    assert "Budgetavvikelse för Barn- och utbildningsnämnden: ärende" in output
    initiative = BudgetInitiative.objects.get()
    assert initiative.opened_on == timezone.localdate()
    assert Outcome.objects.get().source == "utfall.csv"


def test_a_wrong_file_fails_with_its_lines_named_and_nothing_imported(
    tmp_path: Path, body, committee
):
    wrong = tmp_path / "utfall.csv"
    wrong.write_text("organisation;år;månad;belopp\nbun;2026;1;100\nbun;2026;x;5\n")
    with pytest.raises(CommandError, match=r"Inget lästes in ur .*: Rad 3: månaden ”x”"):
        call_command("economy", "import", str(wrong), "--body", "vanersborg")
    assert not Outcome.objects.exists()


def test_an_unknown_body_or_a_missing_file_is_an_error(tmp_path: Path, body):
    with pytest.raises(CommandError, match="kortnamnet nowhere"):
        call_command("economy", "import", "x.csv", "--body", "nowhere")
    with pytest.raises(CommandError, match="kan inte läsas"):
        call_command("economy", "import", str(tmp_path / "x.csv"), "--body", "vanersborg")
