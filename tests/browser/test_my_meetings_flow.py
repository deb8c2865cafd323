"""Mina sammanträden in the browser (issue 13, part 6): Bo Berg, a member of Vänersborg's
board, finds the coming meeting with its notice and members' packet, reports that he cannot
come, and the next substitute of his party is called and told; he makes a secret link to his
calendar, which a calendar fetches without signing in, and revokes it, after which it is not
found."""

import datetime
from io import BytesIO
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.organisation.models import Organization, Person
from tests.browser.meetings import PASSWORD
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def coming(seated_board: None, board: Organization) -> Meeting:
    """The board's meeting ten days ahead, its agenda built and the notice sent."""
    day = timezone.localdate() + datetime.timedelta(days=10)
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    meeting = services.meeting_schedule(
        actor=None, organization=board, starts_at=starts_at, place="Sessionssalen"
    )
    services.agenda_build(actor=None, meeting=meeting)
    services.notice_send(actor=None, meeting=meeting)
    mail.outbox.clear()
    return meeting


def test_a_member_reads_the_packet_reports_absence_and_keeps_a_calendar_link(
    page: Page, coming: Meeting
) -> None:
    heading = f"Kommunstyrelsen {timezone.localtime(coming.starts_at):%Y-%m-%d}"
    sign_in(page, "bo", PASSWORD)
    page.get_by_role("link", name="Mina sammanträden").first.click()

    article = page.get_by_role("article").filter(has=page.get_by_role("heading", name=heading))
    expect(article).to_contain_text("Kallad")
    href = article.get_by_role("link", name="Ledamotshandlingar (PDF)").get_attribute("href")
    packet = page.request.get(href or "")
    assert packet.ok, packet.status
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(packet.body())).pages)
    assert "Ny simhall" in " ".join(text.split())

    article.locator("summary", has_text="Anmäl förhinder").click()
    article.get_by_label("Meddelande till sekreteraren (frivilligt)").fill("På tjänsteresa.")
    article.locator("form button[type=submit]", has_text="Anmäl förhinder").click()

    expect(article.locator(".tag", has_text="Anmält förhinder")).to_be_visible()
    bo = Person.objects.get(given_name="Bo", family_name="Berg")
    erik = Person.objects.get(given_name="Erik", family_name="Ek")
    assert not coming.attendance.get(person=bo).present
    assert coming.attendance.get(person=erik).serves_for == bo
    called = [message for message in mail.outbox if message.to == [erik.email]]
    assert called and "Du kallas att tjänstgöra för Bo Berg" in called[0].body

    page.get_by_role("link", name="Min kalender: prenumerera på dina sammanträden").click()
    page.get_by_role("button", name="Skapa en kalenderlänk").click()
    link = urlparse(page.get_by_label("Kalenderlänk").input_value()).path
    feed = Client().get(link)
    assert feed.status_code == 200
    assert b"BEGIN:VCALENDAR" in feed.content and b"Kommunstyrelsen" in feed.content

    page.get_by_role("button", name="Återkalla länken").click()

    expect(page.get_by_text("Du har ingen kalenderlänk.")).to_be_visible()
    assert Client().get(link).status_code == 404
