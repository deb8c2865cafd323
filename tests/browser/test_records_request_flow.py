"""A public records request from asking to the authority's decision (issue 14's "Done when"):
a member of the public asks for a document through the form, anonymously; the registrar
releases it with a passage masked, and the copy the requester fetches has the passage gone
from its text; the requester is refused another document, asks by the link for the
authority's decision, and the kommundirektör, the delegate Vänersborg's order names, decides
it with a besvärshänvisning to kammarrätten; the registrar closes the case and exports it to
the e-archive, as a package whose ERMS validates against the schema and whose every file has
its checksum in METS."""

import datetime
import hashlib
import io
from pathlib import Path

import pypdf
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kansli.archive.erms import erms_errors
from kansli.archive.tests.conftest import NS, XLINK, unpack
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes, upload
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

GROUND = "OSL 23 kap. 1 §"


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _letter(case: object, text: str, description: str) -> Document:
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Skolan",
        description=description,
        files=[upload("brev.pdf", pdf_bytes(text))],
    )


def _ask(page: Page, number: str) -> str:
    """The public asks for the document; the address of the request's page."""
    page.goto("/vanersborg/allmanna-handlingar/")
    page.get_by_label("Vilken handling vill du ta del av?").fill(number)
    page.get_by_role("button", name="Skicka begäran").click()
    expect(page.get_by_role("status")).to_contain_text("Din begäran är skickad.")
    return page.url


def _answer(page: Page, number: str, outcome: str, passage: str = "") -> None:
    """The registrar opens the request in the queue, names the document and answers."""
    page.goto("/vanersborg/diarium/begaranden/")
    page.get_by_role("link", name=number).click()
    page.get_by_label("Begärda handlingar").fill(number)
    page.get_by_label("Sekretessprövning", exact=True).fill("Uppgifter om en enskild elev.")
    page.get_by_role("button", name="Anteckna prövningen").click()
    expect(page.get_by_role("status")).to_have_text("Sekretessprövningen är antecknad.")
    page.get_by_label(outcome, exact=True).check()
    page.get_by_label("Sekretessgrund").fill(GROUND)
    if passage:
        page.get_by_label("Avsnitt att maskera").fill(passage)
    page.get_by_role("button", name="Registrera svaret").click()
    expect(page.get_by_role("status")).to_have_text("Svaret är registrerat.")


def test_a_request_released_masked_and_another_refused_and_decided_by_the_delegate(
    page: Page, demo: dict[str, Body]
) -> None:
    board = Organization.objects.get(body=demo["vanersborg"], slug="ks")
    case = services.case_open(actor=None, organization=board, title="Skolmiljön i Vänersborg")
    report = _letter(
        case, "Eleven Kalle Karlsson har anmalt brister i skolmiljon", "Rapport om skolmiljön"
    )
    notice = _letter(case, "Anmalan om en enskild elev", "Anmälan om elev")

    first = _ask(page, report.number)
    sign_in(page, "registrator")
    _answer(page, report.number, "lämnas ut delvis (maskerad)", passage="Kalle Karlsson")
    sign_out(page)

    page.goto(first)
    expect(page.get_by_role("main")).to_contain_text("Lämnas ut delvis (maskerad)")
    with page.expect_download() as download:
        page.get_by_role("link", name="maskerad.pdf").click()
    copy = pypdf.PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = " ".join(" ".join(page_.extract_text() for page_ in copy.pages).split())
    assert "Kalle Karlsson" not in text
    assert "har anmalt brister i skolmiljon" in text

    second = _ask(page, notice.number)
    sign_in(page, "registrator")
    _answer(page, notice.number, "avslag")
    sign_out(page)

    page.goto(second)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Du kan begära att Vänersborgs kommun prövar frågan")
    expect(main).not_to_contain_text("kammarrätten")
    page.get_by_role("button", name="Begär myndighetens beslut").click()
    expect(page.get_by_role("status")).to_have_text("Du har begärt myndighetens beslut.")

    sign_in(page, "direktor")
    page.goto("/vanersborg/diarium/begaranden/")
    page.get_by_role("link", name=notice.number).click()
    page.get_by_label("avslag", exact=True).check()
    page.get_by_label("Sekretessgrund").fill(GROUND)
    page.get_by_label("Motivering").fill("Uppgifterna rör en enskild elevs förhållanden.")
    page.get_by_role("button", name="Fatta myndighetens beslut").click()
    expect(page.get_by_role("status")).to_have_text("Myndighetens beslut är registrerat.")
    sign_out(page)

    page.goto(second)
    expect(main).to_contain_text("Beslutat med stöd av Kommundirektörsinstruktion, punkt 5.1.5")
    expect(main).to_contain_text("Du kan överklaga beslutet hos kammarrätten")

    sign_in(page, "registrator")
    page.goto(f"/vanersborg/diarium/arenden/{case.pk}/hantera/")
    page.locator("summary", has_text="Avsluta ärendet").click()
    page.get_by_label("Avslutningsanteckning").fill("Begärandena är besvarade.")
    page.get_by_role("button", name="Avsluta ärendet").click()
    expect(page.get_by_role("status")).to_have_text("Ärendet är avslutat.")

    page.goto("/vanersborg/arkiv/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Ärenden avslutade före").fill(tomorrow.isoformat())
    page.get_by_role("button", name="Visa ärendena").click()
    expect(page.get_by_role("table")).to_contain_text(case.number)
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ned paketet (zip)").click()
    package = unpack(Path(download.value.path()).read_bytes())
    erms = package.files["metadata/descriptive/erms.xml"]
    assert erms_errors(erms) == []
    assert case.number.encode() in erms
    for located in package.mets.findall(".//m:file/m:FLocat", NS):
        data = package.files[located.get(f"{{{XLINK}}}href")]
        assert located.getparent().get("CHECKSUM") == hashlib.sha256(data).hexdigest()
