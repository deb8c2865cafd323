import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify
from kansli.followup.models import BudgetInitiative, BudgetLine, Outcome
from kansli.followup.selectors.economy import (
    economy_standing,
    open_budget_initiatives_evidence,
)
from kansli.followup.services import economy
from kansli.followup.tests.conftest import person
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization

ON = datetime.date(2026, 4, 10)
BUDGET = """organisation;år;månad;belopp
bun;2026;1;100 000
bun;2026;2;100 000
bun;2026;3;100 000
"""


def outcomes(*amounts: str) -> str:
    lines = [f"bun;2026;{month};{amount}" for month, amount in enumerate(amounts, start=1)]
    return "\n".join(["organisation;år;månad;belopp", *lines])


@pytest.fixture
def budgeted(body: Body, committee: Organization, director_user, director) -> Body:
    economy.budget_import(actor=director_user, body=body, text=BUDGET)
    economy.threshold_set(actor=director_user, body=body, percent=Decimal(5))
    return body


def test_a_file_with_wrong_lines_names_each_line_and_imports_nothing(budgeted, director_user):
    text = outcomes("100 000", "tusen") + "\nokand;2026;3;5\nbun;2026;13;5\nbun;2026;1;7\n"
    with pytest.raises(ValidationError) as error:
        economy.outcomes_import(actor=director_user, body=budgeted, text=text, source="f.csv")
    assert error.value.messages == [
        "Rad 3: beloppet ”tusen” är inget tal.",
        "Rad 4: det finns ingen organisation med kortnamnet ”okand”.",
        "Rad 5: månaden ”13” ska vara ett tal från 1 till 12.",
        "Rad 6: bun 2026-01 står redan på rad 2.",
    ]
    assert not Outcome.objects.exists()


def test_a_file_without_the_columns_is_refused_on_its_first_line(budgeted, director_user):
    with pytest.raises(ValidationError, match="Rad 1: kolumnerna ska vara"):
        economy.outcomes_import(
            actor=director_user, body=budgeted, text="org;year\nbun;2026", source="f.csv"
        )


def test_importing_a_month_again_replaces_it_and_logs_the_removal(budgeted, director_user):
    economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("90 000,50"), source="jan.csv", on=ON
    )
    economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("95 000"), source="jan2.csv", on=ON
    )
    assert list(Outcome.objects.values_list("amount", "source")) == [
        (Decimal("95000.00"), "jan2.csv")
    ]
    assert Event.objects.filter(action="outcome.delete").count() == 1
    assert chain_verify().intact


def test_an_outcome_within_the_threshold_takes_no_initiative(budgeted, director_user):
    result = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("104 000", "101 000"), source="f", on=ON
    )
    assert result.initiatives == []
    assert open_budget_initiatives_evidence(body=budgeted, on=ON).ok


def test_a_deviation_past_the_threshold_opens_a_case_to_the_board_once(
    budgeted, director_user, director, board
):
    result = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("104 000", "107 000"), source="f", on=ON
    )
    [initiative] = result.initiatives
    assert (initiative.month, initiative.budget, initiative.outcome) == (
        2,
        Decimal(200_000),
        Decimal(211_000),
    )
    assert initiative.case.organization == board
    assert initiative.case.case_officer == director
    assert initiative.case.title.startswith("Budgetavvikelse: Barn- och utbildningsnämnden")
    again = economy.deviations_check(actor=director_user, body=budgeted, on=ON)
    assert again == []
    evidence = open_budget_initiatives_evidence(body=budgeted, on=ON)
    assert (evidence.ok, evidence.count) == (False, 1)


def test_the_threshold_amount_applies_when_it_is_reached_before_the_share(budgeted, director_user):
    economy.threshold_set(
        actor=director_user, body=budgeted, percent=Decimal(5), amount=Decimal(1_000)
    )
    result = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("101 500"), source="f", on=ON
    )
    assert len(result.initiatives) == 1


def test_an_initiative_the_board_has_dealt_with_is_closed(budgeted, director_user):
    [initiative] = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000"), source="f", on=ON
    ).initiatives
    meeting = _board_meeting(budgeted)
    economy.budget_initiative_deal_with(
        actor=director_user, initiative=initiative, meeting=meeting, minute_number=12
    )
    initiative.refresh_from_db()
    assert initiative.dealt_with_in == "KS 2026-04-20 § 12"
    assert open_budget_initiatives_evidence(body=budgeted, on=ON).ok
    with pytest.raises(ValidationError, match="redan behandlat"):
        economy.budget_initiative_deal_with(
            actor=director_user, initiative=initiative, meeting=meeting, minute_number=12
        )


