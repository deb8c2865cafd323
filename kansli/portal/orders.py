"""The delegation orders in force, on the public portal: a delegation order is a public
governing document, read by anyone as a document with its sections."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kansli.delegation import selectors as delegation
from kansli.organisation.models import Body


@login_not_required
@require_GET
def delegation_orders(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    today = timezone.localdate()
    context = {
        "body": body_,
        "today": today,
        "orders": delegation.orders_published(body=body_, on=today),
    }
    return render(request, "portal/delegation_orders.html", context)


@login_not_required
@require_GET
def delegation_order(request: HttpRequest, body: str, order: int) -> HttpResponse:
    """An order of the body (in force, or an earlier or later version), by section."""
    body_ = get_object_or_404(Body, slug=body)
    order_ = get_object_or_404(delegation.orders_of(body=body_), pk=order)
    rules_and_duties = delegation.engine_order(order_)
    context = {
        "body": body_,
        "order": order_,
        "sections": delegation.order_sections(order=order_),
        "duties": rules_and_duties.duties,
        "today": timezone.localdate(),
    }
    return render(request, "portal/delegation_order.html", context)
