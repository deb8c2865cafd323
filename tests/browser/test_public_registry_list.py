from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from kansli.demo.registry import load_registry_demo
from kansli.organisation.models import Body

pytestmark = pytest.mark.browser


def test_a_visitor_reads_the_weeks_registry_list_with_the_secret_part_masked(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    load_registry_demo()

    page.goto("/vanersborg/postlista/")
    page.get_by_label("Period").select_option("vecka")
    page.get_by_role("button", name="Visa").click()

    table = page.get_by_role("table")
    expect(table).to_contain_text("Revidering av kommundirektörsinstruktion")
    expect(table).to_contain_text("[Sekretess enligt OSL 18 kap. 8 §]")
    expect(table).not_to_contain_text("Säkerhetsskyddsanalys, kommunhuset")
    report = axe_report(page)

    page.get_by_label("Riktning").select_option("outgoing")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("table")).not_to_contain_text("Synpunkter på förslaget")

    assert not report, report
