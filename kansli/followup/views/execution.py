"""The pages of execution (verkställighet) and assignments (uppdrag): thin views over the
decisions app's services and selectors.

The body's own users read them (the board's chair and members too); the forms are shown to
those `kansli.decisions.policy` lets write, and the services ask it again: the director gives
execution tasks, the director or an official of the executing organization moves a task on,
the director or a secretary records the board's assignments, the director (or whom the
director names) reports, a secretary puts a report on the board's agenda.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansli.decisions import policy, selectors, services
from kansli.decisions.models import Assignment, AssignmentReport, Decision, ExecutionTask
from kansli.decisions.views.register import readable_body
from kansli.exports import csv_response
from kansli.followup.charts import Chart, Series, bar_chart
from kansli.meetings.models import AgendaItem, Meeting
from kansli.organisation.models import Appointment, Body, Organization, Person
from kansli.registry.visibility import User
from kansli.web.forms import add_errors, date_field, form_written

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


# Forms -------------------------------------------------------------------------------------


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Alla")), *ExecutionTask.Status.choices],
        required=False,
    )
    verkstallare = forms.ModelChoiceField(
        label=gettext_lazy("Verkställs av"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Alla"),
    )
    forsenade = forms.BooleanField(label=gettext_lazy("Bara försenade"), required=False)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verkstallare"].queryset = _executors(body)


def _executors(body: Body) -> QuerySet[Organization]:
    return body.organizations.filter(kind__in=services.EXECUTOR_KINDS).order_by("name")


class TaskForm(forms.Form):
    uppgift = forms.CharField(label=gettext_lazy("Uppgift"), max_length=300)
    verkstallare = forms.ModelChoiceField(
        label=gettext_lazy("Verkställs av"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
    )
    klar_senast = date_field(gettext_lazy("Klar senast"))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verkstallare"].queryset = _executors(body)


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Ny status"), choices=ExecutionTask.Status.choices
    )
    anteckning = forms.CharField(label=gettext_lazy("Anteckning"), required=False, max_length=1000)


class AssignmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Alla")), *Assignment.Status.choices],
        required=False,
    )
    sena = forms.BooleanField(
        label=gettext_lazy("Bara med försenad rapport eller försenade"), required=False
    )


class AssignmentForm(forms.Form):
    beslut = forms.ModelChoiceField(
        label=gettext_lazy("Beslut vid sammanträde"), queryset=Decision.objects.none()
    )
    rubrik = forms.CharField(label=gettext_lazy("Uppdrag"), max_length=300)
    beskrivning = forms.CharField(
        label=gettext_lazy("Beskrivning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    klart_senast = date_field(gettext_lazy("Ska slutföras senast"))
    intervall = forms.IntegerField(
        label=gettext_lazy("Rapporteras var … månad"), min_value=1, max_value=12, initial=3
    )

    def __init__(self, *args: Any, body: Body, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["beslut"].queryset = Decision.objects.filter(
            body=body, kind=Decision.Kind.MEETING, status=Decision.Status.RECORDED
        ).select_related("organization", selectors.DECISION_CASE)
        self.fields["beslut"].label_from_instance = lambda decision: (
            f"{decision.decided_on:%Y-%m-%d} {decision.organization}: "
            f"{selectors.decision_view(user, decision).title}"
        )


class ReportForm(forms.Form):
    rapport = forms.CharField(
        label=gettext_lazy("Rapport"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ReporterForm(forms.Form):
    rapportor = forms.ModelChoiceField(
        label=gettext_lazy("Rapporterar i direktörens ställe"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=gettext_lazy("Direktören själv"),
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officials = Appointment.objects.on(timezone.localdate()).filter(position__body=body)
        self.fields["rapportor"].queryset = Person.objects.filter(pk__in=officials.values("person"))


class AgendaForm(forms.Form):
    sammantrade = forms.ModelChoiceField(
        label=gettext_lazy("Sammanträde"), queryset=Meeting.objects.none()
    )
    slag = forms.ChoiceField(
        label=gettext_lazy("Som"),
        choices=[
            (AgendaItem.Kind.INFORMATION, AgendaItem.Kind.INFORMATION.label),
            (AgendaItem.Kind.ASSIGNMENT_REPORTS, AgendaItem.Kind.ASSIGNMENT_REPORTS.label),
        ],
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sammantrade"].queryset = Meeting.objects.filter(
            organization=organization, status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED]
        ).select_related("organization")


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Avsluta som"),
        choices=[
            (Assignment.Status.COMPLETED, Assignment.Status.COMPLETED.label),
            (Assignment.Status.CANCELLED, Assignment.Status.CANCELLED.label),
        ],
    )


# Helpers -----------------------------------------------------------------------------------


def _csv_wanted(request: HttpRequest) -> bool:
    return request.GET.get("format") == "csv"


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


# Execution ---------------------------------------------------------------------------------


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
    if _csv_wanted(request):
        rows = (_task_row(request.user, task, today) for task in tasks)
        return csv_response(f"verkstallighet-{body_.slug}.csv", list(TASK_HEADER), rows)
    context = {
        "body": body_,
        "form": form,
        "tasks": [(task, selectors.task_overdue(task, today)) for task in tasks],
        "today": today,
        "csv_query": _with_csv(request),
    }
    return render(request, "followup/execution/task_list.html", context)


def _with_csv(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "csv"
    return query.urlencode()


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
    return render(request, "followup/execution/decision.html", context)


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
            due_on=data["klar_senast"],
        )
        messages.success(request, _("Uppgiften är given."))

    done = redirect("followup:execution_decision", body, decision_.pk)
    written = form_written(form, give, done=done)
    if written.response is not None:
        return written.response
    context = _decision_context(request, decision_, task_form=form)
    return render(request, "followup/execution/decision.html", context, status=written.status)


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

    done = redirect("followup:execution_decision", body, task_.decision_id)
    written = form_written(form, move_on, done=done)
    if written.response is not None:
        return written.response
    context = _decision_context(request, task_.decision, status_form=form)
    return render(request, "followup/execution/decision.html", context, status=written.status)


BOARD_HEADER = (
    gettext_lazy("Paragraf eller datum"),
    gettext_lazy("Beslut"),
    gettext_lazy("Verkställighet"),
    gettext_lazy("Uppgifter"),
    gettext_lazy("Försenade"),
)


def _board_rows(
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


@require_GET
def execution_meeting(request: HttpRequest, body: str, meeting: int) -> HttpResponse:
    """The board's view "verkställighet av beslut" for one meeting."""
    body_ = readable_body(request, body)
    meeting_ = get_object_or_404(
        Meeting.objects.select_related("organization"), organization__body=body_, pk=meeting
    )
    rows = selectors.execution_for_meeting(meeting=meeting_, on=timezone.localdate())
    if _csv_wanted(request):
        name = f"verkstallighet-{meeting_.organization.slug}-{meeting_.starts_at:%Y-%m-%d}.csv"
        return csv_response(
            name, list(BOARD_HEADER), _board_rows(request.user, rows, by_paragraph=True)
        )
    context = {"body": body_, "meeting": meeting_, "rows": rows, "csv_query": _with_csv(request)}
    return render(request, "followup/execution/meeting.html", context)


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
    if _csv_wanted(request):
        name = f"verkstallighet-{body_.slug}-{year}.csv"
        return csv_response(
            name, list(BOARD_HEADER), _board_rows(request.user, rows, by_paragraph=False)
        )
    context = {
        "body": body_,
        "year": year,
        "organization": organization,
        "organs": organs,
        "rows": rows,
        "chart": _execution_chart(body_, year),
        "meetings": Meeting.objects.filter(organization=organization, starts_at__year=year).exclude(
            status=Meeting.Status.CANCELLED
        ),
        "csv_query": _with_csv(request),
    }
    return render(request, "followup/execution/year.html", context)


