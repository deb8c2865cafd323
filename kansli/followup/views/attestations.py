"""A duty done outside Kansli: its rhythm and standing, its attestations with their documents
(as the reader may see them), whom the director has named to attest it, and the forms to
attest it and to name someone; and the form that registers the yearly report in a case."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from kansli.followup import policy
from kansli.followup.duties import DutyLine, duty_lines
from kansli.followup.report import FIRST_REPORT_YEAR
from kansli.followup.rhythm import Rule
from kansli.followup.selectors.attestations import attestations_of, delegates_of, organ_of
from kansli.followup.services import attestations as services
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Person
from kansli.registry.models import Case, Document
from kansli.registry.selectors import document_views
from kansli.web.forms import date_field, form_written, offer


class AttestForm(forms.Form):
    attested_on = date_field(_lazy("Fullgjord per"))
    note = forms.CharField(label=_lazy("Anteckning"), widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.CharField(
        label=_lazy("Handling (dokumentnummer)"),
        help_text=_lazy("Den registrerade handlingen som visar det, t.ex. 2026/00051-1."),
    )
    meeting = forms.ModelChoiceField(
        label=_lazy("Sammanträde"), queryset=Meeting.objects.none(), required=False
    )


class NameForm(forms.Form):
    person = forms.ModelChoiceField(label=_lazy("Person"), queryset=Person.objects.none())


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_lazy("År"), min_value=FIRST_REPORT_YEAR)
    case = forms.CharField(label=_lazy("Ärende (diarienummer)"))


def _line(request: HttpRequest, body: Body, duty_key: str) -> tuple[DutyLine, Rule]:
    """The dashboard's line of the attested duty, with its rule; 404 for any other."""
    policy.require_read_duties(request.user, body)
    for line in duty_lines(body=body, on=timezone.localdate()):
        if line.key == duty_key and line.rule is not None:
            return line, line.rule
    raise Http404


def _document(body: Body, number: str) -> Document:
    document = Document.objects.filter(case__organization__body=body, number=number.strip())
    found = document.select_related("case__organization").first()
    if found is None:
        raise forms.ValidationError(_("Det finns ingen handling med det numret."))
    return found


@require_http_methods(["GET", "POST"])
def duty_attestations(request: HttpRequest, body: str, duty: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    line, rule = _line(request, body_, duty)
    action = request.POST.get("action")
    attest = AttestForm(request.POST if action == "attest" else None)
    offer(attest, "meeting", Meeting.objects.filter(organization=organ_of(body=body_, rule=rule)))
    name = NameForm(request.POST if action == "name" else None)
    offer(name, "person", Person.objects.filter(body=body_).order_by("family_name", "given_name"))
    done = redirect("followup:duty_attestations", body_.slug, duty)
    writes = {
        "attest": lambda: form_written(
            attest,
            lambda data: services.attestation_record(
                actor=request.user,
                body=body_,
                duty_key=duty,
                attested_on=data["attested_on"],
                note=data["note"],
                document=_document(body_, data["document"]),
                meeting=data["meeting"],
            ),
            done=done,
        ),
        "name": lambda: form_written(
            name,
            lambda data: services.attester_name(
                actor=request.user, body=body_, duty_key=duty, person=data["person"]
            ),
            done=done,
        ),
    }
    status = 200
    if action in writes:
        written = writes[action]()
        if written.response:
            return written.response
        status = written.status
    attestations = list(attestations_of(body=body_, duty_key=duty))
    views = document_views(user=request.user, documents=[a.document for a in attestations])
    context = {
        "body": body_,
        "line": line,
        "attestations": list(zip(attestations, views, strict=True)),
        "delegates": delegates_of(body=body_, duty_key=duty),
        "attest": attest,
        "name": name,
        "may_attest": policy.may_attest(request.user, body_, duty),
        "may_name": policy.may_name_attesters(request.user, body_),
    }
    return render(request, "followup/dashboard/attestations.html", context, status=status)


@require_POST
def duty_report_register(request: HttpRequest, body: str) -> HttpResponse:
    """Register the yearly report as a document of a case, which can then go on the agenda."""
    body_ = get_object_or_404(Body, slug=body)
    policy.require_keep(request.user, body_)
    form = ReportForm(request.POST)
    written = form_written(
        form,
        lambda data: services.yearly_report_register(
            actor=request.user,
            case=get_object_or_404(Case, organization__body=body_, number=data["case"].strip()),
            year=data["year"],
        ),
        done=lambda document: redirect(
            reverse("followup:duty_dashboard", args=[body_.slug])
            + f"?registrerad={document.number}"
        ),
    )
    if written.response:
        return written.response
    context = {"body": body_, "form": form}
    return render(
        request, "followup/dashboard/report_register.html", context, status=written.status
    )
