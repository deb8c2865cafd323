"""`{% signon_buttons %}`: the sign-in page's buttons for the organisation's identity provider,
shown only when single sign-on is configured."""

from typing import Any

from django import template
from django.conf import settings

from kansli.signon import oidc

register = template.Library()


@register.inclusion_tag("signon/buttons.html", takes_context=True)
def signon_buttons(context: template.Context) -> dict[str, Any]:
    return {
        "oidc": oidc.enabled(),
        "provider_name": settings.KANSLI_OIDC_PROVIDER_NAME,
        "next": context.get("next", ""),
    }
