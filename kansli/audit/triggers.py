"""PostgreSQL triggers that catch changes to audited tables made around the audited services.

Each audited table has a deferred constraint trigger: at commit, for every row the transaction
inserted, updated or deleted, it looks for an event of the same transaction about that row. A
change no event accounts for (an SQL statement, a `QuerySet.update()`, a `save()` outside the
services) is written, before and after, to audit_rowchange, which `kansli audit verify` reports.
Events learn their transaction from a trigger of their own. SQLite has no such triggers; there
the comparison of rows with the log (kansli.audit.selectors.rows_verify) stands alone.
"""

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from kansli.audit.tables import audited_models, column, unlogged_columns

TRIGGER = "audit_unaccounted"

FUNCTIONS = """
CREATE OR REPLACE FUNCTION audit_event_txid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.txid := txid_current();
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS audit_event_txid ON audit_event;
CREATE TRIGGER audit_event_txid BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_txid();

-- Arguments: the table's object_type in the log, its primary key column, then the columns
-- that change without an event (kansli.audit.tables.UNLOGGED_FIELDS).
CREATE OR REPLACE FUNCTION audit_unaccounted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    unlogged text[] := TG_ARGV[2:];
    changed_id text := coalesce(new_row, old_row) ->> TG_ARGV[1];
BEGIN
    IF TG_OP = 'UPDATE' AND (old_row - unlogged) = (new_row - unlogged) THEN
        RETURN NULL;
    END IF;
    IF EXISTS (
        SELECT 1 FROM audit_event
        WHERE object_type = TG_ARGV[0] AND object_id = changed_id AND txid = txid_current()
    ) THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_rowchange (at, object_type, object_id, operation, before, after, txid)
    VALUES (now(), TG_ARGV[0], changed_id, TG_OP, old_row, new_row, txid_current());
    RETURN NULL;
END $$;
"""


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def install_functions(connection: BaseDatabaseWrapper) -> None:
    """Create the trigger functions and the events' trigger (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTIONS)


def uninstall_functions(connection: BaseDatabaseWrapper) -> None:
    """Drop the trigger functions and with them every table's trigger (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP FUNCTION IF EXISTS audit_unaccounted() CASCADE;"
            "DROP FUNCTION IF EXISTS audit_event_txid() CASCADE;"
        )


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """(Re)create the trigger of every audited table, so that a table added by a later
    migration, or a column newly left unlogged, is covered (PostgreSQL only). Tables not yet
    made, and a database whose audit migrations have not yet made the function, are left
    until a later migrate."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regproc(%s) IS NOT NULL", [TRIGGER])
        if not cursor.fetchone()[0]:
            return
    tables = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    statements = []
    for model in audited_models():
        if model._meta.db_table not in tables:
            continue
        table = quote(model._meta.db_table)
        arguments = ", ".join(
            _literal(value)
            for value in (
                model._meta.label_lower,
                column(model, model._meta.pk.name),
                *unlogged_columns(model),
            )
        )
        statements.append(
            f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table};"
            f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {TRIGGER}({arguments});"
        )
    if statements:
        with connection.cursor() as cursor:
            cursor.execute("".join(statements))


def after_migrate(sender: AppConfig, using: str, **kwargs: Any) -> None:
    """Django's `post_migrate` receiver: the triggers follow the models."""
    install_triggers(connections[using])
