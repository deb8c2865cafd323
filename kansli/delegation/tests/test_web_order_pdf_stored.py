"""The delegation order's PDF is laid out once per version of what it shows, stored, and served
with its version as ETag: a reader who holds it gets 304, and nothing is laid out again."""

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from kansli import pdf
from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> list[int]:
    """One entry for each PDF laid out from here on, stored in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    made: list[int] = []
    write = pdf.write

    def counted(document: object) -> bytes:
        made.append(1)
        return write(document)

    monkeypatch.setattr(pdf, "write", counted)
    return made


def test_the_order_pdf_is_stored_once_and_revalidated(
    demo: object, layouts: list[int], settings: Settings
) -> None:
    order = DelegationOrder.objects.get(body__slug="vanersborg")
    client = Client()
    client.force_login(User.objects.get(username="sekreterare"))
    url = f"/vanersborg/delegation/ordning/{order.pk}/pdf/"

    first = client.get(url)
    again = client.get(url)
    held = client.get(url, headers={"if-none-match": first["ETag"]})

    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert first.content.startswith(b"%PDF")
    assert held.status_code == 304
    assert first["ETag"] == held["ETag"]
    assert "private" in first["Cache-Control"]
    assert len(layouts) == 1
    stored = Path(settings.MEDIA_ROOT) / "generated" / "delegation" / str(order.pk)
    assert len(list(stored.glob("delegationsordning-*.pdf"))) == 1
