"""What an operator watches Kansli by: liveness and readiness, Prometheus metrics, and one log
line per request and per task, carrying a request id from the request into the tasks it
enqueued (docs/observability.md).

Nothing secret may reach a log: a request is logged by its path (never its query string, which
holds search terms), view, status, duration and user id, never by its body or its fields, and
the JSON formatter writes only the fields named here, so that an extra a library attaches to a
record (Django's `request`, whose repr carries the query string) is left out.
"""

import asyncio
import dataclasses
import functools
import hmac
import inspect
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar, overload

from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.signals import request_finished
from django.db import DatabaseError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.cache import add_never_cache_headers
from django_prometheus.exports import ExportToDjangoView  # type: ignore[import-untyped]
from django_tasks.base import Task, TaskResult
from health_check.base import HealthCheck  # type: ignore[import-untyped]
from health_check.checks import Cache, Database, Storage  # type: ignore[import-untyped]
from health_check.contrib.redis import Redis  # type: ignore[import-untyped]
from health_check.exceptions import ServiceUnavailable  # type: ignore[import-untyped]
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter
from redis import Redis as RedisClient
from redis.asyncio import Redis as AsyncRedisClient
from redis.exceptions import RedisError
from rq import Queue

P = ParamSpec("P")
T = TypeVar("T")

REQUEST_ID_HEADER = "X-Request-ID"
# The keyword argument that carries the request id into a task (kansli.observability.task).
REQUEST_ID_ARGUMENT = "request_id"
# A request id from the client is taken as it is only when it is a short token: it is written
# into every log line, so it must not be able to forge one.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
_request_id: ContextVar[str | None] = ContextVar("kansli_request_id", default=None)

request_logger = logging.getLogger("kansli.request")
task_logger = logging.getLogger("kansli.task")


def current_request_id() -> str | None:
    """The id of the request (or of the task) being served in this context; None outside."""
    return _request_id.get()


def request_id_from(header: str | None) -> str:
    """The client's X-Request-ID when it is a sane token, else a new id."""
    if header is not None and _SANE_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


# Logging


class RequestIdFilter(logging.Filter):
    """Gives every record the current request id ("-" outside a request and a task), so that
    the formatters can name it; set on the handler, it reaches every library's records."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True


# The fields of a JSON log line besides the formatter's own (time, level, logger, message and
# the exception's traceback): those of the request and task lines below.
EXTRA_FIELDS = ("method", "path", "view", "status", "duration_ms", "user_id", "task")
# The traceback of an exception logged (its frames and message, not its variables).
TRACE_FIELDS = ("exc_info", "stack_info")
FIELDS = {"timestamp", "level", "logger", "message", "request_id", *EXTRA_FIELDS, *TRACE_FIELDS}


class JsonFormatter(BaseJsonFormatter):
    """python-json-logger's formatter, writing only FIELDS."""

    def __init__(self) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp=True,
        )

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        traces = {key: message_dict[key] for key in TRACE_FIELDS if key in message_dict}
        super().add_fields(log_data, record, traces)
        for key in list(log_data):
            if key not in FIELDS:
                del log_data[key]


class RequestLogMiddleware:
    """Before every other middleware but the metrics': gives the request its id (the client's
    X-Request-ID or a new one), returns it in the response's X-Request-ID, and logs one line
    for the request when the response is ready."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        # Kept until the response is closed (request_finished), not only while the middleware
        # runs: Django logs a 4xx response (django.request) after the last middleware.
        _request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        duration_ms = round((time.perf_counter() - started) * 1000)
        view = request.resolver_match.view_name if request.resolver_match else None
        request_logger.info(
            "%s %s %s %d ms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "view": view,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": _user_id(request),
            },
        )
        return response


def _forget_request_id(**kwargs: Any) -> None:
    _request_id.set(None)


request_finished.connect(_forget_request_id, dispatch_uid="kansli.observability")


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, when the request has looked its user up (AuthenticationMiddleware
    caches it): a request that never asked, such as a probe's, is not given a query for it."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


# Tasks


class TracedTask(Task[P, T]):
    """A task that takes the current request id along when it is enqueued."""

    def enqueue(self, *args: P.args, **kwargs: P.kwargs) -> TaskResult[T]:
        kwargs[REQUEST_ID_ARGUMENT] = current_request_id()
        return super().enqueue(*args, **kwargs)

    async def aenqueue(self, *args: P.args, **kwargs: P.kwargs) -> TaskResult[T]:
        kwargs[REQUEST_ID_ARGUMENT] = current_request_id()
        return await super().aenqueue(*args, **kwargs)


def _carrying_request_id(function: Callable[P, T]) -> Callable[P, T]:
    """The function, run with the request id it is given as the current one (a new id when it
    was enqueued outside a request), logging when it starts and ends."""
    if inspect.iscoroutinefunction(function):
        raise TypeError(f"{function.__qualname__}: kansli.observability.task runs plain functions")

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> T:
        token = _request_id.set(request_id_from(kwargs.pop(REQUEST_ID_ARGUMENT, None)))
        name = f"{function.__module__}.{function.__qualname__}"
        started = time.perf_counter()
        task_logger.info("Task %s started", name, extra={"task": name})
        try:
            result = function(*args, **kwargs)
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000)
            task_logger.info(
                "Task %s ended after %d ms",
                name,
                duration_ms,
                extra={"task": name, "duration_ms": duration_ms},
            )
            _request_id.reset(token)
        return result

    return run


@overload
def task(function: Callable[P, T], /) -> Task[P, T]: ...


@overload
def task(**options: Any) -> Callable[[Callable[P, T]], Task[P, T]]: ...


def task(
    function: Callable[P, T] | None = None, /, **options: Any
) -> Task[P, T] | Callable[[Callable[P, T]], Task[P, T]]:
    """django_tasks.task (the same options), for a task whose log lines carry the id of the
    request that enqueued it: the id travels as the keyword argument `request_id`."""

    def decorate(function: Callable[P, T]) -> Task[P, T]:
        return TracedTask(func=_carrying_request_id(function), **options)

    return decorate(function) if function is not None else decorate


# Health


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. No database, no login."""
    response = HttpResponse("ok", content_type="text/plain")
    add_never_cache_headers(response)
    return response


