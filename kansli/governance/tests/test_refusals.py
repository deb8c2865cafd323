"""A body's governing documents are entered and changed by its administrator (or the system
that loads them): every governance service refuses the wrong user. The documents are public
records, read by every signed-in user and API key of any body."""

import datetime
from typing import Any

from django.test import Client

from kansli.accounts.models import User
from kansli.governance import services
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Organization
from kansli.tests.refusals import (
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    Demo,
    RouteCase,
    ServiceCase,
)

OTHER_ADMINISTRATOR = "blekinge-admin"
NOT_ADMINISTERING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)
# Public records: every signed-in user, of any body, reads them; the public signs in first.
PUBLIC_READ = (ANONYMOUS,)
API = "/api/v1/bodies/{slug}/documents"
TEXT = "Riktlinje\n\n1. Syfte\n\nAtt ange riktningen.\n"


def _board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD)


def _document(demo: Demo) -> GoverningDocument:
    return GoverningDocument.objects.filter(body=demo["vanersborg"], versions__isnull=False).first()


def _new(demo: Demo) -> dict[str, Any]:
    return {
        "body": demo["vanersborg"],
        "slug": "riktlinje-for-prov",
        "kind": GoverningDocument.Kind.GUIDELINE,
        "name": "Riktlinje för prov",
        "adopted_by": _board(demo),
        "owner": _board(demo),
    }


SERVICES: list[ServiceCase] = [
    ServiceCase(services.document_create, _new, NOT_ADMINISTERING),
    ServiceCase(
        services.document_update,
        lambda demo: {"document": _document(demo), "name": "Nytt namn"},
        NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.revision_add,
        lambda demo: {
            "document": _document(demo),
            "decided_by": _board(demo),
            "decided_on": datetime.date(2026, 1, 28),
        },
        NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.version_add,
        lambda demo: {"document": _document(demo), "number": "9", "text": TEXT},
        NOT_ADMINISTERING,
    ),
]


def _slug(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg"}


def _section(demo: Demo) -> str:
    return _document(demo).current_version.sections.first().key


def _internal(demo: Demo) -> dict[str, Any]:
    """A document the body does not publish (not `external`): the staff's only. The demo's
    documents are published, and the public reads them."""
    document = services.document_create(
        actor=None,
        body=demo["vanersborg"],
        slug="intern-rutin",
        kind=GoverningDocument.Kind.GUIDELINE,
        name="Intern rutin",
        adopted_by=_board(demo),
        owner=_board(demo),
        external=False,
    )
    version = services.version_add(actor=None, document=document, number="1", text=TEXT)
    return {
        "body": "vanersborg",
        "document": document.slug,
        "key": version.sections.first().key,
    }


ROUTES: list[RouteCase] = [
    RouteCase("governance:document_list", lambda demo: {"body": "vanersborg"}, refused=PUBLIC_READ),
    RouteCase(
        "governance:document_detail",
        lambda demo: {"body": "vanersborg", "document": _internal(demo)["document"]},
        refused=PUBLIC_READ,
    ),
    RouteCase("governance:section_detail", _internal, refused=PUBLIC_READ),
    RouteCase(f"GET {API}", _slug, refused=PUBLIC_READ),
    RouteCase(
        f"GET {API}/{{doc_slug}}",
        lambda demo: {"slug": "vanersborg", "doc_slug": _document(demo).slug},
        refused=PUBLIC_READ,
    ),
    RouteCase(
        f"GET {API}/{{doc_slug}}/sections/{{key}}",
        lambda demo: {
            "slug": "vanersborg",
            "doc_slug": _document(demo).slug,
            "key": _section(demo),
        },
        refused=PUBLIC_READ,
    ),
]


def test_the_bodys_administrator_enters_a_governing_document(demo: Demo) -> None:
    document = services.document_create(actor=User.objects.get(username="admin"), **_new(demo))

    assert document.body == demo["vanersborg"]


def test_another_bodys_user_reads_the_governing_documents(demo: Demo) -> None:
    client = Client()
    client.force_login(User.objects.get(username="blekinge-registrator"))

    assert client.get("/vanersborg/styrdokument/").status_code == 200
