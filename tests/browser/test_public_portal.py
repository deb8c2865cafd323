"""An anonymous visitor on a phone-sized screen walks from `/` through a body's portal to the
anslagstavla, a called meeting's agenda and public packet, the postlista's entry and the
records request form; axe-core finds nothing on any page, and no secret is shown."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect

from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Document
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 375, "height": 812}
SECRET = "Orosanmälan om Sekretessbarnet"


def plant(body: Body) -> tuple[Document, Meeting]:
    """An open letter and a secret one registered today, and a called meeting of the board
    ten days ahead with the secret case on its agenda."""
    board = Organization.objects.get(body=body, slug="ks")
    case = registry.case_open(actor=None, organization=board, title="Ny cykelbana i centrum")
    letter = registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Cykelföreningen",
        description="Förslag om cykelbana längs älven",
    )
    secret_case = registry.case_open(
        actor=None, organization=board, title=SECRET, secrecy_reference="OSL 26 kap. 1 §"
    )
    registry.document_register(
        actor=None,
        case=secret_case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Anmälare Anmälarsson",
        description=SECRET,
        secrecy_reference="OSL 26 kap. 1 §",
        counterpart_masked=True,
        description_masked=True,
    )
    day = timezone.localdate() + datetime.timedelta(days=10)
    meeting = meetings.meeting_schedule(
        actor=None,
        organization=board,
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))),
        place="Sessionssalen",
    )
    meetings.item_add(actor=None, meeting=meeting, title="Budget 2027")
    meetings.item_add(actor=None, meeting=meeting, title=SECRET, case=secret_case)
    # Called: the notice's own sending is the meetings app's to test.
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CALLED)
    return letter, meeting


def test_a_visitor_on_a_phone_walks_the_public_portal(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    letter, meeting = plant(demo["vanersborg"])
    page.set_viewport_size(PHONE)
    reports = []

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommuner och regioner")
    reports.append(axe_report(page))

    page.get_by_role("link", name="Vänersborgs kommun", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vänersborgs kommun")
    expect(page.locator("main")).to_contain_text(letter.number)
    expect(page.locator("main")).not_to_contain_text(SECRET)
    reports.append(axe_report(page))

    page.get_by_role("link", name="Till anslagstavlan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anslagstavla")
    reports.append(axe_report(page))
    page.go_back()

    day = timezone.localtime(meeting.starts_at).date().isoformat()
    page.get_by_role("link", name=f"Dagordning Kommunstyrelsen {day}").click()
    expect(page.locator("main")).to_contain_text("Budget 2027")
    expect(page.locator("main")).not_to_contain_text(SECRET)
    reports.append(axe_report(page))
    page.go_back()

    packet = page.get_by_role("link", name=f"Handlingar Kommunstyrelsen {day} (PDF)")
    response = page.request.get(packet.get_attribute("href") or "")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"

    page.get_by_role("link", name="Till postlistan").click()
    expect(page.get_by_role("table")).to_contain_text("Förslag om cykelbana längs älven")
    expect(page.get_by_role("table")).not_to_contain_text(SECRET)
    reports.append(axe_report(page))

    page.get_by_role("link", name="Begär att få ta del av en allmän handling").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    reports.append(axe_report(page))

    for path in (
        "/vanersborg/sok/?q=cykelbana",
        "/vanersborg/protokoll/",
        "/vanersborg/gallande-styrdokument/",
        "/vanersborg/fortroendevalda/",
    ):
        page.goto(path)
        expect(page.locator("main")).not_to_contain_text(SECRET)
        reports.append(axe_report(page))
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    failures = [report for report in reports if report]
    assert not failures, "\n\n".join(failures)


def test_mitt_arbete_on_a_phone_is_accessible(
    page: Page, demo: dict[str, Body], axe_report: Callable[[Page], str]
) -> None:
    registry.case_open(
        actor=None,
        organization=Organization.objects.get(body=demo["vanersborg"], slug="ks"),
        title="Laddplatser vid stadshuset",
        case_officer=Person.objects.get(user__username="handlaggare"),
    )
    sign_in(page, "handlaggare")  # at the desktop's width, where the button shows
    page.set_viewport_size(PHONE)

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitt arbete")
    expect(page.locator("main")).to_contain_text("Laddplatser vid stadshuset")
    report = axe_report(page)

    assert not report, report
