"""An anonymous visitor on a phone-sized screen walks from `/` through a body's portal to the
anslagstavla, a called meeting's agenda and public packet, the postlista's entry and the
records request form; axe-core finds nothing on any page, and no secret is shown. Then issue
15's walk: the notice board's minutes notice, the minutes as justerade, a packet, the postlista and
the request form, in Swedish and again in English."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect
from pytest_django.fixtures import Settings

from kansli.demo.meetings import hold_meeting
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


# The walk's words in each language, as the visitor reads them.
WORDS = {
    "sv": {
        "bodies": "Kommuner och regioner",
        "to_board": "Till anslagstavlan",
        "board": "Anslagstavla",
        "minutes": "Protokoll {name} {day} (PDF)",
        "agenda": "Dagordning {name} {day}",
        "signed": "Justerat på papper: Anna Andersson",
        "packet": "Handlingar {name} {day} (PDF)",
        "to_postlista": "Till postlistan",
        "request": "Begär att få ta del av en allmän handling",
    },
    "en": {
        "bodies": "Municipalities and regions",
        "to_board": "To the notice board",
        "board": "Notice board (anslagstavla)",
        "minutes": "Minutes {name} {day} (PDF)",
        "agenda": "Agenda {name} {day}",
        "signed": "Approved on paper: Anna Andersson",
        "packet": "Documents {name} {day} (PDF)",
        "to_postlista": "To the public registry list",
        "request": "Request access to a public document",
    },
}


def walk(
    page: Page,
    report: Callable[[Page], str],
    words: dict[str, str],
    meetings_: tuple[Meeting, Meeting],
    letter: str,
) -> list[str]:
    """From `/` to the notice board and its minutes notice, the minutes as justerade, the called
    meeting's public packet, the postlista's entry and the records request form; what axe
    finds on each page."""
    posted, called = meetings_
    reports = []
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["bodies"])
    reports.append(report(page))
    page.get_by_role("link", name="Vänersborgs kommun", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vänersborgs kommun")
    reports.append(report(page))

    page.get_by_role("link", name=words["to_board"]).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(words["board"])
    reports.append(report(page))
    name, day = posted.organization.name, timezone.localtime(posted.starts_at).date().isoformat()
    minutes = page.get_by_role("link", name=words["minutes"].format(name=name, day=day))
    served = page.request.get(minutes.get_attribute("href") or "")
    assert served.status == 200
    assert served.headers["content-type"] == "application/pdf"
    page.get_by_role("link", name=words["agenda"].format(name=name, day=day)).click()
    expect(page.get_by_role("main")).to_contain_text(words["signed"])
    reports.append(report(page))

    page.goto("/vanersborg/")
    name, day = called.organization.name, timezone.localtime(called.starts_at).date().isoformat()
    packet = page.get_by_role("link", name=words["packet"].format(name=name, day=day))
    response = page.request.get(packet.get_attribute("href") or "")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"

    page.get_by_role("link", name=words["to_postlista"]).click()
    expect(page.get_by_role("table")).to_contain_text(letter)
    expect(page.get_by_role("table")).not_to_contain_text(SECRET)
    reports.append(report(page))

    page.get_by_role("link", name=words["request"]).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    reports.append(report(page))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    return reports


def test_a_visitor_on_a_phone_reaches_the_approved_minutes_and_again_in_english(
    page: Page,
    demo: dict[str, Body],
    axe_report: Callable[[Page], str],
    settings: Settings,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    letter, called = plant(demo["vanersborg"])
    # Yesterday's board meeting, held and approved today: its minutes posted on the board.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    posted = meetings.meeting_schedule(
        actor=None,
        organization=called.organization,
        starts_at=timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(13))),
        ends_at=timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(16))),
        place="Sessionssalen",
    )
    hold_meeting(None, posted)
    page.set_viewport_size(PHONE)

    reports = walk(page, axe_report, WORDS["sv"], (posted, called), letter.description)
    page.get_by_role("button", name="In English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    reports += walk(page, axe_report, WORDS["en"], (posted, called), letter.description)

    failures = [report for report in reports if report]
    assert not failures, "\n\n".join(failures)
