"""The supervision page: the board's overview of a year (organization by period), the reports
missing or late, and the director's initiatives under the supervision duty. The director and
the secretaries set up templates, make the year's reports, file them and take initiatives;
the body's officials and elected members read (kansli.followup.policy)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansli.bounds import YEAR_MAX, YEAR_MIN
from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.models import ReportTemplate, SupervisionReport
from kansli.followup.selectors import supervision as selectors
from kansli.followup.services import supervision as services
from kansli.followup.views import readable_body
from kansli.followup.years import year_asked
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Document
from kansli.web.forms import date_field, form_written, offer


class TemplateForm(forms.Form):
    namn = forms.CharField(label=gettext_lazy("Benämning"), max_length=200)
    slag = forms.ChoiceField(label=gettext_lazy("Gäller"), choices=Organization.Kind.choices)
    intervall = forms.IntegerField(
        label=gettext_lazy("Intervall (månader)"), min_value=1, max_value=12
    )
    dagar = forms.IntegerField(label=gettext_lazy("Dagar efter periodens slut"), min_value=0)
    innehall = forms.CharField(label=gettext_lazy("Innehåll"), widget=forms.Textarea)


class ReportsForm(forms.Form):
    prefix = "begar"  # beside the year chosen for the page

    mall = forms.ModelChoiceField(label=gettext_lazy("Mall"), queryset=ReportTemplate.objects)
    ar = forms.IntegerField(label=gettext_lazy("År"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "mall", selectors.report_templates(body=body))


class FileForm(forms.Form):
    rapport = forms.ModelChoiceField(
        label=gettext_lazy("Rapport"), queryset=SupervisionReport.objects
    )
    lamnad = date_field(gettext_lazy("Lämnad"))
    sammanfattning = forms.CharField(
        label=gettext_lazy("Sammanfattning"), required=False, widget=forms.Textarea({"rows": 2})
    )
    dokumentnummer = forms.CharField(
        label=gettext_lazy("Dokumentnummer i diariet"), required=False, max_length=70
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(
            self, "rapport", selectors.supervision_reports(body=body).filter(filed_on__isnull=True)
        )


class InitiativeForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Gäller"), queryset=Organization.objects
    )
    anledning = forms.CharField(label=gettext_lazy("Anledning"), widget=forms.Textarea)
    datum = date_field(gettext_lazy("Datum"))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "organisation", Organization.objects.filter(body=body))


def _page(request: HttpRequest, body: Body, status: int = 200, **given: Any) -> HttpResponse:
    today = timezone.localdate()
    year = year_asked(request.GET.get("ar"))
    context = {
        "body": body,
        "year": year,
        "year_min": YEAR_MIN,
        "year_max": YEAR_MAX,
        "today": today,
        "overview": selectors.supervision_overview(body=body, year=year, on=today),
        "missing": selectors.reports_missing(body=body, on=today),
        "late": selectors.reports_late(body=body, on=today),
        "initiatives": selectors.supervision_initiatives(body=body),
        "may_keep": policy.may_keep(request.user, body),
        "template_form": given.get("template_form") or TemplateForm(),
        "reports_form": given.get("reports_form") or ReportsForm(body=body, initial={"ar": year}),
        "file_form": given.get("file_form") or FileForm(body=body, initial={"lamnad": today}),
        "initiative_form": given.get("initiative_form")
        or InitiativeForm(body=body, initial={"datum": today}),
    }
    return render(request, "followup/supervision/supervision.html", context, status=status)


@require_GET
def supervision(request: HttpRequest, body: str) -> HttpResponse:
    return _page(request, readable_body(request, body))


def _done(body: Body) -> HttpResponse:
    return redirect("followup:supervision", body.slug)


@require_POST
def report_template_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = TemplateForm(request.POST)
    written = form_written(
        form,
        lambda data: services.report_template_create(
            actor=request.user,
            body=body_,
            name=data["namn"],
            organization_kind=data["slag"],
            interval_months=data["intervall"],
            due_days=data["dagar"],
            contents=data["innehall"],
        ),
        done=_done(body_),
    )
    return written.response or _page(request, body_, status=written.status, template_form=form)


@require_POST
def supervision_reports_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = ReportsForm(request.POST, body=body_)
    written = form_written(
        form,
        lambda data: services.supervision_reports_create(
            actor=request.user, template=data["mall"], year=data["ar"]
        ),
        done=_done(body_),
    )
    return written.response or _page(request, body_, status=written.status, reports_form=form)


@require_POST
def supervision_report_file(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = FileForm(request.POST, body=body_)

    def file(data: dict[str, Any]) -> None:
        document = None
        if data["dokumentnummer"]:
            document = Document.objects.filter(
                number=data["dokumentnummer"].strip(), case__organization__body=body_
            ).first()
            if document is None:
                raise ValidationError({"dokumentnummer": _("Ingen handling har det numret.")})
        services.supervision_report_file(
            actor=request.user,
            report=data["rapport"],
            filed_on=data["lamnad"],
            summary=data["sammanfattning"],
            document=document,
        )

    written = form_written(form, file, done=_done(body_))
    return written.response or _page(request, body_, status=written.status, file_form=form)


@require_POST
def supervision_initiative_take(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = InitiativeForm(request.POST, body=body_)
    written = form_written(
        form,
        lambda data: services.supervision_initiative_take(
            actor=request.user,
            organization=data["organisation"],
            reason=data["anledning"],
            taken_on=data["datum"],
        ),
        done=_done(body_),
    )
    return written.response or _page(request, body_, status=written.status, initiative_form=form)


@require_GET
def supervision_reports_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    year = year_asked(request.GET.get("ar"))
    today = timezone.localdate()
    return csv_response(
        f"uppsiktsrapporter-{body_.slug}-{year}.csv",
        [
            _("Mall"),
            _("Rapportör"),
            _("Period från"),
            _("Period till"),
            _("Ska lämnas senast"),
            _("Lämnad"),
            _("Läge"),
            _("Handling"),
        ],
        (
            [
                row.template.name,
                row.organization.name,
                row.period_start,
                row.period_end,
                row.due_on,
                row.filed_on,
                selectors.STATE_LABELS[selectors.report_state(row, today)],
                row.document.number if row.document else "",
            ]
            for row in selectors.supervision_reports(body=body_, year=year)
        ),
    )


@require_GET
def supervision_initiatives_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    return csv_response(
        f"uppsiktsinitiativ-{body_.slug}.csv",
        [_("Tagit"), _("Gäller"), _("Diarienummer"), _("Anledning")],
        (
            [row.taken_on, row.organization.name, row.case.number, row.reason]
            for row in selectors.supervision_initiatives(body=body_)
        ),
    )