def test_a_deviation_that_grows_after_the_board_dealt_with_it_opens_a_new_initiative(
    budgeted, director_user
):
    [first] = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000"), source="f", on=ON
    ).initiatives
    economy.budget_initiative_deal_with(
        actor=director_user, initiative=first, meeting=_board_meeting(budgeted), minute_number=3
    )
    again = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000"), source="f", on=ON
    )
    assert again.initiatives == []
    later = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000", "120 000"), source="f", on=ON
    )
    assert [row.month for row in later.initiatives] == [2]
    assert BudgetInitiative.objects.count() == 2


def test_without_a_threshold_the_evidence_is_red(body, committee):
    evidence = open_budget_initiatives_evidence(body=body, on=ON)
    assert (evidence.ok, evidence.summary) == (False, "Ingen gräns för budgetavvikelse är satt.")
    assert evidence.url == "/vanersborg/uppfoljning/ekonomi/"


def test_the_budget_set_by_hand_counts_through_the_last_month_with_an_outcome(
    budgeted, director_user, committee
):
    economy.budget_set(
        actor=director_user, organization=committee, year=2026, month=1, amount=Decimal(50_000)
    )
    economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("40 000"), source="f", on=ON
    )
    [row] = economy_standing(body=budgeted, year=2026)
    assert (row.month, row.budget, row.outcome, row.deviation) == (
        1,
        Decimal(50_000),
        Decimal(40_000),
        Decimal(-10_000),
    )
    assert BudgetLine.objects.count() == 3


def test_a_board_member_may_not_import(budgeted, member_user):
    with pytest.raises(PermissionDenied):
        economy.outcomes_import(
            actor=member_user, body=budgeted, text=outcomes("1"), source="f", on=ON
        )


def _board_meeting(body: Body) -> Meeting:
    return meetings.meeting_schedule(
        actor=None,
        organization=Organization.objects.get(body=body, kind=Organization.Kind.EXECUTIVE_BOARD),
        starts_at=datetime.datetime(2026, 4, 20, 13, tzinfo=datetime.UTC),
    )


def test_an_initiative_whose_case_the_board_decides_is_dealt_with_there(
    budgeted, director_user, board
):
    [initiative] = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000"), source="f", on=ON
    ).initiatives
    for number, given in enumerate(("Anna", "Bo", "Cecilia"), start=1):
        organisation.membership_create(
            actor=None,
            person=person(budgeted, given, "Ledamot"),
            organization=board,
            role=Membership.Role.MEMBER,
            rank=number,
            start=datetime.date(2023, 1, 1),
        )
    meeting = _board_meeting(budgeted)
    item = meetings.item_add(
        actor=None,
        meeting=meeting,
        title=initiative.case.title,
        case=initiative.case,
        proposal="att lägga informationen till handlingarna",
    )
    meetings.attendance_prefill(actor=None, meeting=meeting)
    meetings.meeting_open(actor=None, meeting=meeting)
    decided = meetings.item_decide(actor=None, item=item)
    assert open_budget_initiatives_evidence(body=budgeted, on=ON).ok
    economy.deviations_check(actor=director_user, body=budgeted, on=ON)
    initiative.refresh_from_db()
    assert initiative.dealt_with_on == datetime.date(2026, 4, 20)
    assert initiative.dealt_with_in == f"KS 2026-04-20 § {decided.minute_number}"


def test_december_imported_in_january_is_checked_against_its_own_year(budgeted, director_user):
    text = "organisation;år;månad;belopp\nbun;2025;12;500\n"
    economy.budget_set(
        actor=director_user,
        organization=Organization.objects.get(slug="bun"),
        year=2025,
        month=12,
        amount=Decimal(100),
    )
    [initiative] = economy.outcomes_import(
        actor=director_user, body=budgeted, text=text, source="f", on=datetime.date(2026, 1, 8)
    ).initiatives
    assert (initiative.year, initiative.month, initiative.opened_on) == (
        2025,
        12,
        datetime.date(2026, 1, 8),
    )


def test_only_a_meeting_of_the_board_deals_with_an_initiative(budgeted, director_user, committee):
    [initiative] = economy.outcomes_import(
        actor=director_user, body=budgeted, text=outcomes("120 000"), source="f", on=ON
    ).initiatives
    committee_meeting = meetings.meeting_schedule(
        actor=None,
        organization=committee,
        starts_at=datetime.datetime(2026, 4, 21, 13, tzinfo=datetime.UTC),
    )
    with pytest.raises(ValidationError, match="behandlas av styrelsen"):
        economy.budget_initiative_deal_with(
            actor=director_user, initiative=initiative, meeting=committee_meeting, minute_number=1
        )
