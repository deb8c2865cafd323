"""The body whose follow-up an API operation reads or writes, refused (403) to whoever may not
read it (kansli.followup.policy.may_read)."""

from django.http import HttpRequest

from kansli.followup import policy
from kansli.organisation.api import body_found
from kansli.organisation.models import Body


def readable_body(request: HttpRequest, slug: str) -> Body:
    body = body_found(slug)
    policy.require_read(request.user, body)
    return body
