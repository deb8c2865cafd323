"""The talks page: the year's prescribed talks, held or not, with the forms to schedule the
year and to record a talk held."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.selectors import talks as selectors
from kansli.followup.services import talks as services
from kansli.followup.views import readable_body
from kansli.web.forms import date_field, form_written


class HeldForm(forms.Form):
    talk = forms.IntegerField(widget=forms.HiddenInput)
    held_on = date_field(_lazy("Hölls"))
    note = forms.CharField(label=_lazy("Anteckning"), required=False)


class ScheduleForm(forms.Form):
    """Schedule the year's talks: nothing to fill in."""


@require_http_methods(["GET", "POST"])
def talk_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    asked = request.GET.get("ar", "")
    year = int(asked) if asked.isdigit() and len(asked) == 4 else today.year
    overdue_only = bool(request.GET.get("forsenade"))
    talks = (
        selectors.talks_overdue(body=body_, on=today)
        if overdue_only
        else selectors.talk_list(body=body_, year=year)
    )
    if request.GET.get("format") == "csv":
        return csv_response(
            "samtal.csv",
            [_("Samtal"), _("Hålls av"), _("Med"), _("Senast"), _("Hölls"), _("Avsnitt")],
            (
                (
                    t.get_kind_display(),
                    t.held_by,
                    t.held_with,
                    t.due_on,
                    t.held_on,
                    t.source_section,
                )
                for t in talks
            ),
        )
    action = request.POST.get("action")
    held = HeldForm(request.POST if action == "held" else None)
    schedule = ScheduleForm(request.POST if action == "schedule" else None)
    writes = {
        "held": (
            held,
            lambda data: services.talk_record(
                actor=request.user,
                talk=get_object_or_404(talks, pk=data["talk"]),
                held_on=data["held_on"],
                note=data["note"],
            ),
        ),
        "schedule": (
            schedule,
            lambda data: services.talks_schedule(actor=request.user, body=body_, on=today),
        ),
    }
    status = 200
    if action in writes:
        form, write = writes[action]
        written = form_written(form, write, done=redirect("followup:talk_list", body_.slug))
        if written.response:
            return written.response
        status = written.status
    context = {
        "body": body_,
        "talks": talks,
        "year": year,
        "today": today,
        "overdue_only": overdue_only,
        "held": held,
        "schedule": schedule,
        "may_keep": policy.may_keep(request.user, body_),
        "recordable": {talk.pk for talk in talks if policy.may_record_talk(request.user, talk)},
    }
    return render(request, "followup/talks/list.html", context, status=status)
