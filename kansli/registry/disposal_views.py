"""The pages of disposal (gallring): for the registrar, what each retention rule has due and
the decision that disposes of it, and the past runs; for everyone, the record of what a run
removed, with titles under secrecy masked (`disposal.item_views`)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kansli.organisation.models import Body
from kansli.registry import policy
from kansli.registry.disposal import all_due, disposal_decide, item_views
from kansli.registry.models import Disposal


def _archivist_body(request: HttpRequest, body: str) -> Body:
    body_ = get_object_or_404(Body, slug=body)
    if not policy.may_dispose(request.user, body_):
        raise PermissionDenied(
            _("Bara registratorer hos %(body)s beslutar om gallring.") % {"body": body_.name}
        )
    return body_


@require_http_methods(["GET", "POST"])
def disposal_overview(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _archivist_body(request, body)
    status = 200
    if request.method == "POST":
        rules = forms.ModelChoiceField(queryset=body_.retention_rules.all())
        try:
            rule = rules.clean(request.POST.get("regel"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 422
        else:
            try:
                decided = disposal_decide(actor=request.user, rule=rule)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                status = 409
            else:
                messages.success(
                    request,
                    _("Gallringen är beslutad: beslut %(number)s.")
                    % {"number": decided.disposal.decision.number},
                )
                # The files go in the background: the decider follows their removal.
                if decided.removal is not None:
                    return redirect("web:task_progress", decided.removal.pk)
                return redirect("registry:disposal_record", body_.slug, decided.disposal.pk)
    context = {
        "body": body_,
        "due": all_due(body=body_, on=timezone.localdate()),
        "disposals": Disposal.objects.filter(body=body_).select_related(
            "retention_rule", "decision"
        ),
    }
    return render(request, "registry/disposal.html", context, status=status)


@login_not_required
@require_GET
def disposal_record(request: HttpRequest, body: str, disposal: int) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    found = get_object_or_404(
        Disposal.objects.select_related("retention_rule", "decision"), body=body_, pk=disposal
    )
    context = {
        "body": body_,
        "disposal": found,
        "items": item_views(user=request.user, disposal=found),
    }
    return render(request, "registry/disposal_record.html", context)
