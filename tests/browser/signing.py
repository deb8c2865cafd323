"""Signing a user in and out through the pages, as a person would."""

from playwright.sync_api import Page, expect

from kansli.demo.services import DEMO_PASSWORD


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """The user (a demo user unless a password is given) signs in through the login form in
    the tab, and is signed in."""
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Logga ut").click()
