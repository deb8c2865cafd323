"""`kansli bench seed` builds the synthetic body in bulk, searchable, and `kansli bench
registry` measures it: a smoke test on a tiny body, with no limit on the time."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command
from pytest_django.fixtures import Settings

from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify
from kansli.registry.models import Case, Document
from kansli.search.models import SearchEntry


def test_seed_then_measure_a_tiny_body(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()

    call_command("bench", "seed", "--documents", "40", stdout=out)
    call_command("bench", "seed", "--documents", "60", stdout=out)
    call_command(
        "bench",
        *("registry", "--registrations", "3", "--batch", "2", "--searches", "3", "--pages", "2"),
        stdout=out,
    )

    report = out.getvalue()
    # 60 seeded, past the log; 3 registered one at a time and 3 in batches, each audited.
    assert Document.objects.filter(case__organization__body__slug="bench").count() == 66
    assert SearchEntry.objects.count() == 66
    assert Event.objects.filter(action="document.create").count() == 6
    assert chain_verify().intact
    assert Case.objects.filter(organization__body__slug="bench").exists()
    assert "60 / 60" in report
    assert "Handlingar i diariet: 60" in report
    assert "Registrering en i taget (document_register" in report
    assert "Registrering 2 i taget (documents_register" in report
    assert "Sökning, två ord: p50" in report
    assert "Sökning, två ord med ett filter" in report
    assert "Sökning, vanligt ordpar utan och med varje filter: p50" in report
    assert "Ärendelistan, en sida mitt i: p50" in report
