"""The director's crisis, talks, documents and appointment pages in the browser: an event opened
and led by the director with a line in its log, the year's talks planned, the instruction
acknowledged, the requirements before appointing a department head; axe on each page."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from kansli.organisation.models import Body

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("signed_in")
def test_the_director_leads_a_crisis_plans_talks_and_acknowledges_the_instruction(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    reports = []
    page.goto("/vanersborg/uppfoljning/kris/")
    reports.append(axe_report(page))
    page.get_by_label("Händelse").fill("Långvarigt elavbrott")
    page.get_by_label("Inträffade").fill("2026-11-02T06:30")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Långvarigt elavbrott")
    page.get_by_label("Direktören leder (nämnden träder inte in)").check()
    page.get_by_label("Beslutat").fill("2026-11-02T08:00")
    page.get_by_role("button", name="Besluta").click()
    page.get_by_label("Anteckning").fill("Reservkraft till vattenverket")
    page.get_by_role("button", name="Lägg till").click()
    timeline = page.get_by_role("table", name="Tidslinje")
    expect(timeline).to_contain_text("direktören leder och samordnar")
    expect(timeline).to_contain_text("Reservkraft till vattenverket")
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/sakerhetsskydd/")
    expect(page.get_by_role("table", name="Befattningar")).to_contain_text("Kommundirektör")
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/samtal/")
    page.get_by_role("button", name="Planera årets samtal").click()
    expect(page.locator("table")).to_contain_text("utvärderingssamtal")
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/styrdokument/kommundirektorsinstruktion/")
    page.get_by_role("button", name="Kvittera").click()
    expect(page.get_by_role("table", name="Chefer i dag")).to_contain_text("Katarina Holmgren")
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/tillsattningar/")
    page.get_by_label("Beslut").select_option(label="Anställning av förvaltningschef")
    page.get_by_label("Befattning").select_option(label="Förvaltningschef, socialförvaltningen")
    page.get_by_role("button", name="Visa kraven").click()
    expect(
        page.get_by_text("Samråd med personal- och förhandlingsutskottet", exact=True)
    ).to_be_visible()
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))
