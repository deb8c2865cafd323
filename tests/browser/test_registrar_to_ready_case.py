"""From an incoming letter to a case ready for the board: Vänersborg's registrar registers a
letter with its PDF in a new case for the case officer, who writes the officer's report with a
resolution clause, picks the rapporteur and sets the case ready; the case page shows it."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kansli.organisation.models import Body
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_registered_letter_becomes_a_case_ready_for_the_board(
    page: Page, demo: dict[str, Body], tmp_path: Path
) -> None:
    letter = tmp_path / "skrivelse.pdf"
    letter.write_bytes(pdf_bytes("Forslag om ny instruktion for kommundirektoren"))

    sign_in(page, "registrator")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("listitem").filter(has_text="Vänersborgs kommun").get_by_role(
        "link", name="Diarium"
    ).click()
    page.get_by_role("link", name="Registrera handling").click()
    expect(page.get_by_label("Avsändare", exact=True)).to_be_focused()
    page.keyboard.type("Medborgarförslag från Anna Andersson")
    page.get_by_label("Beskrivning", exact=True).fill("Förslag om ny kommundirektörsinstruktion")
    page.get_by_label("Fil", exact=True).set_input_files(letter)
    page.get_by_label("Handläggare").select_option(label="Oscar Malmberg")
    page.get_by_role("button", name="Registrera").click()

    document = Document.objects.get()
    expect(page.get_by_role("status")).to_have_text(f"Handlingen {document.number} är registrerad.")
    expect(
        page.get_by_role("row", name="Förslag om ny kommundirektörsinstruktion")
    ).to_contain_text("skrivelse.pdf")
    expect(page.get_by_role("main")).to_contain_text("Tjänsteskrivelse saknas.")
    sign_out(page)

    sign_in(page, "handlaggare")
    page.goto("/vanersborg/diarium/mina-arenden/")
    page.get_by_role("link", name=document.case.number).click()
    page.get_by_role("link", name="Skriv tjänsteskrivelse").click()
    page.get_by_label("Tjänsteskrivelse", exact=True).fill(
        "Förslaget tar upp hur kommundirektören leder förvaltningen."
    )
    page.get_by_label("Förslag till beslut").fill("att anta instruktionen")
    page.get_by_label("Föredragande").select_option(label="Oscar Malmberg")
    page.get_by_role("button", name="Spara tjänsteskrivelsen").click()
    expect(page.get_by_role("status")).to_have_text("Tjänsteskrivelsen är sparad.")
    expect(page.get_by_role("main")).to_contain_text("Inget saknas")
    page.get_by_role("button", name="Markera som klart för dagordning").click()

    expect(page.get_by_role("status")).to_have_text("Ärendets status är ändrad.")
    expect(page.get_by_role("definition").filter(has_text="Klart för dagordning")).to_be_visible()
    expect(page.get_by_role("list").filter(has_text="att anta instruktionen")).to_be_visible()
    history = page.get_by_role("row").filter(has_text="Klart för dagordning")
    expect(history).to_contain_text("Oscar Malmberg")
