"""Fixtures shared by the whole suite: a body with its board, users of each role, signed-in
visitors, an instruction with its text, the demo data."""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.accounts.tests.second_factor import (  # noqa: F401
    second_factor_asked,
    second_factor_shown,
)
from kansli.demo.services import load_demo
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

# CI runs the suite a second time with the clock moved ahead (KANSLI_TEST_CLOCK_DAYS=365), so a
# test that hides a fixed date behind "today" fails the day it is written, not a year later.
CLOCK_SHIFT_DAYS = int(os.environ.get("KANSLI_TEST_CLOCK_DAYS", "0"))


def pytest_configure(config: pytest.Config) -> None:
    if CLOCK_SHIFT_DAYS:
        now = datetime.datetime.now(tz=datetime.UTC)
        time_machine.travel(now + datetime.timedelta(days=CLOCK_SHIFT_DAYS), tick=True).start()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests and the browser's first, the rest in their order. xdist's work-stealing
    (`make suite`) hands each worker half the list and lets an idle worker take from the
    other's queue: a long test started early overlaps the short ones instead of running on
    alone at the end."""
    items.sort(
        key=lambda item: not (item.get_closest_marker("slow") or item.get_closest_marker("browser"))
    )


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache, as with a clean database: a page kept for the
    public by one test (kansli.portal.views) is not served in the next."""
    cache.clear()


@pytest.fixture
def body(db: None) -> Body:
    return organisation.body_create(
        actor=None, slug="vanersborg", name="Vänersborgs kommun", kind=Body.Kind.MUNICIPALITY
    )


@pytest.fixture
def board(body: Body) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.EXECUTIVE_BOARD,
        slug="ks",
        name="Kommunstyrelsen",
        short_name="KS",
    )


@pytest.fixture
def department(body: Body, board: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.DEPARTMENT,
        slug="kommunstyrelseforvaltningen",
        name="Kommunstyrelseförvaltningen",
        parent=board,
    )


@pytest.fixture
def document(body: Body, board: Organization, department: Organization) -> GoverningDocument:
    return governance.document_create(
        actor=None,
        body=body,
        slug="kommundirektorsinstruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=department,
        adopted_on=datetime.date(2017, 12, 20),
        adopted_minute="§ 248",
    )


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(username: str, *roles: Role) -> User:
        return user_create(actor=None, username=username, password="lösenord-för-test", roles=roles)

    return make


# The pages' visitors and the instruction they read.
INSTRUCTION_TEXT = """Kommundirektörsinstruktion

1. Inledning

Varje kommun ska ha en kommundirektör.

5. Arbetsuppgifter mot förvaltningar

5.2 Övriga nämnder och förvaltningar

Kommundirektören är chef över förvaltningscheferna.

5.2.3 Kommundirektörens ansvar

Kommundirektören ska

- leda förvaltningscheferna
- samordna <förvaltningarna>
"""


@pytest.fixture
def visitor(make_user: Callable[..., User]) -> User:
    return make_user("besokare")


@pytest.fixture
def signed_in(client: Client, visitor: User) -> Client:
    client.force_login(visitor)
    return client


@pytest.fixture
def staff(client: Client, body: Body) -> Client:
    """Signed in as a person of the body (with no role): the staff of the body."""
    person = organisation.person_create(
        actor=None, body=body, given_name="Siri", family_name="Stab"
    )
    client.force_login(user_create(actor=None, username="stab", password=None, person=person))
    return client


@pytest.fixture
def instruction(document: GoverningDocument, board: Organization) -> GoverningDocument:
    """The minimal `document` with its header's metadata, a revision and a version's text."""
    governance.document_update(
        actor=None,
        document=document,
        responsible="Chefen för kommunkontoret",
        published_on=datetime.date(2018, 1, 15),
        subject_area="Styrning och ledning",
        external=True,
        referenced_documents=["Delegeringsordning för kommunstyrelsen (KS 2017-12-20, § 246)"],
        laws=["Kommunallagen (2017:725)"],
        review_by=datetime.date(2020, 12, 31),
    )
    governance.revision_add(
        actor=None,
        document=document,
        decided_by=board,
        decided_on=datetime.date(2019, 1, 30),
        minute="§ 20",
    )
    governance.version_add(actor=None, document=document, number="1.0", text=INSTRUCTION_TEXT)
    return document


