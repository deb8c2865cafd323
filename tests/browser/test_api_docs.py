import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_api_documentation_works_under_the_security_policy(page: Page) -> None:
    page.goto("/api/v1/docs")
    expect(page.get_by_role("heading", name="Kansli API")).to_be_visible()

    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").click()

    expect(page.get_by_role("button", name="Execute")).to_be_visible()
