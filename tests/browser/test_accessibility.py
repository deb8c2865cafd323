from collections.abc import Callable

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from kansli.organisation.models import Body, Person

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/vanersborg/organisation/",
    "/vanersborg/organisation/ks/",
    "/vanersborg/organisation/ks/?datum=2023-02-30",
    "/vanersborg/organisation/kommunstyrelseforvaltningen/",
    "/vanersborg/personer/{anna}/",
    "/vanersborg/styrdokument/",
    "/vanersborg/styrdokument/?passerat=on",
    "/vanersborg/styrdokument/kommundirektorsinstruktion/",
]


@pytest.mark.usefixtures("signed_in")
@pytest.mark.parametrize("path", PAGES)
def test_every_page_meets_wcag_21_aa(
    page: Page, site: Body, assert_accessible: Callable[[Page], None], path: str
) -> None:
    anna = Person.objects.get(body=site, given_name="Anna")

    page.goto(path.format(anna=anna.pk))

    assert_accessible(page)


@pytest.mark.usefixtures("signed_in")
def test_the_organization_page_stays_accessible_after_an_htmx_swap(
    page: Page, assert_accessible: Callable[[Page], None]
) -> None:
    page.goto("/vanersborg/organisation/ks/")
    page.get_by_label("Visa läget den").fill("2022-06-01")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("status")).to_have_text("Visar läget den 2022-06-01.")

    assert_accessible(page)


def test_the_login_page_meets_wcag_21_aa(
    page: Page, site: Body, assert_accessible: Callable[[Page], None]
) -> None:
    page.goto("/logga-in/")
    assert_accessible(page)

    page.get_by_label("Användarnamn").fill("besokare")
    page.get_by_label("Lösenord").fill("fel")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("alert")).to_contain_text("Ange ett korrekt användarnamn")
    assert_accessible(page)


def test_the_lockout_page_meets_wcag_21_aa(
    page: Page, site: Body, assert_accessible: Callable[[Page], None]
) -> None:
    page.goto("/logga-in/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Användarnamn").fill("besokare")
        page.get_by_label("Lösenord").fill("fel")
        page.get_by_role("button", name="Logga in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggningen är tillfälligt spärrad")
    assert_accessible(page)