# The demo fixture loads the demo data once per session, through its services, and keeps the
# rows of its tables in memory as the database gave them; each test that asks for it gets them
# back with one plain insert per table (COPY on PostgreSQL) instead of the thousand audited
# writes of a real load. Inserting through the ORM took as long as the rest of a demo test.
# `kansli/demo/tests` checks the real load itself.
DEMO_APPS = ("organisation", "governance", "delegation", "accounts", "audit")


def demo_models() -> list[type[models.Model]]:
    return [model for app in DEMO_APPS for model in apps.get_app_config(app).get_models()]


@dataclass(frozen=True)
class DemoTable:
    name: str
    columns: list[str]
    rows: Any  # PostgreSQL: COPY's text; SQLite: the rows' stored values


def table_read(cursor: Any, table: str) -> DemoTable:
    """A table's rows as stored: on SQLite each column read as `+column`, an expression, so
    that no converter makes Python values of the stored text."""
    quote = connection.ops.quote_name
    columns = [
        column.name for column in connection.introspection.get_table_description(cursor, table)
    ]
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
            return DemoTable(table, columns, b"".join(bytes(block) for block in copy))
    expressions = ", ".join("+" + quote(column) for column in columns)
    cursor.execute(f"SELECT {expressions} FROM {quote(table)}")  # noqa: S608 (the model's table)
    return DemoTable(table, columns, cursor.fetchall())


def table_write(cursor: Any, table: DemoTable) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in table.columns)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:
            copy.write(table.rows)
        return
    marks = ", ".join("%s" for _ in table.columns)
    insert = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"  # noqa: S608
    cursor.executemany(insert, table.rows)


@dataclass(frozen=True)
class DemoRows:
    baseline: list[int]  # rows per model before the load (the chain head of a migration)
    tables: list[DemoTable]
    user_groups: list[tuple[int, str]]


@pytest.fixture(scope="session")
def demo_rows(django_db_setup: None, django_db_blocker: Any) -> DemoRows:
    with django_db_blocker.unblock(), transaction.atomic():
        baseline = [model._base_manager.count() for model in demo_models()]
        load_demo()
        with connection.cursor() as cursor:
            tables = [table_read(cursor, model._meta.db_table) for model in demo_models()]
        user_groups = list(User.groups.through.objects.values_list("user_id", "group__name"))
        transaction.set_rollback(True)
    return DemoRows(baseline, tables, user_groups)


@pytest.fixture
def demo(db: None, demo_rows: DemoRows) -> dict[str, Body]:
    """The demo data: Vänersborgs kommun and Region Blekinge, by slug ("vanersborg", "blekinge").

    Ask for it before fixtures that create rows of their own; with such rows present it falls
    back to a real (slow) load. Not to be combined with the `body` fixture.
    """
    counts = [model._base_manager.count() for model in demo_models()]
    if any(now > before for now, before in zip(counts, demo_rows.baseline, strict=True)):
        load_demo()
    else:
        # One transaction, so that the foreign keys are checked once every row is back.
        with transaction.atomic(), connection.cursor() as cursor:
            quote = connection.ops.quote_name
            for table in demo_rows.tables:
                cursor.execute(f"DELETE FROM {quote(table.name)}")  # noqa: S608
            for table in demo_rows.tables:
                table_write(cursor, table)
            for sql in connection.ops.sequence_reset_sql(no_style(), demo_models()):
                cursor.execute(sql)
            groups = dict(Group.objects.values_list("name", "pk"))
            User.groups.through.objects.bulk_create(
                User.groups.through(user_id=user_id, group_id=groups[name])
                for user_id, name in demo_rows.user_groups
            )
    return {body.slug: body for body in Body.objects.all()}
