"""Signing a user in and out through the pages, as a person would."""

from playwright.sync_api import Page, expect

from kansli.demo.services import DEMO_PASSWORD


def submit_password(
    page: Page, username: str, password: str = DEMO_PASSWORD, path: str = "/logga-in/"
) -> None:
    """The user gives username and password in the login form at `path`; what follows (a
    second factor, a refusal) is the caller's to expect."""
    page.goto(path)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """The user (a demo user unless a password is given) signs in through the login form in
    the tab, and is signed in."""
    submit_password(page, username, password)
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Logga ut").click()
