import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("signed_in")]


def test_changing_the_date_swaps_in_the_members_without_reloading(page: Page) -> None:
    page.goto("/vanersborg/organisation/ks/?datum=2022-06-01")
    members = page.get_by_role("region", name="Ledamöter")
    expect(members).to_contain_text("Anna Ek")
    page.evaluate("window.pageWasNotReloaded = true")

    page.get_by_label("Visa läget den").fill("2023-06-01")
    page.get_by_role("button", name="Visa").click()

    expect(members).to_contain_text("Bertil Ek")
    expect(members).not_to_contain_text("Anna Ek")
    expect(page).to_have_url(re.compile(r"/organisation/ks/\?datum=2023-06-01$"))
    expect(page.get_by_role("status")).to_have_text("Visar läget den 2023-06-01.")
    assert page.evaluate("window.pageWasNotReloaded") is True
    expect(page.get_by_role("button", name="Visa")).to_be_focused()
