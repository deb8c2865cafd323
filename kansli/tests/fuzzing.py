"""The planted world of the fuzz tests (issue 11, item 3): the whole demo (organisation,
registry, meetings, follow-up), a registered file, and the real values a URL's parameters take
in it, by the name the URL conf and the API give each parameter."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.db.models import Model
from django.utils import timezone
from hypothesis import HealthCheck, settings

from kansli.bounds import YEAR_MAX, YEAR_MIN
from kansli.decisions.models import Assignment, AssignmentReport, Decision, ExecutionTask
from kansli.delegation.models import DelegationOrder
from kansli.demo.followup import load_followup_demo
from kansli.demo.meetings import load_meetings_demo
from kansli.demo.registry import load_registry_demo
from kansli.followup.models import CrisisEvent, SupervisionReport, Talk
from kansli.governance.models import GoverningDocument, Section
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.views import DOWNLOADS, ITEM_ACTIONS, MEETING_ACTIONS
from kansli.organisation.models import Organization, Person, Position
from kansli.registry import services as registry
from kansli.registry.models import Document, File, PublicRecordsRequest
from kansli.registry.tests.samples import pdf_bytes, upload

# The body whose pages and operations are reached with real values; the other body's users
# and ids still come in, as callers and as values that belong elsewhere.
HOME = "vanersborg"
# Who signs in or holds a key: a user of each role of Vänersborg, and Blekinge's registrar.
USERNAMES = (
    "registrator",
    "sekreterare",
    "handlaggare",
    "direktor",
    "ledamot",
    "admin",
    "blekinge-registrator",
)
ANONYMOUS = "anonymous"

# Hostile values for a path parameter: beyond 64 bits, negative, NUL, very long, non-ASCII.
HOSTILE = (
    "99999999999999999999",
    "-1",
    "0",
    "a\x00b",
    "%00",
    "x" * 3000,
    "9" * 400,
    "Ärende ∑ 😀",
    "../",
)


def plant_world() -> None:
    """The registry, meetings and follow-up of the demo on top of the `demo` fixture, and a
    PDF on a registered document."""
    load_registry_demo()
    load_meetings_demo()
    load_followup_demo()
    document = Document.objects.filter(case__organization__body__slug=HOME).first()
    registry.file_attach(
        actor=None, document=document, upload=upload("bilaga.pdf", pdf_bytes("Bilaga"))
    )


def _values(model: type[Model], field: str = "pk", *, body: str) -> list[str]:
    """Up to 20 values of the field in rows of the home body (`body` the lookup to its slug)."""
    rows = model._base_manager.filter(**{body: HOME}).order_by(field)
    return [str(value) for value in rows.values_list(field, flat=True).distinct()[:20]]


def real_values() -> dict[str, list[str]]:
    """For each path parameter's name, in the URL conf and in the API, the values it takes in
    the planted world: the home body's, so that a page is reached with them together. The
    meetings with agenda items come first, the first with the first item."""
    items = AgendaItem.objects.filter(meeting__organization__body__slug=HOME).order_by(
        "meeting_id", "pk"
    )[:20]
    with_items = [str(item.meeting_id) for item in items]
    meetings = [*with_items, *_values(Meeting, body="organization__body__slug")]
    ids = {
        "order": _values(DelegationOrder, body="body__slug"),
        "decision": _values(Decision, body="body__slug"),
        "case": _values(Document, "case_id", body="case__organization__body__slug"),
        "person": _values(Person, body="body__slug"),
        "file": _values(File, body="document__case__organization__body__slug"),
        "meeting": list(dict.fromkeys(meetings)),
        "item": [str(item.pk) for item in items],
        "task": _values(ExecutionTask, body="decision__body__slug"),
        "assignment": _values(Assignment, body="decision__body__slug"),
        "event": _values(CrisisEvent, body="body__slug"),
        "talk": _values(Talk, body="body__slug"),
        "request": _values(PublicRecordsRequest, body="body__slug"),
    }
    organizations = _values(Organization, "slug", body="body__slug")
    documents = _values(GoverningDocument, "slug", body="body__slug")
    return {
        **ids,
        **{f"{name}_id": values for name, values in ids.items()},
        "body": [HOME],
        "slug": [HOME],
        "organization": organizations,
        "org_slug": organizations,
        "position_slug": _values(Position, "slug", body="body__slug"),
        "doc_slug": documents,
        "document": [*documents, *DOWNLOADS],
        "document_id": _values(Document, body="case__organization__body__slug"),
        "key": _values(Section, "key", body="version__document__body__slug"),
        # The URL conf's report is an assignment's; the API's report_id a supervision report.
        "report": _values(AssignmentReport, body="assignment__decision__body__slug"),
        "report_id": _values(SupervisionReport, body="organization__body__slug"),
        "action": [*MEETING_ACTIONS, *ITEM_ACTIONS],
        "year": [str(YEAR_MIN), str(YEAR_MAX), str(timezone.localdate().year)],
    }


@contextmanager
def connection_kept_across_requests() -> Iterator[None]:
    """Requests through the WSGI handler that keep the test's database connection, as Django's
    test client does: the end of a request would otherwise close it, and the test's transaction
    (the planted world) with it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def bounded(examples: int) -> settings:
    """The fuzz tests' hypothesis settings: so many examples, the same ones at every run, with
    no deadline and no example database (the machines are shared and CI starts clean)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
