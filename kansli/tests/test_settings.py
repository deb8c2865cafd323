"""The settings read the environment, refuse bad values and are safe in production."""

import os
import runpy
import subprocess
import sys
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from kansli.settings import __file__ as settings_file
from kansli.settings import envbool, envint, envlist, weak_secret_key
from kansli.settings_test import TEST_ENVIRONMENT

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-production-secret-key-that-is-random-enough-for-django-0123456789",
    "KANSLI_AUDIT_KEY": "a-long-production-audit-key-kept-apart-from-the-database-9876543210",
    "ALLOWED_HOSTS": "kansli.vanersborg.se",
    "DJANGO_SETTINGS_MODULE": "kansli.settings",
}


OVERRIDDEN_BY_TEST_SETTINGS = {"DEBUG", *TEST_ENVIRONMENT}


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The environment of a production server; change it, then `read_settings`."""
    for name in OVERRIDDEN_BY_TEST_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def read_settings() -> dict[str, Any]:
    """The settings module run afresh in this environment, as a server starting would run it
    (the suite's own settings stay as they are)."""
    return runpy.run_path(settings_file)


@pytest.mark.slow
def test_production_settings_pass_the_deploy_check() -> None:
    # In a process of its own: Django's checks read the settings that the process started with.
    clean = {k: v for k, v in os.environ.items() if k not in OVERRIDDEN_BY_TEST_SETTINGS}
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(production: pytest.MonkeyPatch) -> None:
    production.delenv("SECRET_KEY")
    with pytest.raises(
        ImproperlyConfigured, match=r"Sätt SECRET_KEY \(eller KANSLI_ENV=development"
    ):
        read_settings()


def test_production_refuses_to_start_on_a_weak_secret_key(production: pytest.MonkeyPatch) -> None:
    production.setenv("SECRET_KEY", "x")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY har färre än 50 tecken"):
        read_settings()


def test_development_accepts_any_secret_key(production: pytest.MonkeyPatch) -> None:
    production.setenv("SECRET_KEY", "x")
    production.setenv("DEBUG", "1")

    assert read_settings()["SECRET_KEY"] == "x"


def test_production_refuses_to_start_without_an_audit_key(
    production: pytest.MonkeyPatch,
) -> None:
    production.delenv("KANSLI_AUDIT_KEY")
    with pytest.raises(ImproperlyConfigured, match="Sätt KANSLI_AUDIT_KEY"):
        read_settings()


def test_production_refuses_a_weak_audit_key_or_the_secret_key_again(
    production: pytest.MonkeyPatch,
) -> None:
    production.setenv("KANSLI_AUDIT_KEY", "x")
    with pytest.raises(ImproperlyConfigured, match="KANSLI_AUDIT_KEY har färre än 50"):
        read_settings()
    production.setenv("KANSLI_AUDIT_KEY", PRODUCTION_ENV["SECRET_KEY"])
    with pytest.raises(
        ImproperlyConfigured, match="KANSLI_AUDIT_KEY ska skilja sig från SECRET_KEY"
    ):
        read_settings()


@pytest.mark.parametrize(
    ("key", "weakness"),
    [
        ("x", "har färre än 50 tecken"),
        ("abcd" * 20, "har färre än 5 olika tecken"),
        ("django-insecure-" + "q7#v@1lm0zk$e9p2w!x8r3t6y5u4i" * 2, "börjar med Djangos"),
    ],
)
def test_a_weak_secret_key_is_named_for_its_weakness(key: str, weakness: str) -> None:
    assert weakness in (weak_secret_key(key) or "")


def test_a_long_random_secret_key_is_strong() -> None:
    assert weak_secret_key(PRODUCTION_ENV["SECRET_KEY"]) is None


def test_envint_refuses_a_value_below_its_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "0")
    with pytest.raises(ImproperlyConfigured, match="SESSION_IDLE_MINUTES ska vara minst 1"):
        envint("SESSION_IDLE_MINUTES", 30, minimum=1)


def test_envbool_reads_common_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANSLI_FLAG", "yes")
    assert envbool("KANSLI_FLAG", False) is True
    monkeypatch.setenv("KANSLI_FLAG", "0")
    assert envbool("KANSLI_FLAG", True) is False
    monkeypatch.delenv("KANSLI_FLAG")
    assert envbool("KANSLI_FLAG", True) is True


def test_envbool_refuses_a_value_that_is_not_a_boolean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANSLI_FLAG", "kanske")
    with pytest.raises(ImproperlyConfigured, match="KANSLI_FLAG ska vara 1 eller 0"):
        envbool("KANSLI_FLAG", False)


def test_envint_refuses_a_value_that_is_not_an_integer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANSLI_NUMBER", "fem")
    with pytest.raises(ImproperlyConfigured, match="KANSLI_NUMBER ska vara ett heltal"):
        envint("KANSLI_NUMBER", 5)


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANSLI_HOSTS", "a.se, b.se,,")
    assert envlist("KANSLI_HOSTS", []) == ["a.se", "b.se"]


def test_production_keeps_database_connections_and_checks_them(
    production: pytest.MonkeyPatch,
) -> None:
    database = read_settings()["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_redis_serves_the_cache_and_the_task_queue_when_given(
    production: pytest.MonkeyPatch,
) -> None:
    production.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    settings = read_settings()
    assert settings["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert settings["RQ_QUEUES"]["default"]["URL"] == "redis://127.0.0.1:6379/3"


def test_without_redis_the_cache_is_local_and_the_queue_the_databases(
    production: pytest.MonkeyPatch,
) -> None:
    production.delenv("REDIS_URL", raising=False)
    settings = read_settings()
    assert settings["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_the_storage_is_s3_only_when_asked_and_refuses_another_name(
    production: pytest.MonkeyPatch,
) -> None:
    production.setenv("KANSLI_STORAGE", "s3")
    production.setenv("KANSLI_S3_BUCKET", "kansli-arkiv")
    storage = read_settings()["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "kansli-arkiv"
    assert storage["OPTIONS"]["default_acl"] == "private"
    production.setenv("KANSLI_STORAGE", "ftp")
    with pytest.raises(ImproperlyConfigured, match="KANSLI_STORAGE"):
        read_settings()
