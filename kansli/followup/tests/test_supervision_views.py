import datetime

from kansli.followup.models import SupervisionInitiative, SupervisionReport
from kansli.followup.services import supervision
from kansli.organisation.models import Organization

PAGE = "/vanersborg/uppfoljning/uppsikt/"


def test_the_overview_shows_each_committees_reports_and_the_director_files_one(
    client, body, board, committee, director, director_user
):
    template = supervision.report_template_create(
        actor=None,
        body=body,
        name="Delårsrapport",
        organization_kind=Organization.Kind.COMMITTEE,
        interval_months=6,
        due_days=20,
        contents="Ekonomi och måluppfyllelse.",
    )
    client.force_login(director_user)
    made = client.post(PAGE + "rapporter/", {"begar-mall": template.pk, "begar-ar": "2026"})
    assert made.status_code == 302
    page = client.get(PAGE + "?ar=2026").content.decode()
    assert "Delårsrapport" in page
    assert "Barn- och utbildningsnämnden" in page
    report = SupervisionReport.objects.order_by("period_start").first()
    filed = client.post(PAGE + "lamnad/", {"rapport": report.pk, "lamnad": "2026-07-10"})
    assert filed.status_code == 302
    report.refresh_from_db()
    assert report.filed_on == datetime.date(2026, 7, 10)
    csv = client.get(PAGE + "rapporter.csv?ar=2026").content.decode("utf-8-sig").splitlines()
    assert csv[1].startswith("Delårsrapport;Barn- och utbildningsnämnden;2026-01-01;2026-06-30")
    assert csv[1].endswith(";lämnad;")


def test_a_board_member_reads_but_may_not_take_an_initiative(
    client, body, board, committee, member_user
):
    client.force_login(member_user)
    assert client.get(PAGE).status_code == 200
    refused = client.post(
        PAGE + "initiativ/",
        {"organisation": committee.pk, "anledning": "x", "datum": "2026-01-01"},
    )
    assert refused.status_code == 403
    assert not SupervisionInitiative.objects.exists()
    assert client.get(PAGE + "initiativ.csv").status_code == 200
