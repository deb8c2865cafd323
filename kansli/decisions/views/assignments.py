"""The pages of the board's assignments (uppdrag) to the director: thin views over the
decisions app's services and selectors.

The body's own users read them; the forms are shown to those `kansli.decisions.policy` lets
write, and the services ask it again: the director or a secretary records the board's
assignments, the director (or whom the director names) reports, a secretary puts a report on
the board's agenda.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansli.charts import Chart, Series, bar_chart
from kansli.decisions import policy, selectors, services
from kansli.decisions.forms import (
    AssignmentFilterForm,
    AssignmentForm,
    CloseForm,
    ReporterForm,
    ReportForm,
)
from kansli.decisions.models import Assignment
from kansli.decisions.views import csv_query, csv_wanted
from kansli.decisions.views.register import readable_body
from kansli.exports import csv_response
from kansli.organisation.models import Body
from kansli.registry.visibility import User
from kansli.web.forms import add_errors, form_written

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
        "csv_query": csv_query(request),
    }


@require_GET
def assignment_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    context = _list_context(request, body_)
    if csv_wanted(request):
        rows = (_assignment_row(request.user, state) for state in context["states"])
        return csv_response(f"uppdrag-{body_.slug}.csv", list(ASSIGNMENT_HEADER), rows)
    return render(request, "decisions/execution/assignment_list.html", context)


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
            return redirect("decisions:assignment_detail", body, assignment.pk)
    context = _list_context(request, body_, assignment_form=form)
    return render(request, "decisions/execution/assignment_list.html", context, status=status)


def assignment_found(request: HttpRequest, body: str, assignment: int) -> Assignment:
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
        "agenda_form": forms_.get("agenda_form"),
        "close_form": forms_.get("close_form") or CloseForm(),
        "csv_query": csv_query(request),
    }


@require_GET
def assignment_detail(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = assignment_found(request, body, assignment)
    if csv_wanted(request):
        rows = (
            [
                report.reported_on,
                str(report.reported_by),
                report.text,
                str(report.agenda_item.meeting) if hasattr(report, "agenda_item") else "",
            ]
            for report in assignment_.reports.all()
        )
        header = [_("Rapporterat"), _("Av"), _("Rapport"), _("På dagordningen")]
        return csv_response(f"uppdrag-{assignment_.pk}-rapporter.csv", header, rows)
    context = _detail_context(request, assignment_)
    return render(request, "decisions/execution/assignment.html", context)


def detail_after(
    request: HttpRequest,
    assignment: Assignment,
    form: forms.Form,
    name: str,
    call: Callable[[dict[str, Any]], None],
) -> HttpResponse:
    """Run the service `call` with the valid form's data; back to the page, or the page with
    the form, its input and its errors (the refusal's reason too)."""
    done = redirect("decisions:assignment_detail", assignment.decision.body.slug, assignment.pk)
    written = form_written(form, call, done=done)
    if written.response is not None:
        return written.response
    context = _detail_context(request, assignment, **{name: form})
    return render(request, "decisions/execution/assignment.html", context, status=written.status)


@require_POST
def assignment_report_create(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = assignment_found(request, body, assignment)

    def file(data: dict[str, Any]) -> None:
        services.assignment_report_file(
            actor=request.user, assignment=assignment_, text=data["rapport"]
        )
        messages.success(request, _("Rapporten är lämnad."))

    return detail_after(request, assignment_, ReportForm(request.POST), "report_form", file)


@require_POST
def assignment_reporter(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = assignment_found(request, body, assignment)
    form = ReporterForm(request.POST, body=assignment_.decision.body)

    def name(data: dict[str, Any]) -> None:
        services.assignment_reporter_name(
            actor=request.user, assignment=assignment_, reporter=data["rapportor"]
        )

    return detail_after(request, assignment_, form, "reporter_form", name)


@require_POST
def assignment_close(request: HttpRequest, body: str, assignment: int) -> HttpResponse:
    assignment_ = assignment_found(request, body, assignment)

    def close(data: dict[str, Any]) -> None:
        services.assignment_close(actor=request.user, assignment=assignment_, status=data["status"])

    return detail_after(request, assignment_, CloseForm(request.POST), "close_form", close)
