"""The instruction whole, in the browser, as issue 18's story tells it: Vänersborg's director
opens the duty dashboard, shows only its red lines, attests one of them (3.1 a, answerable to
the board) with a date, a note and the registered report, and sees the summary at the top
count one fewer; then drafts a new version of the board's delegation order from the version
in force (the board itself, not the director, to appoint certifiers) and sees the change
against the version in force. The secretary puts the draft on the agenda of the board's
meeting, the board adopts it, the chair and the minutes checker sign the minutes, and who may
decide answers by the new rule from the draft's first day, by the old one the day before.
axe on each page the director works on."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from time_machine import TimeMachineFixture

from kansli.delegation.orderfile import DATA_DIR
from kansli.delegation.services import order_import
from kansli.followup.duties import duty_lines
from kansli.followup.report import Tally, tally
from kansli.meetings import services as meetings
from kansli.meetings.tests.conftest import at
from kansli.meetings.tests.order_draft import order_of
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document
from tests.browser.meetings import PASSWORD, item
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

INSTRUCTION = DATA_DIR / "vanersborg-kommundirektorsinstruktion.yaml"


def _the_directors_instruction(body: Body, board: Organization) -> None:
    """Vänersborg's instruction (seed 002) in force as the body's governing document (the
    `document` fixture), with the organs it names beside the board."""
    kind = Organization.Kind
    for slug, organ_kind, name, parent in (
        ("kf", kind.COUNCIL, "Kommunfullmäktige", None),
        ("au", kind.SUBCOMMITTEE, "Kommunstyrelsens arbetsutskott", board),
        ("pfu", kind.SUBCOMMITTEE, "Personal- och förhandlingsutskottet", board),
        ("krisledningsnamnden", kind.CRISIS_COMMITTEE, "Krisledningsnämnden", None),
    ):
        organisation.organization_create(
            actor=None, body=body, kind=organ_kind, slug=slug, name=name, parent=parent
        )
    order_import(actor=None, body=body, text=INSTRUCTION.read_text(), source_name=INSTRUCTION.name)


def _the_directors_report(board: Organization, day: datetime.date) -> Document:
    """Last year's report of the director to the board, registered in a case of the board."""
    case = registry.case_open(
        actor=None, organization=board, title="Direktörens redovisning till styrelsen"
    )
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=day,
        description="Direktörens redovisning till styrelsen",
    )


def _who_decides(page: Page, on: datetime.date) -> None:
    page.goto(f"/vanersborg/delegation/vem-far-besluta/?beslutstyp=attestanter&datum={on}")


@pytest.mark.usefixtures("document")
def test_the_director_attests_a_duty_drafts_the_order_and_the_board_adopts_it(
    page: Page,
    seated_board: None,
    body: Body,
    board: Organization,
    axe_report: Callable[[Page], str],
    time_machine: TimeMachineFixture,
) -> None:
    day = timezone.localdate()
    time_machine.move_to(at(day, 7))
    _the_directors_instruction(body, board)
    order = order_of(body)
    report = _the_directors_report(board, day)
    meeting = meetings.meeting_schedule(
        actor=None, organization=board, starts_at=at(day, 9), ends_at=at(day, 16), place="Salen"
    )
    before = tally(duty_lines(body=body, on=day))
    assert before.missing > 0
    starts = day + datetime.timedelta(days=30)
    reports = []
    sign_in(page, "katarina", PASSWORD)

    page.goto("/vanersborg/uppfoljning/")
    summary = page.locator("#sammanfattning")
    expect(summary).to_have_text(before.text)
    page.get_by_label("Läge").select_option(label="Brist")
    page.get_by_role("button", name="Visa", exact=True).click()
    duties = page.get_by_role("table", name="Skyldigheter och underlag")
    expect(duties.locator("tbody tr")).to_have_count(before.missing)
    reports.append(axe_report(page))
    line = duties.get_by_role("row").filter(has_text="vara ansvarig inför kommunstyrelsen")
    line.get_by_role("link", name="Attestera", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attestering av 3.1 a")
    page.get_by_label("Fullgjord per").fill(day.isoformat())
    page.get_by_label("Anteckning").fill("Årets redovisning lämnad till kommunstyrelsen.")
    page.get_by_label("Handling (dokumentnummer)").fill(report.number)
    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_role("table", name="Attesteringar")).to_contain_text(
        "Årets redovisning lämnad till kommunstyrelsen."
    )
    reports.append(axe_report(page))
    page.goto("/vanersborg/uppfoljning/")
    expect(summary).to_have_text(Tally(missing=before.missing - 1, due=before.due).text)

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
    draft = page.url
    sign_out(page)

    sign_in(page, "ebba", PASSWORD)
    page.goto(draft)
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

    sign_in(page, "katarina", PASSWORD)
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