@dataclasses.dataclass
class DatabaseQueue(HealthCheck):
    """The database's task queue (django-tasks-db) answers."""

    async def run(self) -> None:
        from django_tasks_db.models import DBTaskResult

        try:
            await DBTaskResult.objects.aexists()
        except DatabaseError as error:
            raise ServiceUnavailable("The task queue's table does not answer") from error


def readiness_checks() -> dict[str, HealthCheck]:
    """What must answer before the process takes requests, by name: the broker is Redis when
    REDIS_URL is set, the database's queue otherwise."""
    broker: HealthCheck = (
        Redis(
            client_factory=functools.partial(
                AsyncRedisClient.from_url, settings.REDIS_URL, socket_connect_timeout=2
            )
        )
        if settings.REDIS_URL
        else DatabaseQueue()
    )
    return {"database": Database(), "cache": Cache(), "broker": broker, "storage": Storage()}


@login_not_required
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when every check answers, 503 naming those that do not. What went wrong
    is logged (django-health-check's logger), not answered: the probe learns only the names."""
    checks = readiness_checks()
    results = async_to_sync(_results)(list(checks.values()))
    states = {
        name: "ok" if result.error is None else "unavailable"
        for name, result in zip(checks, results, strict=True)
    }
    response = JsonResponse(states, status=200 if set(states.values()) == {"ok"} else 503)
    add_never_cache_headers(response)
    return response


async def _results(checks: list[HealthCheck]) -> list[Any]:
    return list(await asyncio.gather(*(check.get_result() for check in checks)))


# Metrics


class TaskQueueCollector(Collector):
    """The task queue's depth and failures, read when the metrics are scraped: RQ's queues and
    their failed-job registries on Redis, the database queue's results by status otherwise."""

    def collect(self) -> Iterator[Metric]:
        queued = GaugeMetricFamily(
            "kansli_tasks_queued", "Tasks waiting to be run, by queue.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "kansli_tasks_failed", "Failed tasks the queue keeps, by queue.", labels=["queue"]
        )
        up = GaugeMetricFamily("kansli_task_queue_up", "1 when the task queue answered.")
        try:
            counts = _redis_counts() if settings.REDIS_URL else _database_counts()
        except (RedisError, DatabaseError):
            logging.getLogger(__name__).warning("The task queue did not answer", exc_info=True)
            up.add_metric([], 0)
        else:
            up.add_metric([], 1)
            for queue, (waiting, failures) in counts.items():
                queued.add_metric([queue], waiting)
                failed.add_metric([queue], failures)
        yield from (queued, failed, up)


def _redis_counts() -> dict[str, tuple[int, int]]:
    counts = {}
    for name, config in settings.RQ_QUEUES.items():
        queue = Queue(name, connection=RedisClient.from_url(config["URL"]))
        counts[name] = (queue.count, queue.failed_job_registry.count)
    return counts


def _database_counts() -> dict[str, tuple[int, int]]:
    from django_tasks_db.models import DBTaskResult

    queues = settings.TASKS["default"].get("QUEUES", ["default"])
    counts = {queue: [0, 0] for queue in queues}
    rows = (
        DBTaskResult.objects.filter(status__in=["READY", "FAILED"])
        .values_list("queue_name", "status")
        .annotate(number=Count("id"))
    )
    for queue, status, number in rows:
        counts.setdefault(queue, [0, 0])[0 if status == "READY" else 1] = number
    return {queue: (waiting, failures) for queue, (waiting, failures) in counts.items()}


TASK_QUEUE_REGISTRY = CollectorRegistry(auto_describe=False)
TASK_QUEUE_REGISTRY.register(TaskQueueCollector())


def may_scrape(request: HttpRequest) -> bool:
    """The metrics are for the operator's Prometheus: a request with the bearer token
    KANSLI_METRICS_TOKEN, or one made directly (not through a proxy, which would make every
    visitor 127.0.0.1) from an address in KANSLI_METRICS_ALLOWED_IPS."""
    token = settings.KANSLI_METRICS_TOKEN
    if token and hmac.compare_digest(
        request.headers.get("Authorization", "").encode(), f"Bearer {token}".encode()
    ):
        return True
    forwarded = "X-Forwarded-For" in request.headers or "Forwarded" in request.headers
    return not forwarded and request.META.get("REMOTE_ADDR") in settings.KANSLI_METRICS_ALLOWED_IPS


@login_not_required
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus' text format: django-prometheus' metrics and the task queue's; 404 to anyone
    but the operator's Prometheus (may_scrape)."""
    if not may_scrape(request):
        raise Http404
    response = ExportToDjangoView(request)
    response.content += generate_latest(TASK_QUEUE_REGISTRY)
    add_never_cache_headers(response)
    return response
