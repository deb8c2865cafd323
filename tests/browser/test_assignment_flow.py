"""The board gives the director an assignment and hears how it progresses: Vänersborg's
secretary records the assignment from the board's decision, the director reports on it twice,
the secretary puts the last report on the agenda of the board's next meeting; the director's
duty dashboard turns green on the line of late assignment reports, and the agenda shows the
report."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.decisions.tests.followup_samples import board_decision, board_meeting
from kansli.organisation.models import Body
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

TITLE = "Ta fram en lokalförsörjningsplan"


def test_the_board_gives_an_assignment_and_the_director_reports_twice(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    vanersborg = demo["vanersborg"]
    today = timezone.localdate()
    # The board decided four months ago; the assignment is to be reported every third month,
    # so its first report is already late.
    decided = today - datetime.timedelta(days=125)
    board_decision(vanersborg, "Uppdrag om lokalförsörjning", decided)
    meeting = board_meeting(vanersborg, today + datetime.timedelta(days=14))
    reports = []

    sign_in(page, "sekreterare")
    page.goto("/vanersborg/uppfoljning/uppdrag/")
    page.get_by_label("Beslut vid sammanträde").select_option(
        label=f"{decided:%Y-%m-%d} Kommunstyrelsen: Uppdrag om lokalförsörjning"
    )
    page.get_by_label("Uppdrag", exact=True).fill(TITLE)
    page.get_by_label("Ska slutföras senast").fill(f"{today.year + 1}-06-30")
    page.get_by_label("Rapporteras var … månad").fill("3")
    reports.append(axe_report(page))
    page.get_by_role("button", name="Registrera uppdraget").click()
    expect(page.get_by_role("heading", name=f"Uppdrag: {TITLE}")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("rapport försenad")
    sign_out(page)

    sign_in(page, "direktor")
    page.goto("/vanersborg/uppfoljning/")
    page.get_by_role("link", name="1 uppdrag saknar rapport i tid").click()
    page.get_by_role("link", name=TITLE).click()
    for text in ("Lokalerna är inventerade.", "Ett förslag till plan är på remiss."):
        page.get_by_label("Rapport", exact=True).fill(text)
        page.get_by_role("button", name="Lämna rapporten").click()
        expect(page.get_by_role("status")).to_have_text("Rapporten är lämnad.")
    reported = page.get_by_role("table", name="Rapporter, den senaste först")
    expect(reported.get_by_role("row")).to_have_count(3)
    expect(page.get_by_role("main")).not_to_contain_text("rapport försenad")
    reports.append(axe_report(page))
    page.goto("/vanersborg/uppfoljning/")
    expect(
        page.get_by_role("link", name="Alla pågående uppdrag är rapporterade i tid")
    ).to_be_visible()
    sign_out(page)

    sign_in(page, "sekreterare")
    page.goto("/vanersborg/uppfoljning/uppdrag/")
    page.get_by_role("link", name=TITLE).click()
    latest = reported.get_by_role("row").nth(1)
    expect(latest).to_contain_text("Ett förslag till plan är på remiss.")
    latest.get_by_label("Sammanträde").select_option(str(meeting.pk))
    latest.get_by_role("button", name="Sätt på dagordningen").click()
    expect(page.get_by_role("status")).to_have_text("Rapporten står på dagordningen.")
    reports.append(axe_report(page))
    latest.get_by_role("link", name=str(meeting)).click()
    expect(page.get_by_role("main")).to_contain_text(
        f"Rapport om uppdrag: {TITLE} ({today:%Y-%m-%d})"
    )

    problems = [report for report in reports if report]
    assert not problems, "\n".join(problems)


def test_the_director_gives_execution_from_the_boards_view(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    today = timezone.localdate()
    board_decision(demo["vanersborg"], "Inför e-arkiv", today)
    reports = []

    sign_in(page, "direktor")
    page.goto(f"/vanersborg/uppfoljning/verkstallighet/ar/{today.year}/")
    expect(page.get_by_role("row", name="Inför e-arkiv")).to_contain_text("ingen uppgift given")
    expect(page.get_by_role("img", name=f"Verkställighet {today.year}")).to_be_visible()
    reports.append(axe_report(page))
    page.get_by_role("link", name="Inför e-arkiv").click()
    page.get_by_label("Uppgift", exact=True).fill("Upphandla e-arkiv")
    page.get_by_label("Verkställs av").select_option(label="Utvecklingsstaben")
    page.get_by_label("Klar senast").fill(f"{today.year + 1}-03-31")
    page.get_by_role("button", name="Ge uppgiften").click()
    expect(page.get_by_role("status")).to_have_text("Uppgiften är given.")
    expect(page.get_by_role("row", name="Upphandla e-arkiv")).to_contain_text("Utvecklingsstaben")
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/verkstallighet/")
    expect(page.get_by_role("row", name="Upphandla e-arkiv")).to_contain_text("ej påbörjad")
    reports.append(axe_report(page))

    problems = [report for report in reports if report]
    assert not problems, "\n".join(problems)
