"""The economy page: budget against outcome per organization, the deviations past the threshold
and the initiatives they opened; the director imports outcomes and budgets (checked at once,
imported by a background task whose progress the page shows) and marks an
initiative dealt with; the body's officials and elected members read it
(kansli.followup.policy)."""

from decimal import Decimal
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
from kansli.charts import Chart, Series, bar_chart
from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.models import BudgetInitiative
from kansli.followup.selectors import economy as selectors
from kansli.followup.services import economy as services
from kansli.followup.views import readable_body
from kansli.followup.years import year_asked
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization
from kansli.web.forms import form_written, offer
from kansli.web.models import TaskRun


class ImportForm(forms.Form):
    OUTCOME = "utfall"
    BUDGET = "budget"

    slag = forms.ChoiceField(
        label=gettext_lazy("Vad filen innehåller"),
        choices=[(OUTCOME, gettext_lazy("Utfall")), (BUDGET, gettext_lazy("Budget"))],
    )
    fil = forms.FileField(
        label=gettext_lazy("CSV-fil"),
        help_text=gettext_lazy("Kolumnerna organisation, år, månad, belopp."),
    )


class ThresholdForm(forms.Form):
    procent = forms.DecimalField(
        label=gettext_lazy("Procent av budgeten hittills"), min_value=Decimal("0.01")
    )
    belopp = forms.DecimalField(
        label=gettext_lazy("Eller belopp (kronor)"), required=False, min_value=Decimal(0)
    )


class DealtWithForm(forms.Form):
    initiativ = forms.ModelChoiceField(
        label=gettext_lazy("Initiativ"), queryset=BudgetInitiative.objects
    )
    sammantrade = forms.ModelChoiceField(
        label=gettext_lazy("Sammanträde"), queryset=Meeting.objects.none()
    )
    paragraf = forms.IntegerField(label=gettext_lazy("Paragraf (§)"), min_value=1)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(
            self, "initiativ", selectors.budget_initiatives_open(body=body, on=timezone.localdate())
        )
        offer(
            self,
            "sammantrade",
            Meeting.objects.filter(
                organization__body=body, organization__kind=Organization.Kind.EXECUTIVE_BOARD
            ).select_related("organization"),
        )


def _chart(standing: list[selectors.Standing], year: int) -> Chart:
    return bar_chart(
        key="budget-och-utfall",
        title=_("Budget och utfall %(year)d") % {"year": year},
        description=_(
            "Budget och utfall hittills i år per organisation, till och med den senaste månaden "
            "med utfall."
        ),
        categories=[row.organization.short_name or row.organization.name for row in standing],
        series=[
            Series(_("Budget"), [row.budget for row in standing]),
            Series(_("Utfall"), [row.outcome for row in standing]),
        ],
        unit=_("kronor"),
    )


def _page(request: HttpRequest, body: Body, status: int = 200, **forms_: Any) -> HttpResponse:
    year = year_asked(request.GET.get("ar"))
    today = timezone.localdate()
    may_keep = policy.may_keep(request.user, body)
    standing = selectors.economy_standing(body=body, year=year)
    threshold = selectors.threshold_of(body=body)
    set_now = {"procent": threshold.percent, "belopp": threshold.amount} if threshold else {}
    context = {
        "body": body,
        "year": year,
        "year_min": YEAR_MIN,
        "year_max": YEAR_MAX,
        "standing": standing,
        "chart": _chart(standing, year) if standing else None,
        "threshold": threshold,
        "initiatives": selectors.budget_initiatives(body=body, year=year),
        "open": set(
            selectors.budget_initiatives_open(body=body, on=today).values_list("pk", flat=True)
        ),
        "may_keep": may_keep,
        "import_form": forms_.get("import_form") or ImportForm(),
        "threshold_form": forms_.get("threshold_form") or ThresholdForm(initial=set_now),
        "dealt_with_form": forms_.get("dealt_with_form") or DealtWithForm(body=body),
    }
    return render(request, "followup/economy/economy.html", context, status=status)


@require_GET
def economy(request: HttpRequest, body: str) -> HttpResponse:
    return _page(request, readable_body(request, body))


@require_POST
def economy_import(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = ImportForm(request.POST, request.FILES)

    def import_file(data: dict[str, Any]) -> TaskRun:
        upload = data["fil"]
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("Filen är inte kodad som UTF-8.")) from None
        return services.ledger_import_start(
            actor=request.user,
            body=body_,
            text=text,
            source=upload.name,
            budget=data["slag"] == ImportForm.BUDGET,
        )

    # The file is checked here, its errors shown at once; a background task imports it.
    written = form_written(
        form, import_file, done=lambda run: redirect("web:task_progress", run.pk), field="fil"
    )
    return written.response or _page(request, body_, status=written.status, import_form=form)


@require_POST
def economy_threshold(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = ThresholdForm(request.POST)
    written = form_written(
        form,
        lambda data: services.threshold_set(
            actor=request.user, body=body_, percent=data["procent"], amount=data["belopp"]
        ),
        done=redirect("followup:economy", body_.slug),
    )
    return written.response or _page(request, body_, status=written.status, threshold_form=form)


@require_POST
def budget_initiative_dealt_with(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = DealtWithForm(request.POST, body=body_)
    written = form_written(
        form,
        lambda data: services.budget_initiative_deal_with(
            actor=request.user,
            initiative=data["initiativ"],
            meeting=data["sammantrade"],
            minute_number=data["paragraf"],
        ),
        done=redirect("followup:economy", body_.slug),
    )
    return written.response or _page(request, body_, status=written.status, dealt_with_form=form)


@require_GET
def economy_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    year = year_asked(request.GET.get("ar"))
    rows = selectors.economy_standing(body=body_, year=year)
    return csv_response(
        f"budget-och-utfall-{body_.slug}-{year}.csv",
        [
            _("Organisation"),
            _("År"),
            _("Till och med månad"),
            _("Budget hittills"),
            _("Utfall hittills"),
            _("Avvikelse"),
            _("Över gränsen"),
        ],
        (
            [
                row.organization.name,
                row.year,
                row.month,
                row.budget,
                row.outcome,
                row.deviation,
                _("ja") if row.past_threshold else _("nej"),
            ]
            for row in rows
        ),
    )


@require_GET
def budget_initiatives_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    year = year_asked(request.GET.get("ar"))
    rows = selectors.budget_initiatives(body=body_, year=year)
    return csv_response(
        f"budgetinitiativ-{body_.slug}-{year}.csv",
        [
            _("Organisation"),
            _("År"),
            _("Till och med månad"),
            _("Budget hittills"),
            _("Utfall hittills"),
            _("Upptäckt"),
            _("Diarienummer"),
            _("Behandlat"),
            _("Behandlat vid"),
        ],
        (
            [
                row.organization.name,
                row.year,
                row.month,
                row.budget,
                row.outcome,
                row.opened_on,
                row.case.number if row.case else "",
                row.dealt_with_on,
                row.dealt_with_in,
            ]
            for row in rows
        ),
    )
