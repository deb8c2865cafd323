"""Signing a demo user in and out through the pages, as a person would."""

from playwright.sync_api import Page, expect

from kansli.demo.services import DEMO_PASSWORD


def sign_in(page: Page, username: str) -> None:
    """The demo user signs in through the login form in the tab."""
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Logga ut").click()
