"""The organisation's pages: thin views over the organisation's selectors.

The organisation is public information: every signed-in user, of any body, reads it. A
person's page is for the staff of the person's body (kansli.organisation.policy).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kansli.htmx import HtmxHttpRequest
from kansli.organisation import selectors as organisation
from kansli.organisation.forms import OnDateForm
from kansli.organisation.models import Appointment, Body, Membership, Organization, Person
from kansli.organisation.policy import may_read_person


@require_GET
def organization_tree(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    tree = organisation.organization_tree(body=body_, on=timezone.localdate())
    return render(request, "organisation/organization_tree.html", {"body": body_, "tree": tree})


@require_GET
@vary_on_headers("HX-Request")
def organization_detail(request: HtmxHttpRequest, body: str, organization: str) -> HttpResponse:
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
    template = (
        "organisation/includes/organization_on_date.html"
        if partial
        else "organisation/organization.html"
    )
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
    return render(request, "organisation/person.html", context)
