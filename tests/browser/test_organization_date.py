import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.demo.services import mandate_period
from kansli.organisation.models import Body
from kansli.organisation.selectors import members_on

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("signed_in")]


def test_changing_the_date_swaps_in_the_members_without_reloading(
    page: Page, demo: dict[str, Body]
) -> None:
    board = demo["vanersborg"].organizations.get(slug="ks")
    after, _ = mandate_period(timezone.localdate())
    before = after - datetime.timedelta(days=1)
    members_before = {m.person.name for m in members_on(organization=board, on=before)}
    members_after = {m.person.name for m in members_on(organization=board, on=after)}
    leaving = sorted(members_before - members_after)[0]
    joining = sorted(members_after - members_before)[0]
    page.goto(f"/vanersborg/organisation/ks/?datum={before.isoformat()}")
    members = page.get_by_role("region", name="Ledamöter")
    expect(members).to_contain_text(leaving)
    page.evaluate("window.pageWasNotReloaded = true")

    page.get_by_label("Visa läget den").fill(after.isoformat())
    page.get_by_role("button", name="Visa").click()

    expect(members).to_contain_text(joining)
    expect(members).not_to_contain_text(leaving)
    expect(page).to_have_url(re.compile(rf"/organisation/ks/\?datum={after.isoformat()}$"))
    expect(page.get_by_role("status")).to_have_text(f"Visar läget den {after.isoformat()}.")
    assert page.evaluate("window.pageWasNotReloaded") is True
    expect(page.get_by_role("button", name="Visa")).to_be_focused()
