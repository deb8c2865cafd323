"""The director's duty dashboard in the browser: the director filters the lines due within 30
days, attests one of them (3.1 a, answerable to the board) with a date, a note and the
registered report, and sees the summary at the top count one attestation fewer; axe on each
page."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.demo.followup import load_followup_demo
from kansli.followup.duties import duty_lines
from kansli.followup.models import Attestation
from kansli.followup.report import Tally, tally
from kansli.organisation.models import Body

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("signed_in")
def test_the_director_attests_a_duty_and_sees_the_summary_change(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    load_followup_demo()  # the attestations of the demo, two of them due within 30 days
    vanersborg = demo["vanersborg"]
    before = tally(duty_lines(body=vanersborg, on=timezone.localdate()))
    report = Attestation.objects.filter(body=vanersborg).first().document
    reports = []

    page.goto("/vanersborg/uppfoljning/")
    summary = page.locator("#sammanfattning")
    expect(summary).to_have_text(before.text)
    page.get_by_label("Läge").select_option(label="Förfaller inom 30 dagar")
    page.get_by_role("button", name="Visa", exact=True).click()
    duties = page.get_by_role("table", name="Skyldigheter och underlag")
    expect(duties.locator("tbody tr")).to_have_count(before.due)
    reports.append(axe_report(page))
    line = duties.get_by_role("row").filter(has_text="vara ansvarig inför kommunstyrelsen")
    line.get_by_role("link", name="Attestera", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Attestering av 3.1 a")
    page.get_by_label("Fullgjord per").fill(timezone.localdate().isoformat())
    page.get_by_label("Anteckning").fill("Årets redovisning lämnad till kommunstyrelsen.")
    page.get_by_label("Handling (dokumentnummer)").fill(report.number)
    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_role("table", name="Attesteringar")).to_contain_text(
        "Årets redovisning lämnad till kommunstyrelsen."
    )
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/")
    expect(summary).to_have_text(Tally(missing=before.missing, due=before.due - 1).text)

    assert not any(reports), "\n\n".join(filter(None, reports))
