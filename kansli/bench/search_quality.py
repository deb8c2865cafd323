"""Whether search finds what is asked for: recall@10 and MRR over a labelled set of queries
(docs/benchmarks.md).

    kansli bench search-quality   # recall@10 and MRR of kansli/bench/search_queries.yaml

The set's documents are registered through the registry's services in a body of their own,
inside a transaction that is rolled back, so the command leaves nothing behind; each query
is then run through `search.selectors.search` as a case officer of that body, as the search
page runs it. Recall@10 is, for each query, the share of its expected documents among the
first ten hits (of at most ten expected), averaged; MRR the mean of 1 / the rank of the first
expected document (0 when none is in the first ten).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.search.selectors import SearchFilters, search

QUERIES = Path(__file__).with_name("search_queries.yaml")
TOP = 10


@dataclass(frozen=True)
class Miss:
    query: str
    expected: list[str]
    found: list[str]


@dataclass(frozen=True)
class QualityResult:
    queries: int
    documents: int
    recall: float
    mrr: float
    misses: list[Miss] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [
            f"Frågor: {self.queries}, handlingar: {self.documents}",
            f"recall@{TOP}: {self.recall:.3f}",
            f"MRR: {self.mrr:.3f}",
        ]
        lines += [
            f"  saknas: {miss.query!r} väntade {miss.expected}, fick {miss.found}"
            for miss in self.misses
        ]
        return "\n".join(lines)


def _corpus(documents: list[dict[str, str]]) -> tuple[Body, User, dict[int, str]]:
    """The set's documents registered in a body of their own; their keys by document id."""
    body = organisation.body_create(
        actor=None, slug="sokkvalitet", name="Sökkvalitetens kommun", kind=Body.Kind.MUNICIPALITY
    )
    board = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="ks",
        name="Kommunstyrelsen",
        short_name="KS",
    )
    person = organisation.person_create(
        actor=None, body=body, given_name="Handläggare", family_name="Sökkvalitet"
    )
    user = user_create(
        actor=None,
        username="sokkvalitet-handlaggare",
        password=None,
        roles=[Role.CASE_OFFICER],
        person=person,
    )
    today = timezone.localdate()
    cases: dict[str, Case] = {}
    keys = {}
    for entry in documents:
        title = entry["case"]
        if title not in cases:
            cases[title] = registry.case_open(
                actor=None, organization=board, title=title, opened_on=today
            )
        counterpart = entry.get("counterpart", "")
        document = registry.document_register(
            actor=None,
            case=cases[title],
            # A letter from its sender; a document without one is drawn up by the body.
            direction=Document.Direction.INCOMING if counterpart else Document.Direction.DRAWN_UP,
            date=today,
            description=entry["description"],
            counterpart=counterpart,
        )
        keys[document.pk] = entry["key"]
    return body, user, keys


def _measure(data: dict[str, Any]) -> QualityResult:
    body, user, keys = _corpus(data["documents"])
    filters = SearchFilters(body=body)
    recalls, reciprocal_ranks, misses = [], [], []
    for query in data["queries"]:
        hits = search(user=user, query=query["q"], filters=filters, per_page=TOP).hits
        found = [keys[hit.view.document.pk] for hit in hits]
        expected = query["expect"]
        recalls.append(len(set(expected) & set(found)) / min(len(expected), TOP))
        first = next((rank for rank, key in enumerate(found, 1) if key in expected), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if not set(expected) <= set(found):
            misses.append(Miss(query["q"], expected, found))
    count = len(data["queries"])
    return QualityResult(
        queries=count,
        documents=len(keys),
        recall=sum(recalls) / count,
        mrr=sum(reciprocal_ranks) / count,
        misses=misses,
    )


def bench_search_quality(path: Path = QUERIES) -> QualityResult:
    """Recall@10 and MRR of the labelled set at `path`, leaving the database as it was."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    with transaction.atomic():
        result = _measure(data)
        transaction.set_rollback(True)
    return result


def add_search_quality_command(sub: Any) -> None:
    """`kansli bench search-quality`, a subcommand of `kansli bench`."""
    quality = sub.add_parser(
        "search-quality", help=_("Sökningens recall@10 och MRR över en märkt frågemängd.")
    )
    quality.add_argument("--queries", type=Path, default=QUERIES, help=_("Frågemängden (YAML)."))


def handle_search_quality_command(stdout: Any, options: dict[str, Any]) -> bool:
    """Run `search-quality` if that is the subcommand; False for any other."""
    if options["subcommand"] != "search-quality":
        return False
    stdout.write(str(bench_search_quality(options["queries"])))
    return True
