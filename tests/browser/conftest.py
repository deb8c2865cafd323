"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

import datetime
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from kansli.accounts.models import User
from kansli.demo.seeds import VANERSBORG_INSTRUCTION, seed_text
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization

# Playwright's sync API runs an event loop in this thread; Django would refuse the ORM in it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "lösenord-för-test"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server: Any, django_db_serialized_rollback: None) -> Iterator[Page]:
    """A fresh Swedish browser tab on the live server.

    The live server needs a transactional database; the serialized rollback restores what the
    migrations wrote (the audit chain's head) for the tests that follow.
    """
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    yield context.new_page()
    context.close()


@pytest.fixture
def site(body: Body, board: Organization, make_user: Callable[..., User]) -> Body:
    """Vänersborg with its instruction, a board whose membership changed, and a user."""
    department = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.DEPARTMENT,
        slug="kommunstyrelseforvaltningen",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )
    document = governance.document_create(
        actor=None,
        body=body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=department,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
    )
    governance.version_add(
        actor=None, document=document, number="1.0", text=seed_text(VANERSBORG_INSTRUCTION)
    )
    for given_name, start, end in [
        ("Anna", datetime.date(2019, 1, 1), datetime.date(2022, 12, 31)),
        ("Bertil", datetime.date(2023, 1, 1), None),
    ]:
        person = organisation.person_create(
            actor=None, body=body, given_name=given_name, family_name="Ek"
        )
        organisation.membership_create(
            actor=None,
            person=person,
            organization=board,
            role=Membership.Role.MEMBER,
            start=start,
            end=end,
        )
    make_user("besokare")
    return body


@pytest.fixture
def signed_in(page: Page, site: Body) -> None:
    """A user of the site signs in through the login form in the tab."""
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("besokare")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_visible()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations)",
        WCAG_21_AA,
    )


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as lines a person can act on: rule, impact, help, and each offending node."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(node['target'])}: {node['html'][:160]}")
            lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    """Assert that axe-core finds no WCAG 2.1 A/AA violation on the page, listing any it finds."""

    def check(page: Page) -> None:
        violations = axe_violations(page)
        assert not violations, f"{page.url}\n{describe(violations)}"

    return check
