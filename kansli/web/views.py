"""The Swedish web interface: thin views over the organisation and governance selectors.

The organisation and the governing documents are public information: every signed-in user, of
any body, reads them. A person's page is for the staff of the person's body
(kansli.organisation.policy). The overview lists the user's own body (every body to an
operator).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kansli.accounts.policy import standing
from kansli.governance import selectors as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import selectors as organisation
from kansli.organisation.models import Appointment, Body, Membership, Organization, Person
from kansli.organisation.policy import may_read_person, own_bodies
from kansli.web.forms import DocumentFilterForm, OnDateForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    bodies = [
        (body, governance.documents_past_review(body=body, on=today).count())
        for body in own_bodies(request.user)
    ]
    own = standing(request.user)
    context = {"bodies": bodies, "of_no_body": not own.operator and own.body_id is None}
    return render(request, "web/home.html", context)


@require_GET
def organization_tree(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    tree = organisation.organization_tree(body=body_, on=timezone.localdate())
    return render(request, "web/organization_tree.html", {"body": body_, "tree": tree})


@require_GET
@vary_on_headers("HX-Request")
def organization_detail(request: HttpRequest, body: str, organization: str) -> HttpResponse:
    organization_ = get_object_or_404(
        Organization.objects.select_related("body", "parent"), body__slug=body, slug=organization
    )
    today = timezone.localdate()
    form = OnDateForm(request.GET if "datum" in request.GET else None, initial={"datum": today})
    on = form.date()
    context = {
        "body": organization_.body,
        "organization": organization_,
        "form": form,
        "on": on,
        "today": today,
        "presidium": organisation.presidium(organization=organization_, on=on),
        "members": organisation.members_on(organization=organization_, on=on),
        "substitutes": organisation.substitutes_on(organization=organization_, on=on),
        "positions": organisation.positions_with_holders(
            positions=organization_.positions.all(), on=on
        ),
        "children": organization_.children.all(),
        "may_read_persons": may_read_person(request.user, organization_.body_id),
    }
    # A date switched with htmx swaps in the dated part only; a history restore needs it all.
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "web/includes/organization_on_date.html" if partial else "web/organization.html"
    return render(request, template, {**context, "partial": partial})


@require_GET
def person_detail(request: HttpRequest, body: str, person: int) -> HttpResponse:
    person_ = get_object_or_404(Person.objects.select_related("body"), body__slug=body, pk=person)
    if not may_read_person(request.user, person_.body_id):
        raise PermissionDenied(
            _("Personens sida visas bara för dem som arbetar i %(body)s.") % {"body": person_.body}
        )
    today = timezone.localdate()
    memberships = Membership.objects.filter(person=person_).select_related("organization")
    appointments = Appointment.objects.filter(person=person_).select_related(
        "position__organization"
    )
    context = {
        "body": person_.body,
        "person": person_,
        "current_memberships": memberships.on(today),
        "upcoming_memberships": memberships.filter(start__gt=today),
        "past_memberships": memberships.filter(end__lt=today).order_by("-end"),
        "current_appointments": appointments.on(today),
        "upcoming_appointments": appointments.filter(start__gt=today),
        "past_appointments": appointments.filter(end__lt=today).order_by("-end"),
    }
    return render(request, "web/person.html", context)


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
    return render(request, "web/document_list.html", context)


@require_GET
def document_detail(request: HttpRequest, body: str, document: str) -> HttpResponse:
    document_ = get_object_or_404(
        GoverningDocument.objects.select_related("body", "adopted_by", "owner"),
        body__slug=body,
        slug=document,
    )
    version = document_.current_version
    context = {
        "body": document_.body,
        "document": document_,
        "version": version,
        "sections": version.sections.all() if version else [],
        "revisions": document_.revisions.select_related("decided_by"),
        "today": timezone.localdate(),
    }
    return render(request, "web/document.html", context)


@require_GET
def section_detail(request: HttpRequest, body: str, document: str, key: str) -> HttpResponse:
    document_ = get_object_or_404(GoverningDocument, body__slug=body, slug=document)
    section = governance.section_by_key(document=document_, key=key)
    if section is None:
        raise Http404
    url = reverse("web:document_detail", args=[body, document])
    return redirect(f"{url}#{section.anchor}")
