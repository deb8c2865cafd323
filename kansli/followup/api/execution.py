"""Execution and assignments through the API: the execution tasks and the board's assignments
to the director, read with the key of any of the body's own users (403 to others); a progress
report filed with the key of the director or of whom the director named."""

import datetime
from typing import Any, Literal

from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import Field, Router, Schema, Status

from kansli.decisions import models, selectors, services
from kansli.decisions.api import readable_body
from kansli.organisation.api import (
    OnDate,
    OrganizationRef,
    PersonRef,
    found,
    on_or_today,
)
from kansli.registry.visibility import User

router = Router()


class DecisionRef(Schema):
    id: int
    title: str
    title_masked: bool = Field(
        description=_lazy(
            "Beslutet fattades i ett ärende under sekretess som användaren inte får se igenom."
        )
    )
    decided_on: datetime.date
    organization: OrganizationRef | None


class ExecutionTask(Schema):
    id: int
    decision: DecisionRef
    title: str
    executor: OrganizationRef
    assigned_by: PersonRef
    assigned_on: datetime.date
    due_on: datetime.date
    status: str = Field(description="open, in_progress, done, cancelled")
    done_on: datetime.date | None
    note: str
    overdue: bool = Field(description=_lazy("Inte verkställd och efter sista dagen."))


class AssignmentReport(Schema):
    id: int
    reported_on: datetime.date
    reported_by: PersonRef
    text: str
    agenda_item_id: int | None = Field(description=_lazy("Punkten på dagordningen, om någon."))


class Assignment(Schema):
    id: int
    decision: DecisionRef
    title: str
    description: str
    assignee: PersonRef
    reporter: PersonRef | None
    given_on: datetime.date
    due_on: datetime.date
    report_interval_months: int
    status: str = Field(description="ongoing, completed, cancelled")
    completed_on: datetime.date | None
    last_reported_on: datetime.date | None
    next_report_due: datetime.date | None
    report_late: bool
    overdue: bool


class AssignmentDetail(Assignment):
    reports: list[AssignmentReport]


class AssignmentReportIn(Schema):
    text: str
    reported_on: OnDate | None = None


def _fields(row: Model) -> dict[str, Any]:
    """A row's fields by name, the related rows themselves for the schemas' references."""
    return {field.name: getattr(row, field.name) for field in row._meta.concrete_fields}


def _decision(user: User, decision: models.Decision) -> dict[str, Any]:
    """The decision a task or an assignment comes from, as the user may see it."""
    seen = selectors.decision_view(user, decision)
    return {
        "id": decision.pk,
        "title": seen.title,
        "title_masked": seen.masked,
        "decided_on": decision.decided_on,
        "organization": decision.organization,
    }


def _task(user: User, task: models.ExecutionTask, on: datetime.date) -> dict[str, Any]:
    return {
        **_fields(task),
        "decision": _decision(user, task.decision),
        "overdue": selectors.task_overdue(task, on),
    }


def _assignment(
    user: User, state: selectors.AssignmentState, *, with_reports: bool = False
) -> dict:
    assignment = state.assignment
    row = {
        **_fields(assignment),
        "decision": _decision(user, assignment.decision),
        "last_reported_on": state.last_report.reported_on if state.last_report else None,
        "next_report_due": state.next_report_due,
        "report_late": state.report_late,
        "overdue": state.overdue,
    }
    if with_reports:
        row["reports"] = sorted(assignment.reports.all(), key=lambda r: (r.reported_on, r.pk))
    return row


@router.get(
    "/bodies/{slug}/followup/execution-tasks",
    response=list[ExecutionTask],
    summary=_lazy("Verkställighetsuppgifter, den som ska vara klar först överst"),
)
def execution_task_index(
    request: HttpRequest,
    slug: str,
    status: Literal["open", "in_progress", "done", "cancelled"] | None = None,
    executor: str | None = None,
    overdue: bool = False,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    body = readable_body(request, slug)
    on = on_or_today(date)
    organization = (
        found(
            body.organizations.all(),
            _("%(body)s har ingen organisation med kortnamnet %(slug)s.")
            % {"body": body, "slug": executor},
            slug=executor,
        )
        if executor
        else None
    )
    tasks = selectors.execution_tasks(
        body=body, status=status, executor=organization, overdue_on=on if overdue else None
    )
    return [_task(request.user, task, on) for task in tasks]


@router.get(
    "/bodies/{slug}/followup/execution-tasks/{task_id}",
    response=ExecutionTask,
    summary=_lazy("En verkställighetsuppgift"),
)
def execution_task_detail(
    request: HttpRequest, slug: str, task_id: int, date: OnDate | None = None
) -> dict[str, Any]:
    body = readable_body(request, slug)
    task = found(
        selectors.execution_tasks(body=body),
        _("%(body)s har ingen verkställighetsuppgift med id %(id)d.")
        % {"body": body, "id": task_id},
        pk=task_id,
    )
    return _task(request.user, task, on_or_today(date))


@router.get(
    "/bodies/{slug}/followup/assignments",
    response=list[Assignment],
    summary=_lazy("Uppdrag till direktören med senaste rapport och nästa rapport senast"),
)
def assignment_index(
    request: HttpRequest,
    slug: str,
    status: Literal["ongoing", "completed", "cancelled"] | None = None,
    late: bool = False,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    states = selectors.assignment_states(
        body=readable_body(request, slug), on=on_or_today(date), status=status, late=late
    )
    return [_assignment(request.user, state) for state in states]


def _found_assignment(body: models.Body, assignment_id: int) -> models.Assignment:
    return found(
        selectors.assignment_list(body=body),
        _("%(body)s har inget uppdrag med id %(id)d.") % {"body": body, "id": assignment_id},
        pk=assignment_id,
    )


@router.get(
    "/bodies/{slug}/followup/assignments/{assignment_id}",
    response=AssignmentDetail,
    summary=_lazy("Ett uppdrag med dess rapporter"),
)
def assignment_detail(
    request: HttpRequest, slug: str, assignment_id: int, date: OnDate | None = None
) -> dict[str, Any]:
    assignment = _found_assignment(readable_body(request, slug), assignment_id)
    state = selectors.assignment_state(assignment=assignment, on=on_or_today(date))
    return _assignment(request.user, state, with_reports=True)


@router.post(
    "/bodies/{slug}/followup/assignments/{assignment_id}/reports",
    response={201: AssignmentDetail},
    summary=_lazy("Lämna en rapport om hur uppdraget framskrider"),
    description=_lazy(
        "Nyckelns användare ska vara uppdragstagaren (direktören) eller den som direktören "
        "har utsett att rapportera."
    ),
)
def assignment_report_create(
    request: HttpRequest, slug: str, assignment_id: int, payload: AssignmentReportIn
) -> Status[dict[str, Any]]:
    body = readable_body(request, slug)
    assignment = _found_assignment(body, assignment_id)
    services.assignment_report_file(
        actor=request.user,
        assignment=assignment,
        text=payload.text,
        reported_on=on_or_today(payload.reported_on),
    )
    assignment = _found_assignment(body, assignment_id)
    state = selectors.assignment_state(assignment=assignment, on=on_or_today(None))
    return Status(201, _assignment(request.user, state, with_reports=True))
