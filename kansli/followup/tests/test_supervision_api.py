from kansli.followup.services import supervision
from kansli.followup.tests.conftest import keyed
from kansli.organisation.models import Organization

API = "/api/v1/bodies/vanersborg/followup"


def test_a_missing_report_is_listed_and_the_director_files_it(body, committee, director_user):
    template = supervision.report_template_create(
        actor=None,
        body=body,
        name="Helårsrapport",
        organization_kind=Organization.Kind.COMMITTEE,
        interval_months=12,
        due_days=60,
        contents="Året.",
    )
    supervision.supervision_reports_create(actor=None, template=template, year=2025)
    client = keyed(director_user)
    [missing] = client.get(f"{API}/supervision-reports?state=missing&date=2026-03-15").json()
    assert (missing["organization"]["slug"], missing["due_on"]) == ("bun", "2026-03-01")
    filed = client.post(
        f"{API}/supervision-reports/{missing['id']}/filing",
        {"filed_on": "2026-03-16", "summary": "Sent men lämnad."},
        content_type="application/json",
    )
    assert filed.status_code == 201
    assert filed.json()["state"] == "late"
    assert client.get(f"{API}/supervision-initiatives").json() == []
