"""Signed minutes from the agenda to the audit (issue 13, "Done when"): Vänersborg's secretary
builds the board's agenda from a case ready for it without a route and adds an election, sends
the notice with the officer's report in the packets, holds the meeting on its day (a roll-call
vote on the case, a tied election decided by lot), closes it and sends the minutes for
justering; the chair and the minutes checker each sign with PAdES in their own browser. The
public minutes say what was decided (the att-satser of the carried proposal), the public page
shows both signatures valid; renaming the chair changes no byte of the served minutes, and one
changed byte in the stored file makes `kansli audit verify` fail naming the minutes."""

import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from time_machine import TimeMachineFixture

from kansli.audit import services as audit
from kansli.meetings.models import Meeting
from kansli.organisation.models import Organization, Person
from kansli.preparation import services as preparation
from kansli.preparation.models import Preparation
from kansli.registry.models import Case
from tests.browser.meetings import PASSWORD, item
from tests.browser.signing import sign_in

pytestmark = pytest.mark.browser

REPORT = "Vänerbadet är uttjänt och en ny simhall behövs för skolornas simundervisning."
CLAUSES = ["att bygga en ny simhall vid Vänerparken", "att finansiera bygget inom ramen"]
ELECTION = "Val av ombud till kommunförbundet"
LOT = "Lika röstetal: lotten avgjorde valet."


@pytest.fixture
def minutes_storage(settings: Any, tmp_path: Path) -> Path:
    """The test's files, the stored minutes among them, in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def simhall(seated_board: None, board: Organization) -> Case:
    """The case ready for the board (no route), with an officer's report of its own words."""
    case = Case.objects.get(organization=board, title="Ny simhall")
    prepared = Preparation.objects.get(case=case)
    preparation.report_save(
        actor=None,
        case=case,
        text=REPORT,
        clauses=CLAUSES,
        financing=prepared.financing,
        rapporteur=prepared.rapporteur,
    )
    return case


