"""/healthz and /readyz: the probes of the operator's load balancer and service manager, open to
anyone, telling what is down by name only."""

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from kansli.accounts.models import User

CLOSED_PORT_REDIS = "redis://:hemligt-losenord@127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    """The storage check writes and deletes a file: in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path


def test_healthz_answers_ok_without_a_login_or_the_database(client: Client) -> None:
    # No database fixture: a query would fail the test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_head(client: Client) -> None:
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_green_when_the_database_cache_queue_and_storage_answer(client: Client) -> None:
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "storage": "ok",
    }


@pytest.mark.django_db
def test_readyz_checks_redis_as_the_broker_when_redis_url_is_set(
    client: Client, settings: Settings
) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_readyz_is_503_naming_the_broker_when_redis_does_not_answer(
    client: Client, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.REDIS_URL = CLOSED_PORT_REDIS

    with caplog.at_level(logging.DEBUG):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "unavailable",
        "storage": "ok",
    }
    # What went wrong is logged for the operator, without the password of the broker's URL.
    assert "Redis" in caplog.text
    assert "hemligt" not in caplog.text
    assert b"hemligt" not in response.content
    assert b"127.0.0.1" not in response.content


@pytest.mark.django_db
def test_readyz_is_503_naming_the_cache_when_its_redis_does_not_answer(
    client: Client, settings: Settings
) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED_PORT_REDIS,
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert b"hemligt" not in response.content


@pytest.mark.django_db
def test_probes_answer_a_signed_in_board_member_as_anyone(
    client: Client, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("ledamot"))

    assert client.get("/healthz").content == b"ok"
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_probes_and_metrics_are_answered_on_plain_http_when_pages_redirect_to_https(
    client: Client, settings: Settings
) -> None:
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/metrics").status_code == 200
    assert client.get("/logga-in/").status_code == 301
