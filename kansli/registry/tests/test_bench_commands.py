"""`kansli bench seed` builds the synthetic body in bulk, searchable, and `kansli bench
registry` measures it: a smoke test on a tiny body, with no limit on the time."""

from io import StringIO

from django.core.management import call_command

from kansli.registry.models import Case, Document
from kansli.search.models import SearchEntry


def test_seed_then_measure_a_tiny_body(db: None) -> None:
    out = StringIO()

    call_command("bench", "seed", "--documents", "40", stdout=out)
    call_command("bench", "seed", "--documents", "60", stdout=out)
    call_command(
        "bench", "registry", "--registrations", "3", "--searches", "3", "--pages", "2", stdout=out
    )

    report = out.getvalue()
    assert Document.objects.filter(case__organization__body__slug="bench").count() == 63
    assert SearchEntry.objects.count() == 63
    assert Case.objects.filter(organization__body__slug="bench").exists()
    assert "60 / 60" in report
    assert "Handlingar i diariet: 60" in report
    assert "Sökning, två ord: p50" in report
    assert "Ärendelistan, en sida mitt i: p50" in report
