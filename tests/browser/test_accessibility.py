from collections.abc import Callable

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.decisions.services import decision_record
from kansli.delegation.models import DelegationOrder
from kansli.organisation.models import Body, Person
from kansli.registry import services as registry
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/vanersborg/organisation/",
    "/vanersborg/organisation/ks/",
    "/vanersborg/organisation/ks/?datum=2023-02-30",
    "/vanersborg/organisation/kommunstyrelseforvaltningen/",
    "/vanersborg/personer/{director}/",
    "/vanersborg/styrdokument/",
    "/vanersborg/styrdokument/?passerat=on",
    "/vanersborg/styrdokument/kommundirektorsinstruktion/",
    "/blekinge/styrdokument/instruktion-landstingsdirektor/",
    "/vanersborg/styrdokument/finns-inte/",
    "/vanersborg/beslut/",
    "/vanersborg/beslut/nytt/",
    "/vanersborg/beslut/nytt/?beslutstyp=organisationsforandring&organisation=socialforvaltningen",
    "/vanersborg/beslut/nytt/?beslutstyp=organisationsforandring&organisation=vanersborgs-energi-ab",
    "/vanersborg/beslut/{decision}/",
    "/vanersborg/beslut/att-anmala/?organisation=ks",
    "/vanersborg/postlista/",
    "/vanersborg/postlista/?period=vecka&riktning=incoming",
    "/vanersborg/postlista/?datum=2026-02-30",
]


@pytest.mark.usefixtures("signed_in")
def test_every_page_meets_wcag_21_aa(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    director = Person.objects.get(user__username="direktor")
    decision = decision_record(
        actor=director.user,
        body=demo["vanersborg"],
        decision_type="organisationsforandring",
        decided_by=director,
        capacity=None,
        concerning=demo["vanersborg"].organizations.get(slug="socialforvaltningen"),
        amount=None,
        decided_on=timezone.localdate(),
        title="Ny indelning av socialförvaltningen",
    )
    reports = []

    for path in PAGES:
        page.goto(path.format(director=director.pk, decision=decision.pk))
        reports.append(axe_report(page))
    page.goto(f"/vanersborg/beslut/{decision.pk}/")
    page.get_by_role("button", name="Registrera", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Beslutet är registrerat.")
    reports.append(axe_report(page))
    page.goto("/vanersborg/beslut/att-anmala/?organisation=ks")
    expect(page.get_by_role("table")).to_contain_text("Ny indelning av socialförvaltningen")
    reports.append(axe_report(page))
    page.goto("/vanersborg/organisation/ks/")
    page.get_by_label("Visa läget den").fill("2022-06-01")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("status")).to_have_text("Visar läget den 2022-06-01.")
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))


DELEGATION_PAGES = [
    "/vanersborg/delegation/vem-far-besluta/",
    "/vanersborg/delegation/vem-far-besluta/?q=stabschef",
    "/vanersborg/delegation/vem-far-besluta/?q=ingenting-alls",
    "/vanersborg/delegation/vem-far-besluta/?datum=2025-02-30&q=x",
    "/blekinge/delegation/vem-far-besluta/?beslutstyp=anstallning-personal",
    "/vanersborg/delegation/mina-befogenheter/",
    "/blekinge/delegation/mina-befogenheter/",
    "/vanersborg/delegation/ordning/",
    "/vanersborg/delegation/ordning/{order}/",
]


@pytest.mark.usefixtures("signed_in")
def test_the_delegation_pages_meet_wcag_21_aa(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    order = DelegationOrder.objects.get(body=demo["vanersborg"])
    reports = []

    for path in DELEGATION_PAGES:
        page.goto(path.format(order=order.pk))
        reports.append(axe_report(page))
    page.goto("/vanersborg/delegation/vem-far-besluta/")
    page.get_by_label("Ärende").fill("organisationsförändringar")
    page.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("status")).to_contain_text("regler gäller den")
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))


REGISTRY_PAGES = [
    "/vanersborg/diarium/",
    "/vanersborg/diarium/registrera/",
    "/vanersborg/diarium/sok/?q=instruktionen",
    "/vanersborg/diarium/sok/?q=finns-inte",
    "/vanersborg/diarium/mina-arenden/",
    "/vanersborg/diarium/arenden/{case}/",
    "/vanersborg/diarium/arenden/{case}/tjansteskrivelse/",
]


def test_the_registry_pages_meet_wcag_21_aa(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    sign_in(page, "registrator")
    director = Person.objects.get(user__username="direktor")
    case = registry.case_open(
        actor=None,
        organization=demo["vanersborg"].organizations.get(slug="ks"),
        title="Revidering av kommundirektörsinstruktionen",
        case_officer=director,
    )
    registry.document_register(
        actor=None,
        case=case,
        direction="incoming",
        date=timezone.localdate(),
        counterpart="Länsstyrelsen",
        description="Synpunkter på instruktionen",
    )
    reports = []

    for path in REGISTRY_PAGES:
        page.goto(path.format(case=case.pk))
        reports.append(axe_report(page))
    page.goto(f"/vanersborg/diarium/arenden/{case.pk}/")
    page.get_by_role("button", name="Markera som klart för dagordning").click()
    expect(page.get_by_role("alert")).to_contain_text("Tjänsteskrivelse saknas")
    reports.append(axe_report(page))
    page.goto("/vanersborg/diarium/registrera/")
    page.get_by_label("Avsändare", exact=True).fill("Länsstyrelsen")
    page.get_by_label("Beskrivning", exact=True).fill("Synpunkter på instruktionen")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("alert")).to_contain_text("Kanske redan registrerad?")
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))


def test_the_login_and_lockout_pages_meet_wcag_21_aa(
    page: Page, axe_report: Callable[[Page], str]
) -> None:
    page.goto("/logga-in/")
    reports = [axe_report(page)]

    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        page.get_by_label("Användarnamn").fill("okand")
        page.get_by_label("Lösenord").fill("fel")
        page.get_by_role("button", name="Logga in").click()
        if attempt == 1:
            expect(page.get_by_role("alert")).to_contain_text("Ange ett korrekt användarnamn")
            reports.append(axe_report(page))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggningen är tillfälligt spärrad")
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))
