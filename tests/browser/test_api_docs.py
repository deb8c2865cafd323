import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_api_documentation_shows_its_operations_under_the_security_policy(
    page: Page,
) -> None:
    page.goto("/api/v1/docs")

    expect(page.get_by_role("heading", name="Kansli API")).to_be_visible()
    expect(page.locator(".opblock").first).to_be_visible()
