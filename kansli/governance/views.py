"""The governing documents' pages: thin views over the governance selectors.

The governing documents are public information: every signed-in user, of any body, reads them;
the anonymous visitor reads a document the body publishes (`policy.may_read`), which the public
portal links to. The list stays the staff's.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kansli.governance import selectors as governance
from kansli.governance.forms import DocumentFilterForm
from kansli.governance.models import GoverningDocument
from kansli.governance.policy import may_read
from kansli.organisation.models import Body


@require_GET
def document_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    form = DocumentFilterForm(request.GET)
    past_review = form.is_valid() and form.cleaned_data["passerat"]
    today = timezone.localdate()
    documents = (
        governance.documents_past_review(body=body_, on=today)
        if past_review
        else governance.document_list(body=body_)
    )
    context = {"body": body_, "form": form, "documents": documents, "today": today}
    return render(request, "governance/document_list.html", context)


def _readable(request: HttpRequest, body: str, document: str) -> GoverningDocument:
    document_ = get_object_or_404(
        GoverningDocument.objects.select_related("body", "adopted_by", "owner"),
        body__slug=body,
        slug=document,
    )
    if not may_read(request.user, document_):
        raise Http404
    return document_


@login_not_required
@require_GET
def document_detail(request: HttpRequest, body: str, document: str) -> HttpResponse:
    document_ = _readable(request, body, document)
    version = document_.current_version
    context = {
        "body": document_.body,
        "document": document_,
        "version": version,
        "sections": version.sections.all() if version else [],
        "revisions": document_.revisions.select_related("decided_by"),
        "today": timezone.localdate(),
    }
    return render(request, "governance/document.html", context)


@login_not_required
@require_GET
def section_detail(request: HttpRequest, body: str, document: str, key: str) -> HttpResponse:
    document_ = _readable(request, body, document)
    section = governance.section_by_key(document=document_, key=key)
    if section is None:
        raise Http404
    url = reverse("governance:document_detail", args=[body, document])
    return redirect(f"{url}#{section.anchor}")
