import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.followup.models import SupervisionReport
from kansli.followup.selectors.supervision import (
    missing_supervision_reports_evidence,
    periods,
    reports_late,
    reports_missing,
    supervision_overview,
)
from kansli.followup.services import supervision
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization


@pytest.fixture
def company(body):
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.COMPANY,
        slug="vanersborgsbostader",
        name="Vänersborgsbostäder AB",
    )


@pytest.fixture
def template(body, director_user):
    return supervision.report_template_create(
        actor=director_user,
        body=body,
        name="Tertialrapport",
        organization_kind=Organization.Kind.COMPANY,
        interval_months=4,
        due_days=30,
        contents="Ekonomi, verksamhet och risker.",
    )


def test_the_periods_of_a_year_run_from_january_and_end_with_december():
    assert periods(2026, 5) == [
        (datetime.date(2026, 1, 1), datetime.date(2026, 5, 31)),
        (datetime.date(2026, 6, 1), datetime.date(2026, 10, 31)),
        (datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)),
    ]


def test_every_organization_of_the_kind_owes_a_report_per_period_once(
    template, company, committee, director_user
):
    made = supervision.supervision_reports_create(actor=director_user, template=template, year=2026)
    assert [(row.organization, row.period_start, row.due_on) for row in made] == [
        (company, datetime.date(2026, 1, 1), datetime.date(2026, 5, 30)),
        (company, datetime.date(2026, 5, 1), datetime.date(2026, 9, 30)),
        (company, datetime.date(2026, 9, 1), datetime.date(2027, 1, 30)),
    ]
    assert (
        supervision.supervision_reports_create(actor=director_user, template=template, year=2026)
        == []
    )


def test_a_report_not_filed_by_its_due_date_is_missing_and_one_filed_after_is_late(
    body, template, company, director_user
):
    supervision.supervision_reports_create(actor=director_user, template=template, year=2026)
    first = SupervisionReport.objects.order_by("period_start").first()
    on = datetime.date(2026, 6, 2)
    assert list(reports_missing(body=body, on=on)) == [first]
    evidence = missing_supervision_reports_evidence(body=body, on=on)
    assert (evidence.ok, evidence.count) == (False, 1)
    assert evidence.summary == "1 rapport för uppsikten saknas."
    supervision.supervision_report_file(
        actor=director_user, report=first, filed_on=datetime.date(2026, 6, 1), summary="Ok"
    )
    assert list(reports_late(body=body, on=on)) == [first]
    assert missing_supervision_reports_evidence(body=body, on=on).ok
    [overview] = supervision_overview(body=body, year=2026, on=on)
    [row] = overview.rows
    assert [cell.state for cell in row.cells] == ["late", "due", "due"]
    with pytest.raises(ValidationError, match="redan lämnad"):
        supervision.supervision_report_file(
            actor=director_user, report=first, filed_on=datetime.date(2026, 6, 1)
        )


def test_without_templates_the_evidence_is_red(body):
    evidence = missing_supervision_reports_evidence(body=body, on=datetime.date(2026, 1, 1))
    assert (evidence.ok, evidence.url) == (False, "/vanersborg/uppfoljning/uppsikt/")


def test_the_directors_initiative_is_a_case_to_the_board(company, director_user, director, board):
    initiative = supervision.supervision_initiative_take(
        actor=director_user,
        organization=company,
        reason="Bolaget har inte lämnat sin tertialrapport.",
        taken_on=datetime.date(2026, 6, 3),
    )
    assert initiative.case.organization == board
    assert initiative.case.case_officer == director
    assert initiative.case.title == "Initiativ inom uppsiktsplikten: Vänersborgsbostäder AB"


def test_a_board_member_may_not_file_or_take_initiatives(company, member_user, template):
    with pytest.raises(PermissionDenied):
        supervision.supervision_initiative_take(
            actor=member_user, organization=company, reason="x", taken_on=datetime.date(2026, 1, 1)
        )
    with pytest.raises(PermissionDenied):
        supervision.supervision_reports_create(actor=member_user, template=template, year=2026)
