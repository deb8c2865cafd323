"""The followup app's pages, one module per area."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kansli.followup import policy
from kansli.organisation.models import Body


def readable_body(request: HttpRequest, slug: str) -> Body:
    """The body whose follow-up the page shows; refused (403) to whoever may not read it."""
    body = get_object_or_404(Body, slug=slug)
    policy.require_read(request.user, body)
    return body
