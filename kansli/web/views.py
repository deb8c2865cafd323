"""The Swedish web interface's overview: the user's own body (every body to an operator)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kansli.accounts.policy import standing
from kansli.governance import selectors as governance
from kansli.organisation.policy import own_bodies


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
