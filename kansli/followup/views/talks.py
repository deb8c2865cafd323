"""The talks page: the year's prescribed talks, held or not, with the forms to schedule the
year and to record a talk held."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from kansli.followup.export import csv_response
from kansli.followup.policy import may_keep
from kansli.followup.selectors import talks as selectors
from kansli.followup.services import talks as services
from kansli.organisation.models import Body


class HeldForm(forms.Form):
    talk = forms.IntegerField(widget=forms.HiddenInput)
    held_on = forms.DateField(label=_lazy("Hölls"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_lazy("Anteckning"), required=False)


@require_http_methods(["GET", "POST"])
def talk_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
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
    held = HeldForm(request.POST if request.POST.get("action") == "held" else None)
    try:
        if request.POST.get("action") == "schedule":
            services.talks_schedule(actor=request.user, body=body_, on=today)
            return redirect("followup:talk_list", body_.slug)
        if held.is_valid():
            talk = get_object_or_404(talks, pk=held.cleaned_data["talk"])
            services.talk_record(
                actor=request.user,
                talk=talk,
                held_on=held.cleaned_data["held_on"],
                note=held.cleaned_data["note"],
            )
            return redirect("followup:talk_list", body_.slug)
    except ValidationError as error:
        held.add_error(None, error)
    context = {
        "body": body_,
        "talks": talks,
        "year": year,
        "today": today,
        "overdue_only": overdue_only,
        "held": held,
        "may_keep": may_keep(request.user, body_),
        "person_id": getattr(request.user, "person_id", None),
    }
    return render(request, "followup/talks/list.html", context)