# Assignments -------------------------------------------------------------------------------


ASSIGNMENT_HEADER = (
    gettext_lazy("Uppdrag"),
    gettext_lazy("Beslut"),
    gettext_lazy("Givet"),
    gettext_lazy("Ska slutföras senast"),
    gettext_lazy("Rapporteras var … månad"),
    gettext_lazy("Senaste rapport"),
    gettext_lazy("Nästa rapport senast"),
    gettext_lazy("Rapport försenad"),
    gettext_lazy("Försenat"),
    gettext_lazy("Status"),
)


def _assignment_row(user: User, state: selectors.AssignmentState) -> list[Any]:
    assignment = state.assignment
    return [
        assignment.title,
        selectors.decision_view(user, assignment.decision).title,
        assignment.given_on,
        assignment.due_on,
        assignment.report_interval_months,
        state.last_report.reported_on if state.last_report else None,
        state.next_report_due,
        _("ja") if state.report_late else _("nej"),
        _("ja") if state.overdue else _("nej"),
        assignment.get_status_display(),
    ]


def _status_chart(body: Body, on: datetime.date) -> Chart:
    counts = selectors.assignment_status_counts(body=body, on=on)
    return bar_chart(
        key="uppdrag-efter-status",
        title=_("Uppdrag efter status den %(date)s") % {"date": f"{on:%Y-%m-%d}"},
        description=_("Antal uppdrag per status, med de pågående uppdelade efter rapporteringen."),
        categories=[str(label) for label in selectors.ASSIGNMENT_STATES.values()],
        series=[Series(_("uppdrag"), list(counts.values()))],
        unit=_("antal uppdrag"),
    )


