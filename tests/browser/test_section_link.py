import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("signed_in")]


def test_the_table_of_contents_leads_to_section_5_2_3(page: Page) -> None:
    page.goto("/vanersborg/styrdokument/kommundirektorsinstruktion/")
    section = page.locator("[id='avsnitt-5.2.3']")
    expect(section).not_to_be_in_viewport()

    contents = page.get_by_role("navigation", name="Innehåll")
    contents.get_by_role("link", name="5.2.3 Organisationsförändringar").click()

    expect(page).to_have_url(re.compile(r"/kommundirektorsinstruktion/#avsnitt-5\.2\.3$"))
    expect(section).to_be_in_viewport()
    expect(section.get_by_role("heading", name="5.2.3 Organisationsförändringar")).to_be_visible()
