"""Crisis pages: the events, each with its log as a timeline, the crisis committee's decisions
owed to the council, and the posts in a security class. The body's officials and
elected members read; kansli.followup.policy decides who writes."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.models import CrisisEvent, CrisisLogEntry
from kansli.followup.selectors import crisis as selectors
from kansli.followup.services import crisis as services
from kansli.followup.views import readable_body
from kansli.web.forms import date_field, form_written

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"})


class EventForm(forms.Form):
    title = forms.CharField(label=_lazy("Händelse"), max_length=300)
    started_at = forms.DateTimeField(label=_lazy("Inträffade"), widget=_DATETIME)


class LeadershipForm(forms.Form):
    leadership = forms.ChoiceField(
        label=_lazy("Leds av"),
        choices=[
            (CrisisEvent.Leadership.COMMITTEE, _lazy("Krisledningsnämnden träder i funktion")),
            (CrisisEvent.Leadership.DIRECTOR, _lazy("Direktören leder (nämnden träder inte in)")),
        ],
        widget=forms.RadioSelect,
    )
    decided_at = forms.DateTimeField(label=_lazy("Beslutat"), widget=_DATETIME)


class LogForm(forms.Form):
    kind = forms.ChoiceField(
        label=_lazy("Slag"),
        choices=[c for c in CrisisLogEntry.Kind.choices if c[0] != CrisisLogEntry.Kind.DECISION],
    )
    text = forms.CharField(label=_lazy("Anteckning"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    title = forms.CharField(label=_lazy("Beslut"), max_length=300)
    decided_on = date_field(_lazy("Beslutsdatum"))
    minutes = forms.CharField(label=_lazy("Protokoll"), max_length=100)
    minute_number = forms.IntegerField(label=_lazy("Paragraf"), min_value=1)


class CloseForm(forms.Form):
    ended_at = forms.DateTimeField(label=_lazy("Avslutad"), widget=_DATETIME)


class ReportForm(forms.Form):
    reported_on = date_field(_lazy("Anmält den"))
    reported_in = forms.CharField(label=_lazy("Anmält vid (sammanträde och paragraf)"))


@require_http_methods(["GET", "POST"])
def crisis_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    events = selectors.crisis_events(body=body_)
    if request.GET.get("format") == "csv":
        return csv_response(
            "krishandelser.csv",
            [_("Händelse"), _("Inträffade"), _("Avslutad"), _("Leds av"), _("Stabschef")],
            (
                (e.title, e.started_at, e.ended_at, e.get_leadership_display(), e.chief_of_staff)
                for e in events
            ),
        )
    form = EventForm(request.POST or None)
    status = 200
    if request.method == "POST":
        opened: list[CrisisEvent] = []
        written = form_written(
            form,
            lambda data: opened.append(
                services.crisis_event_open(actor=request.user, body=body_, **data)
            ),
            done=redirect("followup:crisis_list", body_.slug),
        )
        if written.response:
            return redirect("followup:crisis_detail", body_.slug, opened[0].pk)
        status = written.status
    context = {
        "body": body_,
        "events": events,
        "form": form,
        "may_keep": policy.may_keep(request.user, body_),
    }
    return render(request, "followup/crisis/list.html", context, status=status)


_ACTIONS = {
    "leadership": (
        LeadershipForm,
        lambda user, event, data: services.crisis_leadership_decide(
            actor=user, event=event, **data
        ),
    ),
    "log": (
        LogForm,
        lambda user, event, data: services.crisis_log_append(actor=user, event=event, **data),
    ),
    "decision": (
        DecisionForm,
        lambda user, event, data: services.crisis_decision_record(actor=user, event=event, **data),
    ),
    "close": (
        CloseForm,
        lambda user, event, data: services.crisis_event_close(actor=user, event=event, **data),
    ),
}


@require_http_methods(["GET", "POST"])
def crisis_detail(request: HttpRequest, body: str, event: int) -> HttpResponse:
    body_ = readable_body(request, body)
    event_ = get_object_or_404(selectors.crisis_events(body=body_), pk=event)
    action = request.POST.get("action") if request.method == "POST" else None
    forms_ = {
        name: form_class(request.POST if name == action else None, prefix=name)
        for name, (form_class, _write) in _ACTIONS.items()
    }
    status = 200
    if action in _ACTIONS:
        written = form_written(
            forms_[action],
            lambda data: _ACTIONS[action][1](request.user, event_, data),
            done=redirect("followup:crisis_detail", body_.slug, event_.pk),
        )
        if written.response:
            return written.response
        status = written.status
    log = selectors.crisis_log(event=event_)
    if request.GET.get("format") == "csv":
        return csv_response(
            f"krislogg-{event_.pk}.csv",
            [_("Tid"), _("Slag"), _("Anteckning"), _("Av")],
            ((e.recorded_at, e.get_kind_display(), e.text, e.recorded_by) for e in log),
        )
    context = {
        "body": body_,
        "event": event_,
        "log": log,
        "forms": forms_,
        "action": action,
        "may_keep": policy.may_keep(request.user, body_),
        "may_log": policy.may_log(request.user, event_),
    }
    return render(request, "followup/crisis/detail.html", context, status=status)


@require_http_methods(["GET", "POST"])
def crisis_decisions(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    unreported = selectors.crisis_decisions_unreported(body=body_, on=today)
    if request.GET.get("format") == "csv":
        return csv_response(
            "krisledningsbeslut-att-anmala.csv",
            [_("Beslutsdatum"), _("Beslut"), _("Källa"), _("Anmäls senast")],
            ((d.decided_on, d.title, d.citation, d.report_due) for d in unreported),
        )
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        picked = [pk for pk in request.POST.getlist("beslut") if pk.isdigit()]
        written = form_written(
            form,
            lambda data: services.crisis_decisions_report(
                actor=request.user,
                body=body_,
                decisions=list(unreported.filter(pk__in=picked)),
                **data,
            ),
            done=redirect("followup:crisis_decisions", body_.slug),
        )
        if written.response:
            return written.response
        status = written.status
    context = {
        "body": body_,
        "decisions": unreported,
        "form": form,
        "today": today,
        "may_keep": policy.may_keep(request.user, body_),
    }
    return render(request, "followup/crisis/decisions.html", context, status=status)


@require_GET
def security_classes(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    rows = selectors.security_class_list(body=body_, on=timezone.localdate())
    if request.GET.get("format") == "csv":
        return csv_response(
            "sakerhetsskyddsklass.csv",
            [_("Befattning"), _("Säkerhetsskyddsklass"), _("Innehavare"), _("Krävs lägst")],
            (
                (
                    row.position.title,
                    row.position.security_class,
                    ", ".join(str(p) for p in row.holders),
                    row.required,
                )
                for row in rows
            ),
        )
    return render(request, "followup/crisis/security.html", {"body": body_, "rows": rows})
