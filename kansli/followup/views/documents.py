"""Governing documents kept current and known: the list with review dates and how many
managers have not acknowledged each, and a page per document of who has and has not."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kansli.accounts.policy import is_person
from kansli.exports import csv_response
from kansli.followup import policy
from kansli.followup.selectors import documents as selectors
from kansli.followup.services import documents as services
from kansli.followup.views import readable_body
from kansli.governance.models import GoverningDocument
from kansli.web.forms import form_written


class AcknowledgeForm(forms.Form):
    """A manager's acknowledgement of the current version: nothing to fill in."""


@require_GET
def document_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    rows = selectors.document_rows(body=body_, on=today)
    if request.GET.get("oversyn"):
        rows = [row for row in rows if row.past_review]
    if request.GET.get("ej-kvitterade"):
        rows = [row for row in rows if row.missing]
    if request.GET.get("format") == "csv":
        return csv_response(
            "styrdokument.csv",
            [
                _("Styrdokument"),
                _("Version"),
                _("Ska ses över senast"),
                _("Chefer som inte kvitterat"),
            ],
            (
                (
                    row.document.name,
                    row.version.number if row.version else "",
                    row.document.review_by,
                    row.missing,
                )
                for row in rows
            ),
        )
    context = {"body": body_, "rows": rows, "today": today, "query": request.GET.urlencode()}
    return render(request, "followup/documents/list.html", context)


@require_http_methods(["GET", "POST"])
def document_acknowledgements(request: HttpRequest, body: str, document: str) -> HttpResponse:
    body_ = readable_body(request, body)
    document_ = get_object_or_404(GoverningDocument, body=body_, slug=document)
    today = timezone.localdate()
    form = AcknowledgeForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        written = form_written(
            form,
            lambda data: services.document_acknowledge(actor=request.user, document=document_),
            done=redirect("followup:document_acknowledgements", body_.slug, document_.slug),
        )
        if written.response:
            return written.response
        status = written.status
    version, rows = selectors.acknowledgement_rows(document=document_, on=today)
    if request.GET.get("format") == "csv":
        return csv_response(
            f"kvittenser-{document_.slug}.csv",
            [_("Chef"), _("Befattning"), _("Kvitterat")],
            (
                (
                    row.manager.person,
                    ", ".join(row.manager.positions),
                    row.acknowledgement.acknowledged_at if row.acknowledgement else "",
                )
                for row in rows
            ),
        )
    acknowledged = any(
        row.acknowledgement and is_person(request.user, row.manager.person.pk) for row in rows
    )
    context = {
        "body": body_,
        "document": document_,
        "version": version,
        "rows": rows,
        "form": form,
        "may_acknowledge": policy.may_acknowledge(request.user, document_, today)
        and not acknowledged,
    }
    return render(request, "followup/documents/acknowledgements.html", context, status=status)
