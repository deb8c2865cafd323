"""Every public and staff page meets WCAG 2.1 AA by axe-core, on a 375 px phone and on a
1280 px screen; on the phone no page scrolls sideways and the header, its menu folded, keeps
to a small part of the screen (WCAG 2.1 1.4.10 Reflow). One tab per test, signed in once;
each page one navigation and one axe run per width."""

import datetime
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect
from pytest_django.fixtures import Settings

from kansli.accounts.models import User
from kansli.decisions.services import decision_record
from kansli.delegation.models import DelegationOrder
from kansli.demo.followup import load_followup_demo
from kansli.demo.meetings import hold_meeting
from kansli.followup.models import CrisisEvent
from kansli.meetings import services as meetings
from kansli.organisation.models import Body, Person
from kansli.registry import services as registry
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

PHONE = ViewportSize(width=375, height=812)
WIDE = ViewportSize(width=1280, height=800)
# The header with its menu folded takes at most this share of a phone's screen.
HEADER_SHARE = 0.25
LAYOUT = """() => {
  const root = document.documentElement;
  const header = document.querySelector(".site-header");
  return {
    scroll: root.scrollWidth,
    client: root.clientWidth,
    header: header ? header.getBoundingClientRect().height : 0,
    screen: window.innerHeight,
  };
}"""


def phone_layout(page: Page) -> str:
    """What keeps the page from fitting a phone: sideways scrolling, a tall header; empty
    when it fits."""
    fit = page.evaluate(LAYOUT)
    problems = []
    if fit["scroll"] > fit["client"]:
        problems.append(f"scrolls sideways: {fit['scroll']} px wide on {fit['client']} px")
    if fit["header"] > HEADER_SHARE * fit["screen"]:
        problems.append(f"the header takes {fit['header']:.0f} of {fit['screen']} px")
    return f"{page.url} on a phone\n  " + "\n  ".join(problems) if problems else ""


def at_both_widths(
    page: Page, paths: Iterable[str], axe_report: Callable[[Page], str]
) -> list[str]:
    """Each page at a phone's width and a wide screen's: what axe finds, and on the phone
    what keeps it from fitting. The tab is left at the wide screen's width."""
    paths = list(paths)
    reports = []
    for size in (PHONE, WIDE):
        page.set_viewport_size(size)
        for path in paths:
            page.goto(path)
            reports.append(axe_report(page))
            if size is PHONE:
                reports.append(phone_layout(page))
    return reports


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
    paths = (path.format(director=director.pk, decision=decision.pk) for path in PAGES)

    reports = at_both_widths(page, paths, axe_report)
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

    paths = (path.format(order=order.pk) for path in DELEGATION_PAGES)
    reports = at_both_widths(page, paths, axe_report)
    page.goto("/vanersborg/delegation/vem-far-besluta/")
    page.get_by_label("Ärende").fill("organisationsförändringar")
    page.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("status")).to_contain_text("regler gäller den")
    reports.append(axe_report(page))

    assert not any(reports), "\n\n".join(filter(None, reports))


