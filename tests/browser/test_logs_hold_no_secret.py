"""Nothing secret in any log: a registrar opens a secret case and registers a secret letter in
it, the case officer reads it, and the public searches for it; every line the server logged,
captured at DEBUG as production writes it (JSON), is free of the marker planted in the case's
title, the sender, the description and the file."""

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kansli import observability
from kansli.organisation.models import Body
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser

MARKER = "LOGGHEMLIS7391"


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """Every record of every logger at DEBUG (the live server runs in this process), through
    the production formatter and filter."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.addFilter(observability.RequestIdFilter())
    handler.setFormatter(observability.JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield output
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_secret_case_registered_read_and_searched_for_leaves_no_trace_in_the_log(
    page: Page, demo: dict[str, Body], tmp_path: Path, server_log: io.StringIO
) -> None:
    letter = tmp_path / "brev.pdf"
    letter.write_bytes(pdf_bytes(f"Utredning om barnet {MARKER}"))

    sign_in(page, "registrator")
    page.goto("/vanersborg/diarium/arenden/nytt/")
    page.get_by_label("Ärendemening").fill(f"Placering av barnet {MARKER}")
    page.get_by_label("Organisation").select_option(index=1)
    page.get_by_label("Handläggare").select_option(label="Oscar Malmberg")
    page.get_by_label("Sekretessgrund").select_option(index=1)
    page.get_by_role("button", name="Öppna ärendet").click()
    expect(page.get_by_role("status")).to_have_text("Ärendet är öppnat.")
    page.get_by_role("link", name="Registrera handling i ärendet").click()
    page.get_by_label("Avsändare", exact=True).fill(f"Familjen {MARKER}")
    page.get_by_label("Beskrivning", exact=True).fill(f"Brev om barnet {MARKER}")
    page.get_by_label("Fil", exact=True).set_input_files(letter)
    page.locator("summary", has_text="Sekretess").click()
    page.get_by_label("Sekretessgrund").select_option(index=1)
    page.get_by_label("Dölj avsändaren").check()
    page.get_by_label("Dölj beskrivningen").check()
    page.get_by_role("button", name="Registrera").click()
    document = Document.objects.get(description__contains=MARKER)
    expect(page.get_by_role("status")).to_have_text(f"Handlingen {document.number} är registrerad.")
    sign_out(page)

    case = Case.objects.get(title__contains=MARKER)
    assert case.secrecy_reference
    sign_in(page, "handlaggare")
    page.goto("/vanersborg/diarium/mina-arenden/")
    page.get_by_role("link", name=case.number).click()
    expect(page.get_by_role("main")).to_contain_text(MARKER)
    sign_out(page)

    page.goto("/vanersborg/sok/")
    page.get_by_label("Sökord").fill(MARKER)
    page.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("main")).not_to_contain_text(f"barnet {MARKER}")

    lines = [json.loads(line) for line in server_log.getvalue().splitlines()]
    requests = [line for line in lines if line["logger"] == "kansli.request"]
    assert {line["view"] for line in requests} >= {
        "registry:case_open",
        "registry:document_create",
        "portal:search",
    }
    assert all(line["request_id"] != "-" for line in requests)
    leaks = [line for line in server_log.getvalue().splitlines() if MARKER in line]
    assert not leaks, "\n".join(leaks)
