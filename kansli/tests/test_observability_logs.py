"""The logs: one line per request with its id, the id carried into the tasks the request
enqueued, JSON with only the fields named, and nothing of a request's content or a failing
view's variables."""

import io
import json
import logging
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.decorators import login_not_required
from django.core import mail
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import Client, RequestFactory
from django.urls import path
from django.utils.log import AdminEmailHandler
from pytest_django.fixtures import Settings

from kansli import observability, urls
from kansli.accounts.models import User

SECRET = "HEMLIGHET7399"


@observability.task()
def request_id_of_the_task(number: int) -> str | None:
    logging.getLogger("kansli.tests").warning("the task runs with %d", number)
    return observability.current_request_id()


@login_not_required
def enqueue_view(request: HttpRequest) -> JsonResponse:
    result = request_id_of_the_task.enqueue(7)
    return JsonResponse({"kwargs": result.kwargs, "returned": result.return_value})


@login_not_required
def failing_view(request: HttpRequest) -> HttpResponse:
    personnummer = SECRET  # a secret among the frame's local variables
    raise RuntimeError(f"failed after reading {len(personnummer)} characters")


# The project's pages (the error page links to them) and two of the test's own.
urlpatterns = [
    path("enqueue", enqueue_view, name="enqueue"),
    path("fail", failing_view, name="fail"),
    *urls.urlpatterns,
]
handler500 = urls.handler500


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """Everything any logger writes at DEBUG, as the production handler formats it (JSON)."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.addFilter(observability.RequestIdFilter())
    handler.setFormatter(observability.JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield output
    root.removeHandler(handler)
    root.setLevel(level)


def _lines(output: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


def test_a_response_carries_the_request_id_the_client_sent(client: Client) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "lb-4711-abc"})

    assert response["X-Request-ID"] == "lb-4711-abc"


@pytest.mark.parametrize("header", ["", "x" * 65, "två ord", "a\nforged line", "id;drop"])
def test_an_unsafe_request_id_is_replaced_by_a_new_one(client: Client, header: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": header})

    assert response["X-Request-ID"] != header
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_djangos_line_for_a_page_not_found_carries_the_request_id(
    client: Client, log_output: io.StringIO
) -> None:
    client.get("/finns-inte/", headers={"X-Request-ID": "req-404"})

    (line,) = [line for line in _lines(log_output) if line["logger"] == "django.request"]
    assert line["message"] == "Not Found: /finns-inte/"
    assert line["request_id"] == "req-404"
    assert observability.current_request_id() is None


def test_every_request_gets_an_id_of_its_own(client: Client) -> None:
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


@pytest.mark.django_db
def test_a_request_is_logged_with_its_id_view_status_duration_and_user_but_no_query(
    client: Client, make_user: Callable[..., User], log_output: io.StringIO
) -> None:
    user = make_user("registrator")
    client.force_login(user)

    client.get(f"/?q={SECRET}", headers={"X-Request-ID": "req-1"})

    (line,) = [line for line in _lines(log_output) if line["logger"] == "kansli.request"]
    assert line["request_id"] == "req-1"
    assert line["method"] == "GET"
    assert line["path"] == "/"
    assert line["view"] == "web:home"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], int)
    assert line["user_id"] == user.pk
    assert line["level"] == "INFO"
    assert "timestamp" in line
    assert SECRET not in log_output.getvalue()


def test_the_json_formatter_writes_only_its_fields() -> None:
    # Django's django.request logger passes the request, whose repr holds the query string.
    request = RequestFactory().post(f"/sok/?q={SECRET}", {"titel": SECRET})
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Failed", (), None)
    record.request = request
    record.status_code = 500
    record.request_id = "req-2"

    line = json.loads(observability.JsonFormatter().format(record))

    assert line.keys() == {"timestamp", "level", "logger", "message", "request_id"}
    assert SECRET not in json.dumps(line)


@pytest.mark.urls(__name__)
def test_a_failing_view_logs_its_traceback_without_its_variables_and_mails_nobody(
    client: Client, settings: Settings, log_output: io.StringIO
) -> None:
    settings.ADMINS = [("Drift", "drift@example.org")]
    client.raise_request_exception = False

    response = client.get(f"/fail?q={SECRET}", headers={"X-Request-ID": "req-3"})

    assert response.status_code == 500
    logged = log_output.getvalue()
    assert "RuntimeError: failed after reading 13 characters" in logged
    assert SECRET not in logged
    error = next(line for line in _lines(log_output) if line["logger"] == "django.request")
    assert error["request_id"] == "req-3"
    assert mail.outbox == []
    assert not settings.DEBUG_PROPAGATE_EXCEPTIONS
    assert not any(
        isinstance(handler, AdminEmailHandler)
        for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
        if isinstance(logger, logging.Logger)
        for handler in logger.handlers
    )


@pytest.mark.urls(__name__)
def test_a_task_enqueued_by_a_request_runs_and_logs_with_the_requests_id(
    client: Client, log_output: io.StringIO
) -> None:
    answer = client.get("/enqueue", headers={"X-Request-ID": "req-4"}).json()

    assert answer == {"kwargs": {"request_id": "req-4"}, "returned": "req-4"}
    task_line = next(line for line in _lines(log_output) if line["logger"] == "kansli.tests")
    assert task_line["request_id"] == "req-4"
    ended = [line for line in _lines(log_output) if line["logger"] == "kansli.task"]
    assert [line["request_id"] for line in ended] == ["req-4", "req-4"]
    assert ended[0]["task"] == f"{__name__}.request_id_of_the_task"


def test_a_task_enqueued_outside_a_request_runs_with_an_id_of_its_own() -> None:
    result = request_id_of_the_task.enqueue(8)

    assert result.kwargs == {"request_id": None}
    assert len(result.return_value or "") == 32
    assert observability.current_request_id() is None
