import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("signed_in")]


def test_the_first_tab_offers_a_skip_link_to_the_main_content(page: Page) -> None:
    page.goto("/vanersborg/organisation/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Gå direkt till innehållet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.get_by_role("main")).to_be_focused()
