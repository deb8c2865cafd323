"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from kansli.organisation.models import Body, Organization
from tests.browser.meetings import seat_the_board
from tests.browser.signing import sign_in

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
# Every document the tab loads tells the test what its Content-Security-Policy refused.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => window.kansliCspViolation(
  `${document.location.pathname}: ${event.effectiveDirective} refused ` +
  `${event.blockedURI || "?"} (${event.sourceFile || "the page"}:${event.lineNumber})`
));
"""


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Chromium for the browser tests, closed when they are done.

    Playwright's sync API keeps an event loop running in this thread while it is open, and
    Django refuses the ORM under a running loop unless told it is safe. The permission lasts
    as long as the browser, so it reaches neither the other tests nor their subprocesses.
    """
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


@pytest.fixture
def page(browser: Browser, live_server: Any, django_db_serialized_rollback: None) -> Iterator[Page]:
    """A fresh Swedish browser tab on the live server, failing the test at teardown if the
    Content-Security-Policy refused anything on any page it showed.

    The live server needs a transactional database; the serialized rollback restores what the
    migrations wrote (the audit chain's head) for the tests that follow.
    """
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    violations: list[str] = []

    def report(violation: str) -> None:
        violations.append(violation)

    context.expose_function("kansliCspViolation", report)
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    yield tab
    tab.evaluate("() => new Promise(requestAnimationFrame)")  # the last page's reports arrive
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def signed_in(page: Page, demo: dict[str, Body]) -> None:
    """Vänersborg's demo director signs in through the login form in the tab."""
    sign_in(page, "direktor")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it stands."""
    page.evaluate(AXE.read_text())  # not a <script> tag: the Content-Security-Policy refuses it
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
def axe_report() -> Callable[[Page], str]:
    """What axe-core finds against WCAG 2.1 A and AA on a page, readably; empty when nothing."""

    def report(page: Page) -> str:
        violations = axe_violations(page)
        return f"{page.url}\n{describe(violations)}" if violations else ""

    return report


@pytest.fixture
def seated_board(body: Body, board: Organization, department: Organization) -> None:
    seat_the_board(body, board, department)
