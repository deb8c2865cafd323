"""Helpers of the tamper tests: change the database around the services, and run verify."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection


def tamper(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify_fails(*arguments: str) -> list[str]:
    """The lines of `kansli audit verify`'s refusal, one per kind of finding."""
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify", *arguments)
    return str(error.value).splitlines()


def anchor(path: Path) -> None:
    """Append the chain's head to the anchor file, as the operator's daily cron does."""
    with path.open("a") as file:
        call_command("audit", "anchor", stdout=file)
