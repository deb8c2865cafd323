from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from kansli.followup.models import BudgetInitiative, Outcome
from kansli.followup.services import economy

PAGE = "/vanersborg/uppfoljning/ekonomi/"


def upload(text: str, kind: str = "utfall") -> dict:
    return {"slag": kind, "fil": SimpleUploadedFile("utfall.csv", text.encode())}


def test_a_board_member_reads_the_page_without_the_forms_and_may_not_import(
    client, body, committee, member_user
):
    client.force_login(member_user)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Ingen gräns för budgetavvikelse är satt." in page.content.decode()
    assert "Läs in budget eller utfall" not in page.content.decode()
    refused = client.post(PAGE + "import/", upload("organisation;år;månad;belopp\nbun;2026;1;5"))
    assert refused.status_code == 403
    assert not Outcome.objects.exists()


def test_the_director_imports_and_the_deviation_shows_as_waiting_for_the_board(
    client, body, board, committee, director, director_user, django_capture_on_commit_callbacks
):
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    economy.budget_set(actor=None, organization=committee, year=2026, month=1, amount=Decimal(1000))
    client.force_login(director_user)
    # Imported by a background task once the request's write has committed
    # (test_economy_import_task.py).
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            PAGE + "import/", upload("organisation;år;månad;belopp\nbun;2026;1;2000")
        )
    assert done.status_code == 302
    page = client.get(PAGE + "?ar=2026").content.decode()
    assert "Barn- och utbildningsnämnden" in page
    assert "väntar på styrelsen" in page
    assert '<title id="budget-och-utfall-title">Budget och utfall 2026</title>' in page
    assert 'name="procent" value="5.00"' in page
    assert BudgetInitiative.objects.get().case.number in page


def test_a_wrong_file_is_refused_with_its_line_named_on_the_page(
    client, body, committee, director, director_user
):
    client.force_login(director_user)
    page = client.post(PAGE + "import/", upload("organisation;år;månad;belopp\nbun;2026;1;x"))
    assert page.status_code == 400
    assert "Rad 2: beloppet ”x” är inget tal." in page.content.decode()


def test_the_standing_is_exported_as_csv(client, body, committee, member_user):
    economy.budget_set(actor=None, organization=committee, year=2026, month=1, amount=Decimal(1000))
    client.force_login(member_user)
    response = client.get(PAGE + "budget-och-utfall.csv?ar=2026")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Organisation;År;Till och med månad;Budget hittills")
    assert lines[1] == "Barn- och utbildningsnämnden;2026;0;0;0;0;nej"
    assert client.get(PAGE + "initiativ.csv").status_code == 200
