"""Vänersborg's director records an organisational change in another department (instruction
5.2.3): without PFU's approval it is kept as a draft that cites 5.2.3 and is not recorded;
with the approval ticked it is recorded and listed in the register."""

import pytest
from playwright.sync_api import Page, expect

from kansli.decisions.models import Decision
from kansli.organisation.models import Body

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("signed_in")]

APPROVAL = "Godkännande av personal- och förhandlingsutskottet"


def fill_in_the_reorganisation(page: Page, title: str) -> None:
    page.goto("/vanersborg/beslut/nytt/")
    capacity = page.get_by_label("Jag beslutar som").locator("option:checked")
    expect(capacity).to_have_text("Kommundirektör")
    page.get_by_label("Beslutstyp").select_option(label="Organisationsförändring")
    page.get_by_label("Organisation som beslutet gäller").select_option(
        label="Barn- och utbildningsförvaltningen"
    )
    page.get_by_label("Rubrik").fill(title)
    page.get_by_label("Beslut", exact=True).fill("Förskoleenheterna slås samman till två.")


def test_without_pfus_approval_the_decision_is_refused_as_final_and_with_it_recorded(
    page: Page, demo: dict[str, Body]
) -> None:
    fill_in_the_reorganisation(page, "Ny indelning av förskolan")
    requirement = page.get_by_role("checkbox", name=APPROVAL)
    expect(requirement).not_to_be_checked()
    expect(page.locator("#provning")).to_contain_text(
        "Beslutet kräver godkännande av personal- och förhandlingsutskottet "
        "(Kommundirektörsinstruktion 5.2.3)."
    )

    page.get_by_role("button", name="Registrera beslutet").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ny indelning av förskolan")
    expect(page.get_by_role("status")).to_contain_text("sparat som utkast och är inte registrerat")
    expect(page.get_by_role("main")).to_contain_text("(Kommundirektörsinstruktion 5.2.3)")
    expect(page.get_by_role("row", name=APPROVAL)).to_contain_text("Saknas")
    assert Decision.objects.get().status == Decision.Status.DRAFT

    fill_in_the_reorganisation(page, "Ny indelning av grundskolan")
    page.get_by_role("checkbox", name=APPROVAL).check()
    page.get_by_label(f"Anteckning om {APPROVAL[:1].lower()}{APPROVAL[1:]}").fill("PFU § 12")
    page.get_by_role("button", name="Registrera beslutet").click()

    expect(page.get_by_role("status")).to_have_text("Beslutet är registrerat.")
    breadcrumbs = page.get_by_role("navigation", name="Du är här")
    breadcrumbs.get_by_role("link", name="Beslut", exact=True).click()
    rows = page.get_by_role("row")
    expect(rows.filter(has_text="Ny indelning av grundskolan")).to_contain_text("Registrerat")
    expect(rows.filter(has_text="Ny indelning av förskolan")).to_contain_text("Utkast")