REGISTRY_PAGES = [
    "/vanersborg/diarium/",
    "/vanersborg/diarium/arenden/nytt/",
    "/vanersborg/diarium/arenden/{case}/hantera/",
    "/vanersborg/diarium/arendegangar/",
    "/vanersborg/diarium/gallring/",
    "/vanersborg/diarium/begaranden/",
    "/vanersborg/diarium/begaranden/ny/",
    "/vanersborg/arkiv/",
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

    reports = at_both_widths(
        page, (path.format(case=case.pk) for path in REGISTRY_PAGES), axe_report
    )
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
    reports = at_both_widths(page, ["/logga-in/"], axe_report)

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


PUBLIC_PAGES = [
    "/",
    "/vanersborg/",
    "/vanersborg/anslagstavla/",
    "/vanersborg/anslagstavla/arkiv/",
    "/vanersborg/postlista/",
    "/vanersborg/sammantraden/",
    "/vanersborg/allmanna-handlingar/",
    "/vanersborg/styrdokument/kommundirektorsinstruktion/",
    "/tillganglighet/",
]


@pytest.mark.usefixtures("demo")
def test_the_public_pages_fit_a_phone_and_meet_wcag_21_aa(
    page: Page, axe_report: Callable[[Page], str]
) -> None:
    reports = at_both_widths(page, PUBLIC_PAGES, axe_report)

    assert not any(reports), "\n\n".join(filter(None, reports))


def test_the_menu_folds_on_a_phone_and_names_only_the_users_own_body(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    sign_in(page, "registrator")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    page.set_viewport_size(PHONE)
    page.goto("/vanersborg/diarium/")

    expect(menu).to_be_hidden()
    expect(page.get_by_role("button", name="Logga ut")).to_be_hidden()
    page.get_by_text("Meny", exact=True).click()
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Diarium")).to_have_attribute("aria-current", "page")
    expect(menu).to_contain_text(demo["vanersborg"].name)
    expect(menu).not_to_contain_text(demo["blekinge"].name)
    open_menu = axe_report(page)
    page.set_viewport_size(WIDE)
    expect(menu).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()

    assert not open_menu, open_menu


def test_the_meeting_pages_fit_a_phone_and_meet_wcag_21_aa(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    secretary = User.objects.get(username="sekreterare")
    day = timezone.localdate() + datetime.timedelta(days=21)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    meeting = meetings.meeting_schedule(
        actor=secretary,
        organization=demo["vanersborg"].organizations.get(slug="ks"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        place="Sessionssalen",
    )
    sign_in(page, "sekreterare")
    paths = [
        "/vanersborg/sammantraden/",
        "/vanersborg/sammantraden/plan/",
        f"/vanersborg/sammantraden/{meeting.pk}/hantera/",
        "/vanersborg/anslagstavla/nytt/",
    ]

    reports = at_both_widths(page, paths, axe_report)

    assert not any(reports), "\n\n".join(filter(None, reports))


FOLLOWUP_PAGES = [
    "/vanersborg/uppfoljning/",
    "/vanersborg/uppfoljning/beslutsunderlag/",
    "/vanersborg/uppfoljning/ekonomi/",
    "/vanersborg/uppfoljning/attest/",
    "/vanersborg/uppfoljning/uppsikt/",
    "/vanersborg/uppfoljning/kris/",
    "/vanersborg/uppfoljning/samtal/",
    "/vanersborg/uppfoljning/tillsattningar/",
    "/vanersborg/uppfoljning/styrdokument/",
    "/vanersborg/sammantraden/mina/",
]


@pytest.mark.usefixtures("signed_in")
def test_the_followup_pages_fit_a_phone_and_meet_wcag_21_aa(
    page: Page, axe_report: Callable[[Page], str]
) -> None:
    reports = at_both_widths(page, FOLLOWUP_PAGES, axe_report)

    assert not any(reports), "\n\n".join(filter(None, reports))


def test_a_held_meetings_pages_fit_a_phone_and_meet_wcag_21_aa(
    page: Page,
    demo: dict[str, Body],
    axe_report: Callable[[Page], str],
    settings: Settings,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    starts = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(13)))
    held = meetings.meeting_schedule(
        actor=None,
        organization=demo["vanersborg"].organizations.get(slug="ks"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        place="Sessionssalen",
    )
    hold_meeting(None, held)  # with a vote, a dissent, the minutes approved and posted
    sign_in(page, "sekreterare")
    paths = [
        f"/vanersborg/sammantraden/{held.pk}/",
        f"/vanersborg/sammantraden/{held.pk}/hantera/",
        f"/vanersborg/sammantraden/{held.pk}/sammantradet/",
        f"/vanersborg/sammantraden/{held.pk}/justering/",
    ]

    reports = at_both_widths(page, paths, axe_report)

    assert not any(reports), "\n\n".join(filter(None, reports))


def test_a_records_request_and_a_crisis_fit_a_phone_and_meet_wcag_21_aa(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    request = registry.records_request_register(
        actor=None,
        body=demo["vanersborg"],
        subject="Handlingarna om kulturbudgeten",
        requester="Eva Exempel",
    )
    load_followup_demo()
    crisis = CrisisEvent.objects.filter(body=demo["vanersborg"]).first()
    sign_in(page, "registrator")
    reports = at_both_widths(page, [f"/vanersborg/diarium/begaranden/{request.pk}/"], axe_report)
    page.get_by_role("button", name="Logga ut").click()
    sign_in(page, "direktor")
    reports += at_both_widths(page, [f"/vanersborg/uppfoljning/kris/{crisis.pk}/"], axe_report)

    assert not any(reports), "\n\n".join(filter(None, reports))
