"""The pages of execution (verkställighet): thin views over the decisions app's services and
selectors.

The body's own users read them (the board's chair and members too); the forms are shown to
those `kansli.decisions.policy` lets write, and the services ask it again: the director gives
execution tasks, the director or an official of the executing organization moves a task on.
"""

import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansli.charts import Chart, Series, bar_chart
from kansli.decisions import policy, selectors, services
from kansli.decisions.forms import TaskFilterForm, TaskForm, TaskStatusForm
from kansli.decisions.models import Decision, ExecutionTask
from kansli.decisions.views import csv_query, csv_wanted
from kansli.decisions.views.register import readable_body
from kansli.exports import csv_response
from kansli.organisation.models import Body, Organization
from kansli.registry.visibility import User
from kansli.web.forms import form_written

MONTHS = (
    gettext_lazy("jan"),
    gettext_lazy("feb"),
    gettext_lazy("mar"),
    gettext_lazy("apr"),
    gettext_lazy("maj"),
    gettext_lazy("jun"),
    gettext_lazy("jul"),
    gettext_lazy("aug"),
    gettext_lazy("sep"),
    gettext_lazy("okt"),
    gettext_lazy("nov"),
    gettext_lazy("dec"),
)


TASK_HEADER = (
    gettext_lazy("Beslut"),
    gettext_lazy("Beslutsdatum"),
    gettext_lazy("Uppgift"),
    gettext_lazy("Verkställs av"),
    gettext_lazy("Uppdragen"),
    gettext_lazy("Klar senast"),
    gettext_lazy("Status"),
    gettext_lazy("Klar"),
    gettext_lazy("Försenad"),
)


def _task_row(user: User, task: ExecutionTask, on: datetime.date) -> list[Any]:
    return [
        selectors.decision_view(user, task.decision).title,
        task.decision.decided_on,
        task.title,
        task.executor.name,
        task.assigned_on,
        task.due_on,
        task.get_status_display(),
        task.done_on,
        _("ja") if selectors.task_overdue(task, on) else _("nej"),
    ]


@require_GET
def execution_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    form = TaskFilterForm(request.GET, body=body_)
    filters = form.cleaned_data if form.is_valid() else {}
    tasks = selectors.execution_tasks(
        body=body_,
        status=filters.get("status"),
        executor=filters.get("verkstallare"),
        overdue_on=today if filters.get("forsenade") else None,
    )
    if csv_wanted(request):
        rows = (_task_row(request.user, task, today) for task in tasks)
        return csv_response(f"verkstallighet-{body_.slug}.csv", list(TASK_HEADER), rows)
    context = {
        "body": body_,
        "form": form,
        "tasks": [(task, selectors.task_overdue(task, today)) for task in tasks],
        "today": today,
        "csv_query": csv_query(request),
    }
    return render(request, "decisions/execution/task_list.html", context)


def _decision_context(request: HttpRequest, decision: Decision, **forms_: Any) -> dict[str, Any]:
    today = timezone.localdate()
    tasks = list(
        decision.execution_tasks.select_related("executor", "assigned_by").order_by("due_on")
    )
    user = request.user
    return {
        "body": decision.body,
        "decision": decision,
        "tasks": [
            (
                task,
                selectors.task_overdue(task, today),
                policy.may_report_execution(user, task, today),
            )
            for task in tasks
        ],
        "task_form": forms_.get("task_form") or TaskForm(body=decision.body),
        "status_form": forms_.get("status_form") or TaskStatusForm(),
        "may_assign": not decision.is_draft
        and policy.may_give_execution(user, decision.body, today),
        "assignments": decision.assignments.all(),
    }


def _decision(request: HttpRequest, body: str, decision: int) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related("body", "organization"),
        body=readable_body(request, body),
        pk=decision,
    )


@require_GET
def execution_decision(request: HttpRequest, body: str, decision: int) -> HttpResponse:
    decision_ = _decision(request, body, decision)
    context = _decision_context(request, decision_)
    return render(request, "decisions/execution/decision.html", context)


