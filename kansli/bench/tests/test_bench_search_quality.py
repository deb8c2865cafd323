"""`kansli bench search-quality` registers a labelled set's documents, runs its queries and
prints recall@10 and MRR, leaving the database as it was: a smoke test on a tiny set."""

from io import StringIO
from pathlib import Path

import yaml
from django.core.management import call_command
from pytest_django.fixtures import Settings

from kansli.bench.search_quality import QUERIES
from kansli.registry.models import Document

TINY = """
documents:
- {key: a, case: Revidering av kommundirektörsinstruktion, description: Tjänsteskrivelse}
- {key: b, case: Laddplatser, description: Synpunkter, counterpart: Kommunens revisorer}
queries:
- {q: direktör, expect: [a]}
- {q: revisor, expect: [b]}
- {q: budget, expect: [a]}
"""


def test_recall_and_mrr_of_a_tiny_set(db: None, settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    queries = tmp_path / "queries.yaml"
    queries.write_text(TINY, encoding="utf-8")
    out = StringIO()

    call_command("bench", "search-quality", "--queries", str(queries), stdout=out)

    report = out.getvalue()
    assert "Frågor: 3, handlingar: 2" in report
    assert "recall@10: 0.667" in report
    assert "MRR: 0.667" in report
    assert "saknas: 'budget' väntade ['a'], fick []" in report
    assert not Document.objects.exists()


def test_the_set_has_at_least_200_queries() -> None:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    keys = {document["key"] for document in data["documents"]}
    assert len(data["queries"]) >= 200
    assert all(set(query["expect"]) <= keys and query["expect"] for query in data["queries"])