def _list_context(request: HttpRequest, body: Body, **forms_: Any) -> dict[str, Any]:
    today = timezone.localdate()
    form = AssignmentFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    states = selectors.assignment_states(
        body=body, on=today, status=filters.get("status"), late=bool(filters.get("sena"))
    )
    return {
        "body": body,
        "form": form,
        "states": states,
        "chart": _status_chart(body, today),
        "may_record": policy.may_record_assignment(request.user, body, today),
        "assignment_form": forms_.get("assignment_form")
        or AssignmentForm(body=body, user=request.user),
        "csv_query": _with_csv(request),
    }


@require_GET
def assignment_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    context = _list_context(request, body_)
    if _csv_wanted(request):
        rows = (_assignment_row(request.user, state) for state in context["states"])
        return csv_response(f"uppdrag-{body_.slug}.csv", list(ASSIGNMENT_HEADER), rows)
    return render(request, "followup/execution/assignment_list.html", context)


@require_POST
def assignment_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = AssignmentForm(request.POST, body=body_, user=request.user)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.assignment_give(
                actor=request.user,
                decision=data["beslut"],
                title=data["rubrik"],
                description=data["beskrivning"],
                due_on=data["klart_senast"],
                report_interval_months=data["intervall"],
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
            status = 403
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Uppdraget är registrerat."))
            return redirect("followup:assignment_detail", body, assignment.pk)
    context = _list_context(request, body_, assignment_form=form)
    return render(request, "followup/execution/assignment_list.html", context, status=status)


def _assignment(request: HttpRequest, body: str, assignment: int) -> Assignment:
    return get_object_or_404(
        selectors.assignment_list(body=readable_body(request, body)), pk=assignment
    )


def _detail_context(request: HttpRequest, assignment: Assignment, **forms_: Any) -> dict[str, Any]:
    today = timezone.localdate()
    body = assignment.decision.body
    user = request.user
    ongoing = assignment.status == Assignment.Status.ONGOING
    reports = sorted(assignment.reports.all(), key=lambda r: (r.reported_on, r.pk), reverse=True)
    return {
        "body": body,
        "assignment": assignment,
        "state": selectors.assignment_state(assignment=assignment, on=today),
        "reports": reports,
        "may_report": ongoing and policy.may_report_assignment(user, assignment),
        "may_name": ongoing and policy.may_direct_assignment(user, assignment),
        "may_agenda": policy.may_put_on_agenda(user, body),
        "report_form": forms_.get("report_form") or ReportForm(),
        "reporter_form": forms_.get("reporter_form")
        or ReporterForm(body=body, initial={"rapportor": assignment.reporter}),
        "agenda_form": forms_.get("agenda_form")
        or AgendaForm(organization=assignment.decision.organization),
        "close_form": forms_.get("close_form") or CloseForm(),
        "csv_query": _with_csv(request),
    }


@require_GET
def assignment_detail(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = _assignment(request, body, assignment)
    if _csv_wanted(request):
        rows = (
            [
                report.reported_on,
                str(report.reported_by),
                report.text,
                str(report.agenda_item.meeting) if report.agenda_item else "",
            ]
            for report in assignment_.reports.all()
        )
        header = [_("Rapporterat"), _("Av"), _("Rapport"), _("På dagordningen")]
        return csv_response(f"uppdrag-{assignment_.pk}-rapporter.csv", header, rows)
    context = _detail_context(request, assignment_)
    return render(request, "followup/execution/assignment.html", context)


def _detail_after(
    request: HttpRequest,
    assignment: Assignment,
    form: forms.Form,
    name: str,
    call: Callable[[dict[str, Any]], None],
) -> HttpResponse:
    """Run the service `call` with the valid form's data; back to the page, or the page with
    the form, its input and its errors (the refusal's reason too)."""
    done = redirect("followup:assignment_detail", assignment.decision.body.slug, assignment.pk)
    written = form_written(form, call, done=done)
    if written.response is not None:
        return written.response
    context = _detail_context(request, assignment, **{name: form})
    return render(request, "followup/execution/assignment.html", context, status=written.status)


@require_POST
def assignment_report_create(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = _assignment(request, body, assignment)

    def file(data: dict[str, Any]) -> None:
        services.assignment_report_file(
            actor=request.user, assignment=assignment_, text=data["rapport"]
        )
        messages.success(request, _("Rapporten är lämnad."))

    return _detail_after(request, assignment_, ReportForm(request.POST), "report_form", file)


@require_POST
def assignment_reporter(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = _assignment(request, body, assignment)
    form = ReporterForm(request.POST, body=assignment_.decision.body)

    def name(data: dict[str, Any]) -> None:
        services.assignment_reporter_name(
            actor=request.user, assignment=assignment_, reporter=data["rapportor"]
        )

    return _detail_after(request, assignment_, form, "reporter_form", name)


@require_POST
def assignment_close(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = _assignment(request, body, assignment)

    def close(data: dict[str, Any]) -> None:
        services.assignment_close(actor=request.user, assignment=assignment_, status=data["status"])

    return _detail_after(request, assignment_, CloseForm(request.POST), "close_form", close)


@require_POST
def assignment_report_agenda(request: HttpRequest, body: str, report: int) -> HttpResponse:
    report_ = get_object_or_404(
        AssignmentReport.objects.select_related("assignment__decision__organization"),
        assignment__decision__body=readable_body(request, body),
        pk=report,
    )
    assignment_ = _assignment(request, body, report_.assignment_id)
    form = AgendaForm(request.POST, organization=assignment_.decision.organization)

    def put(data: dict[str, Any]) -> None:
        services.assignment_report_to_agenda(
            actor=request.user, report=report_, meeting=data["sammantrade"], kind=data["slag"]
        )
        messages.success(request, _("Rapporten står på dagordningen."))

    return _detail_after(request, assignment_, form, "agenda_form", put)
