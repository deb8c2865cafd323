"""The director's economy, certification and supervision pages in the browser: an outcome
file read in through the form opens an initiative to the board, a payment to the certifier
is refused by the check, the board's overview of supervision reports; axe on each page."""

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.followup.services import certification, economy, supervision
from kansli.organisation.models import Body, Organization, Person

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("signed_in")
def test_the_director_reads_in_outcomes_checks_a_payment_and_sees_the_reports(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    body = demo["vanersborg"]
    year = timezone.localdate().year  # the pages show the current year
    staff = Organization.objects.get(body=body, slug="ekonomistaben")
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    economy.budget_set(actor=None, organization=staff, year=year, month=1, amount=Decimal(1000))
    certifier = Person.objects.filter(body=body).exclude(user__username="direktor").first()
    certification.certification_right_appoint(
        actor=None,
        person=certifier,
        organization=staff,
        start=datetime.date(year, 1, 1),
        max_amount=Decimal(5000),
    )
    template = supervision.report_template_create(
        actor=None,
        body=body,
        name="Delårsrapport",
        organization_kind=Organization.Kind.COMPANY,
        interval_months=6,
        due_days=30,
        contents="Ekonomi och verksamhet.",
    )
    supervision.supervision_reports_create(actor=None, template=template, year=year)
    reports = []

    page.goto("/vanersborg/uppfoljning/ekonomi/")
    reports.append(axe_report(page))
    page.get_by_label("CSV-fil").set_input_files(
        files=[
            {
                "name": "utfall.csv",
                "mimeType": "text/csv",
                "buffer": f"organisation;år;månad;belopp\nekonomistaben;{year};1;1500\n".encode(),
            }
        ]
    )
    page.get_by_role("button", name="Läs in").click()
    # The import runs as a background task; its page shows it done and links to the result.
    expect(page.get_by_role("status")).to_have_text("Klar.")
    page.get_by_role("link", name="Visa resultatet").click()
    expect(page.get_by_role("table", name="Initiativ till styrelsen")).to_contain_text(
        "väntar på styrelsen"
    )
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/attest/")
    check = page.locator("form", has=page.get_by_role("button", name="Pröva"))
    check.get_by_label("Attestant").select_option(label=certifier.name)
    check.get_by_label("Ansvar (organisation)").select_option(label="Ekonomistaben")
    check.get_by_label("Belopp (kronor)").fill("100")
    check.get_by_label("Betalningsmottagare").fill(certifier.name)
    check.get_by_label("Datum").fill(f"{year}-01-15")
    check.get_by_role("button", name="Pröva").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Ingen får attestera en utbetalning till sig själv."
    )
    reports.append(axe_report(page))

    page.goto("/vanersborg/uppfoljning/uppsikt/")
    expect(page.get_by_role("table", name="Delårsrapport")).to_be_visible()
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))
