"""The site's start page (`/`): the public portal's start page to the anonymous visitor, and to
a signed-in user "Mitt arbete", what is the user's own to do in their body. An account of no
person (an operator) gets the bodies it keeps instead."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kansli.accounts.policy import standing
from kansli.governance import selectors as governance
from kansli.organisation.policy import own_bodies
from kansli.portal import views as portal
from kansli.portal.work import my_work


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return portal.start(request)
    today = timezone.localdate()
    own = standing(request.user)
    person = request.user.person
    bodies = [
        (body, governance.documents_past_review(body=body, on=today).count())
        for body in own_bodies(request.user)
    ]
    context = {
        "work": my_work(user=request.user, person=person) if person is not None else None,
        "bodies": bodies if person is None or own.operator else [],
        "of_no_body": not own.operator and own.body_id is None,
        "today": today,
    }
    return render(request, "web/home.html", context)
