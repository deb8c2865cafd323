"""The certification page: who may certify for which organization, a check of one payment
against the rights, and the certifications made, those outside a right flagged. The director
appoints and ends rights here; the body's officials and elected members read
(kansli.followup.policy)."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.models import CertificationRight
from kansli.followup.selectors import certification as selectors
from kansli.followup.services import certification as services
from kansli.followup.views import readable_body
from kansli.organisation.models import Body, Organization, Person
from kansli.web.forms import date_field, form_written, offer


class CheckForm(forms.Form):
    attestant = forms.ModelChoiceField(label=gettext_lazy("Attestant"), queryset=Person.objects)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Ansvar (organisation)"), queryset=Organization.objects
    )
    belopp = forms.DecimalField(label=gettext_lazy("Belopp (kronor)"), min_value=0)
    mottagare = forms.CharField(label=gettext_lazy("Betalningsmottagare"), max_length=300)
    datum = date_field(gettext_lazy("Datum"))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "attestant", Person.objects.filter(body=body))
        offer(self, "organisation", Organization.objects.filter(body=body))


class AppointForm(forms.Form):
    prefix = "utse"  # beside the check's fields of the same names on the page

    attestant = forms.ModelChoiceField(label=gettext_lazy("Attestant"), queryset=Person.objects)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Ansvar (organisation)"), queryset=Organization.objects
    )
    hogsta_belopp = forms.DecimalField(
        label=gettext_lazy("Högsta belopp (kronor)"), required=False, min_value=1
    )
    fran = date_field(gettext_lazy("Från"))
    till = date_field(gettext_lazy("Till"), required=False)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "attestant", Person.objects.filter(body=body))
        offer(self, "organisation", Organization.objects.filter(body=body))


class EndForm(forms.Form):
    prefix = "avsluta"

    attestratt = forms.ModelChoiceField(
        label=gettext_lazy("Attesträtt"), queryset=CertificationRight.objects
    )
    till = date_field(gettext_lazy("Sista dag"))

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        offer(self, "attestratt", selectors.certification_rights(body=body).exclude(end__lt=today))


def _page(request: HttpRequest, body: Body, status: int = 200, **given: Any) -> HttpResponse:
    today = timezone.localdate()
    asked = "attestant" in request.GET
    check_form = CheckForm(request.GET if asked else None, body=body, initial={"datum": today})
    check = None
    if asked and check_form.is_valid():
        data = check_form.cleaned_data
        check = selectors.certification_check(
            certifier=data["attestant"],
            organization=data["organisation"],
            amount=data["belopp"],
            on=data["datum"],
            payee_name=data["mottagare"],
        )
    outside = dict(selectors.certifications_outside_rights(body=body))
    context = {
        "body": body,
        "today": today,
        "rights": selectors.certification_rights(body=body),
        "certifications": [
            (row, outside.get(row)) for row in selectors.certifications(body=body)[:200]
        ],
        "without_right": selectors.organizations_without_right(body=body, on=today),
        "check_form": check_form,
        "check": check,
        "may_appoint": policy.may_appoint_certifiers(request.user, body),
        "appoint_form": given.get("appoint_form") or AppointForm(body=body),
        "end_form": given.get("end_form") or EndForm(body=body, initial={"till": today}),
    }
    return render(request, "followup/certification/certification.html", context, status=status)


@require_GET
def certification(request: HttpRequest, body: str) -> HttpResponse:
    return _page(request, readable_body(request, body))


@require_POST
def certification_right_appoint(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = AppointForm(request.POST, body=body_)
    written = form_written(
        form,
        lambda data: services.certification_right_appoint(
            actor=request.user,
            person=data["attestant"],
            organization=data["organisation"],
            start=data["fran"],
            end=data["till"],
            max_amount=data["hogsta_belopp"],
        ),
        done=redirect("followup:certification", body_.slug),
    )
    return written.response or _page(request, body_, status=written.status, appoint_form=form)


@require_POST
def certification_right_end(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = EndForm(request.POST, body=body_)
    written = form_written(
        form,
        lambda data: services.certification_right_end(
            actor=request.user, right=data["attestratt"], end=data["till"]
        ),
        done=redirect("followup:certification", body_.slug),
    )
    return written.response or _page(request, body_, status=written.status, end_form=form)


@require_GET
def certification_rights_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    return csv_response(
        f"attestratter-{body_.slug}.csv",
        [_("Attestant"), _("Ansvar"), _("Högsta belopp"), _("Från"), _("Till"), _("Utsedd av")],
        (
            [
                row.person.name,
                row.organization.name,
                row.max_amount,
                row.start,
                row.end,
                row.appointed_by.name if row.appointed_by else "",
            ]
            for row in selectors.certification_rights(body=body_)
        ),
    )


@require_GET
def certifications_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    outside = dict(selectors.certifications_outside_rights(body=body_))
    return csv_response(
        f"attester-{body_.slug}.csv",
        [
            _("Attesterat"),
            _("Verifikation"),
            _("Belopp"),
            _("Betalningsmottagare"),
            _("Attestant"),
            _("Ansvar"),
            _("Utan giltig rätt"),
        ],
        (
            [
                row.certified_on,
                row.reference,
                row.amount,
                row.payee_name,
                row.right.person.name,
                row.right.organization.name,
                outside.get(row, ""),
            ]
            for row in selectors.certifications(body=body_)
        ),
    )
