"""The delegation order as the board keeps it, in the browser: Vänersborg's secretary drafts a
new version of the board's delegation order from the version in force (the board itself, not
the director, to appoint certifiers), sees the change against the version in force, puts the
draft on the agenda of the board's meeting; the board adopts it, the chair and the minutes
checker sign the minutes, and who may decide answers by the new rule from the draft's first
day, by the old one the day before.

(The issue's story starts with the director attesting a duty; that is the duties' browser
test, tests/browser/test_duty_attestation*.py, on the demo's instruction.)"""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from time_machine import TimeMachineFixture

from kansli.meetings import services as meetings
from kansli.meetings.tests.conftest import at
from kansli.meetings.tests.order_draft import order_of
from kansli.organisation.models import Body, Organization
from tests.browser.meetings import PASSWORD, item
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser


def _who_decides(page: Page, on: datetime.date) -> None:
    page.goto(f"/vanersborg/delegation/vem-far-besluta/?beslutstyp=attestanter&datum={on}")


def test_the_board_adopts_a_new_version_and_the_check_answers_by_it_from_its_day(
    page: Page,
    seated_board: None,
    body: Body,
    board: Organization,
    axe_report: Callable[[Page], str],
    time_machine: TimeMachineFixture,
) -> None:
    day = timezone.localdate()
    time_machine.move_to(at(day, 7))
    order = order_of(body)
    meeting = meetings.meeting_schedule(
        actor=None, organization=board, starts_at=at(day, 9), ends_at=at(day, 16), place="Salen"
    )
    starts = day + datetime.timedelta(days=30)
    reports = []
    sign_in(page, "ebba", PASSWORD)

    page.goto(f"/vanersborg/delegation/ordning/{order.pk}/")
    page.get_by_text("Ta fram en ny version").click()
    page.get_by_label("Version").fill("2.0")
    page.get_by_label("Gäller från").fill(starts.isoformat())
    page.get_by_role("button", name="Börja ett utkast").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Utkast: Delegationsordning för kommunstyrelsen 2.0"
    )
    page.get_by_role("link", name="Ändra 3.1").click()
    page.get_by_label("Delegat").select_option(label="kommunstyrelsen")
    page.get_by_role("button", name="Spara i utkastet").click()
    expect(page.get_by_role("status")).to_have_text("Regeln är sparad i utkastet.")
    changes = page.get_by_role("region", name="Avsnitt 3")
    expect(changes).to_contain_text("Ändrad: 3.1 Utse attestanter")
    expect(changes).to_contain_text("kommundirektören → kommunstyrelsen")
    reports.append(axe_report(page))
    page.get_by_label("Sammanträde").select_option(index=1)
    page.get_by_role("button", name="Sätt upp på dagordningen för Kommunstyrelsen").click()
    expect(page.get_by_role("status")).to_have_text("Utkastet står på dagordningen.")

    title = "Antagande av Delegationsordning för kommunstyrelsen 2.0"
    page.goto(f"/vanersborg/sammantraden/{meeting.pk}/hantera/")
    page.get_by_role("link", name="Sammanträdet", exact=True).click()
    page.get_by_role("button", name="Fyll i närvarolistan").click()
    page.get_by_text("Välj justerare").click()
    page.get_by_role("checkbox", name="Bo Berg").check()
    page.get_by_role("button", name="Välj justerarna").click()
    page.get_by_role("button", name="Öppna sammanträdet").click()
    expect(page.get_by_role("status")).to_have_text("Sammanträdet är öppnat.")
    item(page, title).get_by_role("button", name="Besluta med acklamation").click()
    expect(item(page, title)).to_contain_text("Att anta Delegationsordning för kommunstyrelsen 2.0")
    page.get_by_role("button", name="Avsluta sammanträdet").click()
    page.get_by_role("link", name="Dagordning och kallelse").click()
    page.get_by_role("link", name="Protokollets justering och versioner").click()
    justering = page.url
    page.get_by_role("button", name="Skicka protokollet för justering").click()
    expect(page.get_by_role("status")).to_have_text("Protokollet är skickat för justering.")
    sign_out(page)
    for username in ("anna", "bo"):
        sign_in(page, username, PASSWORD)
        page.goto(justering)
        page.get_by_role("button", name="Signera protokollet").click()
        expect(page.get_by_role("status")).to_have_text("Du har signerat protokollet.")
        sign_out(page)

    sign_in(page, "ebba", PASSWORD)
    _who_decides(page, starts - datetime.timedelta(days=1))
    rule = page.get_by_role("article", name="3.1 Utse attestanter")
    expect(rule).to_contain_text("Kommundirektören")
    _who_decides(page, starts)
    expect(rule).to_contain_text("Kommunstyrelsen")
    expect(rule).not_to_contain_text("Kommundirektören")
    reports.append(axe_report(page))

    page.goto("/vanersborg/delegationsordningar/")
    page.get_by_role("link", name="Delegationsordning för kommunstyrelsen").click()
    expect(page.get_by_role("main")).to_contain_text("Version 1.0")
    reports.append(axe_report(page))

    problems = [report for report in reports if report]
    assert not problems, "\n".join(problems)
