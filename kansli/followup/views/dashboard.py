"""The director's duty dashboard: every duty the body's instruction gives the director, with
its section and its evidence today, its summary at the top and filters (state, section, area)
as GET parameters; the board reads the same page without the director's tools. With its CSV
export, the yearly report as PDF, and the list behind its line on the basis for decision."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kansli import generated
from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.duties import (
    AREA_LABELS,
    STATE_LABELS,
    DutyLine,
    Filters,
    duty_lines,
    filtered,
)
from kansli.followup.report import (
    FIRST_REPORT_YEAR,
    report_filename,
    tally,
    yearly_report_stored,
)
from kansli.followup.selectors.dashboard import ItemBasis, agenda_basis
from kansli.htmx import HtmxHttpRequest
from kansli.meetings.policy import item_title
from kansli.organisation.models import Body


def _visible_body(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    policy.require_read_duties(request.user, body)
    return body


def _filters(request: HttpRequest) -> Filters:
    return Filters(
        state=request.GET.get("lage", ""),
        section=request.GET.get("avsnitt", ""),
        area=request.GET.get("omrade", ""),
    )


def _choices(lines: list[DutyLine]) -> dict[str, list[tuple[str, str]]]:
    """The filters' options: the states, sections and areas the dashboard's lines have."""
    states = {line.state for line in lines}
    sections = dict.fromkeys(line.section for line in lines)
    areas = {line.area: line.area_label for line in lines}
    return {
        "states": [(key, str(label)) for key, label in STATE_LABELS.items() if key in states],
        "sections": [(section, section) for section in sections],
        "areas": [(key, str(AREA_LABELS[key])) for key in AREA_LABELS if key in areas],
    }


@require_GET
@vary_on_headers("HX-Request")
def duty_dashboard(request: HtmxHttpRequest, body: str) -> HttpResponse:
    body_ = _visible_body(request, body)
    today = timezone.localdate()
    every_line = duty_lines(body=body_, on=today)
    filters = _filters(request)
    context = {
        "body": body_,
        "today": today,
        "all_lines": every_line,
        "lines": filtered(every_line, filters),
        "filters": filters,
        "choices": _choices(every_line),
        "tally": tally(every_line),
        "keeper": policy.may_keep(request.user, body_),
        "years": range(today.year, today.year - 3, -1),
    }
    # Filters changed with htmx swap in the table only; a history restore needs it all.
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "followup/dashboard/lines.html" if partial else "followup/dashboard/dashboard.html"
    return render(request, template, context)


@require_GET
def duty_report_pdf(request: HttpRequest, body: str, year: int) -> HttpResponse:
    """The director's yearly report to the board, as the board reads it."""
    body_ = _visible_body(request, body)
    if not FIRST_REPORT_YEAR <= year <= timezone.localdate().year:
        raise Http404
    stored = yearly_report_stored(body=body_, year=year)
    return generated.serve(request, stored, report_filename(body_, year), public=False)


@require_GET
def duty_dashboard_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _visible_body(request, body)
    today = timezone.localdate()
    header = [
        _("Nummer"),
        _("Skyldighet"),
        _("Avsnitt"),
        _("Läge"),
        _("Underlag"),
        _("Antal"),
        _("Lista"),
    ]
    rows = (
        [
            line.number,
            line.text,
            line.section,
            line.state_label,
            line.summary,
            line.evidence.count if line.evidence else None,
            request.build_absolute_uri(line.evidence.url) if line.evidence else None,
        ]
        for line in duty_lines(body=body_, on=today)
    )
    return csv_response(f"direktorens-plikter-{body_.slug}-{today}.csv", header, rows)


def _agenda_entries(request: HttpRequest, body: Body) -> list[tuple[ItemBasis, str]]:
    """The coming cases with their basis, each with its title as the user may see it."""
    return [
        (entry, item_title(request.user, entry.item)[0])
        for entry in agenda_basis(body=body, on=timezone.localdate())
    ]


@require_GET
def agenda_basis_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _visible_body(request, body)
    context = {"body": body_, "entries": _agenda_entries(request, body_)}
    return render(request, "followup/dashboard/agenda_basis.html", context)


@require_GET
def agenda_basis_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _visible_body(request, body)
    header = [_("Sammanträde"), _("Dag"), _("Ärende"), _("Diarienummer"), _("Saknas")]
    rows = (
        [
            entry.item.meeting.organization.name,
            timezone.localdate(entry.item.meeting.starts_at),
            title,
            entry.case.number,
            ", ".join(missing.label for missing in entry.readiness.missing),
        ]
        for entry, title in _agenda_entries(request, body_)
    )
    return csv_response(f"beslutsunderlag-{body_.slug}-{timezone.localdate()}.csv", header, rows)