@require_POST
def execution_task_create(request: HttpRequest, body: str, decision: int) -> HttpResponse:
    decision_ = _decision(request, body, decision)
    form = TaskForm(request.POST, body=decision_.body)

    def give(data: dict[str, Any]) -> None:
        services.execution_task_assign(
            actor=request.user,
            decision=decision_,
            title=data["uppgift"],
            executor=data["verkstallare"],
            due_on=data["klart_senast"],
        )
        messages.success(request, _("Uppgiften är given."))

    done = redirect("decisions:execution_decision", body, decision_.pk)
    written = form_written(form, give, done=done)
    if written.response is not None:
        return written.response
    context = _decision_context(request, decision_, task_form=form)
    return render(request, "decisions/execution/decision.html", context, status=written.status)


@require_POST
def execution_task_status(request: HttpRequest, body: str, task: int) -> HttpResponse:
    task_ = get_object_or_404(
        ExecutionTask.objects.select_related("decision__body"),
        decision__body=readable_body(request, body),
        pk=task,
    )
    form = TaskStatusForm(request.POST)

    def move_on(data: dict[str, Any]) -> None:
        services.execution_task_status_set(
            actor=request.user, task=task_, status=data["status"], note=data["anteckning"]
        )
        messages.success(request, _("Uppgiften är uppdaterad."))

    done = redirect("decisions:execution_decision", body, task_.decision_id)
    written = form_written(form, move_on, done=done)
    if written.response is not None:
        return written.response
    context = _decision_context(request, task_.decision, status_form=form)
    return render(request, "decisions/execution/decision.html", context, status=written.status)


BOARD_HEADER = (
    gettext_lazy("Paragraf eller datum"),
    gettext_lazy("Beslut"),
    gettext_lazy("Verkställighet"),
    gettext_lazy("Uppgifter"),
    gettext_lazy("Försenade"),
)


def board_rows(
    user: User, rows: list[selectors.DecisionExecution], by_paragraph: bool
) -> list[list[Any]]:
    return [
        [
            _paragraph(row.decision) if by_paragraph else row.decision.decided_on,
            selectors.decision_view(user, row.decision).title,
            row.state_label,
            len(row.tasks),
            len(row.overdue),
        ]
        for row in rows
    ]


def _paragraph(decision: Decision) -> str:
    number = decision.agenda_item.minute_number
    return f"§ {number}" if number is not None else str(decision.agenda_item.position)


def _execution_chart(body: Body, year: int) -> Chart:
    months = selectors.execution_by_month(body=body, year=year)
    return bar_chart(
        key="verkstallighet-over-tid",
        title=_("Verkställighet %(year)s, efter månad då uppgiften skulle vara klar")
        % {"year": year},
        description=_(
            "Antal uppgifter per månad: verkställda i tid, verkställda för sent, som inte kan "
            "verkställas och ännu inte verkställda."
        ),
        categories=[str(MONTHS[row.month - 1]) for row in months],
        series=[
            Series(_("i tid"), [row.in_time for row in months]),
            Series(_("för sent"), [row.late for row in months]),
            Series(_("kan inte verkställas"), [row.cancelled for row in months]),
            Series(_("ej verkställda"), [row.unfinished for row in months]),
        ],
        unit=_("antal uppgifter"),
    )


@require_GET
def execution_year(request: HttpRequest, body: str, year: int) -> HttpResponse:
    """The board's view "verkställighet av beslut" for a year, and execution over time."""
    body_ = readable_body(request, body)
    organs = body_.organizations.filter(kind__in=Organization.POLITICAL_KINDS)
    slug = request.GET.get("organ")
    organization = (
        get_object_or_404(organs, slug=slug)
        if slug
        else organs.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()
    )
    rows = (
        selectors.execution_for_year(organization=organization, year=year, on=timezone.localdate())
        if organization is not None
        else []
    )
    if csv_wanted(request):
        name = f"verkstallighet-{body_.slug}-{year}.csv"
        return csv_response(
            name, list(BOARD_HEADER), board_rows(request.user, rows, by_paragraph=False)
        )
    context = {
        "body": body_,
        "year": year,
        "organization": organization,
        "organs": organs,
        "rows": rows,
        "chart": _execution_chart(body_, year),
        "csv_query": csv_query(request),
    }
    return render(request, "decisions/execution/year.html", context)
