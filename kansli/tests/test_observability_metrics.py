"""/metrics: django-prometheus' request, view and database metrics and the task queue's depth
and failures, for the operator's Prometheus only."""

import datetime
from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings
from redis import Redis
from rq import Queue

from kansli.accounts.models import User

REMOTE = "203.0.113.7"
TOKEN = "metrics-token-for-the-test-0123456789"
TEST_QUEUE = "kansli-observability-test"
REDIS_15 = "redis://127.0.0.1:6379/15"


@pytest.mark.django_db
def test_metrics_answer_a_scrape_from_the_machine_itself(client: Client) -> None:
    client.get("/healthz")

    response = client.get("/metrics")

    assert response.status_code == 200
    text = response.content.decode()
    assert 'django_http_requests_total_by_view_transport_method_total{method="GET"' in text
    assert 'view="healthz"' in text
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    assert "django_db_execute_total" in text
    assert 'kansli_tasks_queued{queue="default"} 0.0' in text
    assert "kansli_task_queue_up 1.0" in text


@pytest.mark.django_db
def test_metrics_are_404_to_another_address(client: Client) -> None:
    assert client.get("/metrics", REMOTE_ADDR=REMOTE).status_code == 404


@pytest.mark.django_db
def test_metrics_are_404_to_a_request_through_a_proxy_on_the_machine(client: Client) -> None:
    response = client.get("/metrics", headers={"X-Forwarded-For": REMOTE})

    assert response.status_code == 404


@pytest.mark.django_db
def test_metrics_are_404_to_a_signed_in_board_member_elsewhere(
    client: Client, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("ledamot"))

    response = client.get("/metrics", REMOTE_ADDR=REMOTE)

    assert response.status_code == 404
    assert b"django_http" not in response.content


@pytest.mark.django_db
def test_metrics_answer_the_bearer_token_from_anywhere(client: Client, settings: Settings) -> None:
    settings.KANSLI_METRICS_TOKEN = TOKEN

    granted = client.get(
        "/metrics", REMOTE_ADDR=REMOTE, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    wrong = client.get("/metrics", REMOTE_ADDR=REMOTE, headers={"Authorization": "Bearer nej"})

    assert granted.status_code == 200
    assert b"kansli_tasks_queued" in granted.content
    assert wrong.status_code == 404


@pytest.mark.django_db
def test_an_empty_bearer_token_opens_nothing(client: Client) -> None:
    response = client.get("/metrics", REMOTE_ADDR=REMOTE, headers={"Authorization": "Bearer "})

    assert response.status_code == 404


def _result(status: str, queue: str = "default") -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        queue_name=queue,
        task_path="kansli.integrations.tasks.sweep_idempotency_keys",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        priority=0,
        run_after=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )


@pytest.mark.django_db
def test_metrics_count_the_database_queue_waiting_and_failed(client: Client) -> None:
    _result("READY")
    _result("READY")
    _result("FAILED")
    _result("SUCCESSFUL")

    text = client.get("/metrics").content.decode()

    assert 'kansli_tasks_queued{queue="default"} 2.0' in text
    assert 'kansli_tasks_failed{queue="default"} 1.0' in text


@pytest.fixture
def redis_queue(settings: Settings) -> Iterator[Queue]:
    """An RQ queue of the test's own in Redis database 15, emptied afterwards."""
    settings.REDIS_URL = REDIS_15
    settings.RQ_QUEUES = {TEST_QUEUE: {"URL": REDIS_15}}
    queue = Queue(TEST_QUEUE, connection=Redis.from_url(REDIS_15))
    yield queue
    for job_id in queue.failed_job_registry.get_job_ids():
        queue.failed_job_registry.remove(job_id, delete_job=True)
    queue.delete(delete_jobs=True)


@pytest.mark.django_db
def test_metrics_count_the_redis_queue_and_its_failed_jobs(
    client: Client, redis_queue: Queue
) -> None:
    redis_queue.enqueue("builtins.print")
    failed = redis_queue.enqueue("builtins.print")
    redis_queue.remove(failed)
    redis_queue.failed_job_registry.add(failed, ttl=60)

    text = client.get("/metrics").content.decode()

    assert f'kansli_tasks_queued{{queue="{TEST_QUEUE}"}} 1.0' in text
    assert f'kansli_tasks_failed{{queue="{TEST_QUEUE}"}} 1.0' in text


@pytest.mark.django_db
def test_metrics_say_the_queue_is_down_when_redis_does_not_answer(
    client: Client, settings: Settings
) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.RQ_QUEUES = {TEST_QUEUE: {"URL": "redis://127.0.0.1:1/0"}}

    response = client.get("/metrics")

    assert response.status_code == 200
    assert b"kansli_task_queue_up 0.0" in response.content