def pdf_text(page: Page, link: str) -> tuple[bytes, str]:
    """The PDF the page's link leads to, fetched in the tab's session, and its text."""
    response = page.request.get(page.get_by_role("link", name=link).get_attribute("href") or "")
    assert response.ok, f"{link}: {response.status}"
    content = response.body()
    reader = PdfReader(BytesIO(content))
    return content, " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_signed_minutes_say_what_was_decided_stay_as_signed_and_are_verified(
    page: Page,
    browser: Browser,
    live_server: Any,
    simhall: Case,
    board: Organization,
    minutes_storage: Path,
    time_machine: TimeMachineFixture,
) -> None:
    # Seven in the morning of the meeting's day: the notice goes out before nine, and the
    # meeting is opened on its day.
    day = timezone.localdate()
    time_machine.move_to(
        datetime.datetime.combine(day, datetime.time(7), tzinfo=timezone.get_current_timezone())
    )
    sign_in(page, "ebba", PASSWORD)
    page.goto(f"/vanersborg/sammantraden/plan/?organisation={board.pk}&ar={day.year}")
    page.get_by_label("Börjar").fill(f"{day.isoformat()}T09:00")
    page.get_by_label("Plats").fill("Sessionssalen")
    page.get_by_role("button", name="Planera sammanträdet").click()
    expect(page.get_by_role("status")).to_have_text("Sammanträdet är planerat.")
    page.get_by_role("button", name="Bygg dagordning").click()
    expect(page.get_by_role("status")).to_have_text("Dagordningen är byggd.")
    expect(page.get_by_role("heading", name="Ny simhall")).to_be_visible()
    summary = page.locator("summary", has_text="Lägg till punkt")
    adding = page.locator("details").filter(has=summary)
    summary.click()
    adding.get_by_label("Rubrik").fill(ELECTION)
    adding.get_by_label("Slag", exact=True).select_option(label="Val")
    adding.get_by_role("button", name="Lägg till punkten").click()
    expect(page.get_by_role("heading", name=ELECTION)).to_be_visible()
    meeting_page = page.url

    page.get_by_role("link", name="Skicka kallelse …").click()
    page.get_by_role("button", name="Skicka kallelsen").click()
    expect(
        page.get_by_role("status").filter(
            has_text="Kallelsen skickas till var och en: se utskicken på sidan."
        )
    ).to_be_visible()
    page.goto(meeting_page)
    for packet in ("Handlingar för ledamöter (PDF)", "Offentliga handlingar (PDF)"):
        _, text = pdf_text(page, packet)
        assert REPORT in text, packet

    page.get_by_role("link", name="Sammanträdet", exact=True).click()
    page.get_by_role("button", name="Fyll i närvarolistan").click()
    page.get_by_text("Välj justerare").click()
    page.get_by_role("checkbox", name="Bo Berg").check()
    page.get_by_role("button", name="Välj justerarna").click()
    page.get_by_role("button", name="Öppna sammanträdet").click()
    expect(page.get_by_role("status")).to_have_text("Sammanträdet är öppnat.")

    simhall_item = item(page, "Ny simhall")
    simhall_item.get_by_label("Bifall till förslaget till beslut").check()
    simhall_item.get_by_label("Yrkat av").select_option(label="Cecilia Ceder")
    simhall_item.get_by_role("button", name="Anteckna yrkande").click()
    simhall_item = item(page, "Ny simhall")
    simhall_item.get_by_label("Yrkande", exact=True).fill("Att avslå.")
    simhall_item.get_by_label("Yrkat av").select_option(label="Bo Berg")
    simhall_item.get_by_role("button", name="Anteckna yrkande").click()
    simhall_item = item(page, "Ny simhall")
    simhall_item.get_by_label("Ja-förslag").select_option(label="Yrkande 1 (Cecilia Ceder)")
    simhall_item.get_by_label("Nej-förslag").select_option(label="Yrkande 2 (Bo Berg)")
    votes = {"Anna Andersson": "ja", "Bo Berg": "nej", "Cecilia Ceder": "ja", "David Dahl": "ja"}
    for name, choice in votes.items():
        simhall_item.get_by_role("group", name=name).get_by_label(choice, exact=True).check()
    simhall_item.get_by_role("button", name="Registrera voteringen").click()
    expect(page.get_by_role("status")).to_have_text("Voteringen är registrerad.")
    expect(item(page, "Ny simhall")).to_contain_text("Omröstning: 3 ja, 1 nej, 0 avstår.")

    for nominee, proposer in (("Cecilia Ceder", "Anna Andersson"), ("David Dahl", "Bo Berg")):
        election = item(page, ELECTION)
        election.get_by_label("Yrkande", exact=True).fill(nominee)
        election.get_by_label("Yrkat av").select_option(label=proposer)
        election.get_by_role("button", name="Anteckna yrkande").click()
    secret = (
        item(page, ELECTION)
        .locator("form")
        .filter(has=page.get_by_role("button", name="Registrera den slutna omröstningen"))
    )
    secret.get_by_label("Ja-förslag", exact=True).select_option(label="Yrkande 1 (Anna Andersson)")
    secret.get_by_label("Nej-förslag", exact=True).select_option(label="Yrkande 2 (Bo Berg)")
    secret.get_by_label("Röster för ja-förslaget").fill("2")
    secret.get_by_label("Röster för nej-förslaget").fill("2")
    secret.get_by_role("button", name="Registrera den slutna omröstningen").click()
    expect(item(page, ELECTION)).to_contain_text(f"Omröstning: 2 ja, 2 nej, 0 avstår. {LOT}")
    page.get_by_role("button", name="Avsluta sammanträdet").click()

    page.goto(meeting_page)
    page.get_by_role("link", name="Protokollets justering och versioner").click()
    justering = page.url
    page.get_by_role("button", name="Skicka protokollet för justering").click()
    expect(page.get_by_role("status")).to_have_text("Protokollet är skickat för justering.")

    for username, name in (("anna", "Anna Andersson"), ("bo", "Bo Berg")):
        own = browser.new_context(base_url=live_server.url, locale="sv-SE")
        signer = own.new_page()
        sign_in(signer, username, PASSWORD)
        signer.goto(justering)
        signer.get_by_role("button", name="Signera protokollet").click()
        expect(signer.get_by_role("status")).to_have_text("Du har signerat protokollet.")
        expect(signer.get_by_role("main")).to_contain_text(f"Signaturen är giltig, {name}")
        own.close()

    meeting = Meeting.objects.get(organization=board, starts_at__date=day)
    assert meeting.status == Meeting.Status.APPROVED
    page.goto(f"/vanersborg/sammantraden/{meeting.pk}/")
    signed = f", {timezone.localdate().isoformat()}"
    for name in ("Anna Andersson", "Bo Berg"):
        expect(page.get_by_role("main")).to_contain_text(f"Signaturen är giltig, {name}{signed}")
    served, text = pdf_text(page, "Protokoll (PDF)")
    for clause in CLAUSES:
        assert clause in text
    assert LOT in text

    # No service renames a person; the change goes through the audited write, as the admin's.
    chair = Person.objects.get(body=board.body, given_name="Anna", family_name="Andersson")
    audit.update(actor=None, instance=chair, family_name="Nyberg")
    page.reload()
    expect(page.get_by_role("main")).to_contain_text("Signaturen är giltig, Anna Andersson")
    assert pdf_text(page, "Protokoll (PDF)")[0] == served

    call_command("audit", "verify")
    version = meeting.minutes_versions.get()
    with open(default_storage.path(version.public_file.name), "r+b") as stored:
        stored.seek(len(served) // 2)
        byte = stored.read(1)
        stored.seek(-1, 1)
        stored.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(CommandError) as failed:
        call_command("audit", "verify")
    assert f"Protokoll Kommunstyrelsen {day.isoformat()}, version 1" in str(failed.value)
