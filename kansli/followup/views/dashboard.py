"""The director's duty dashboard: every duty the body's instruction gives the director, with
its section and its evidence today; the board reads the same page without the director's
tools. With its CSV export, and the list behind its line on the basis for decision."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.duties import duty_lines
from kansli.followup.selectors.dashboard import ItemBasis, agenda_basis
from kansli.meetings.policy import item_title
from kansli.organisation.models import Body


def _visible_body(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    policy.require_read_duties(request.user, body)
    return body


@require_GET
def duty_dashboard(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _visible_body(request, body)
    today = timezone.localdate()
    context = {
        "body": body_,
        "today": today,
        "lines": duty_lines(body=body_, on=today),
        "keeper": policy.may_keep(request.user, body_),
    }
    return render(request, "followup/dashboard/dashboard.html", context)


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
