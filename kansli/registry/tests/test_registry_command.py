import datetime
import os
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import Document
from kansli.registry.tests.conftest import stored_files


def test_sweep_removes_an_old_stored_file_without_row_and_keeps_the_rest(
    secret_letter: Document, media: Path
) -> None:
    kept = media / secret_letter.files.get().storage_name
    orphan = kept.parent / "orphan.pdf"
    orphan.write_bytes(b"%PDF-1.4 left behind")
    long_ago = (timezone.now() - datetime.timedelta(hours=30)).timestamp()
    os.utime(orphan, (long_ago, long_ago))
    out = StringIO()

    call_command("registry", "sweep", stdout=out)

    assert stored_files(media) == [kept]
    assert "1 filer utan handling togs bort." in out.getvalue()


def test_sweep_spares_a_recent_file(media: Path, db: None) -> None:
    recent = media / "registry" / "new.pdf"
    recent.parent.mkdir(parents=True)
    recent.write_bytes(b"%PDF-1.4 in progress")
    just_now = timezone.now().timestamp()  # the suite's clock, which CI also runs a year ahead
    os.utime(recent, (just_now, just_now))

    call_command("registry", "sweep", stdout=StringIO())

    assert recent.exists()


def test_requests_lists_what_waits_with_its_deadline(body: Body) -> None:
    services.records_request_register(
        actor=None,
        body=body,
        subject="Protokoll",
        received_at=timezone.now() - datetime.timedelta(days=10),
    )
    out = StringIO()

    call_command("registry", "requests", "vanersborg", stdout=out)

    assert "Protokoll – väntat 240 h" in out.getvalue()
    assert "FÖRSENAD" in out.getvalue()
