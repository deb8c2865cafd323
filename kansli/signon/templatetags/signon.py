"""`{% signon_buttons %}`: the sign-in page's buttons for the organisation's identity provider,
shown only when single sign-on (OpenID Connect or SAML) is configured."""

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse

from kansli.signon import oidc, saml

register = template.Library()


@register.inclusion_tag("signon/buttons.html", takes_context=True)
def signon_buttons(context: template.Context) -> dict[str, Any]:
    # One provider in practice; OpenID Connect's when both are configured.
    start = (
        reverse("signon:oidc-authenticate")
        if oidc.enabled()
        else reverse("saml:login")
        if saml.enabled()
        else ""
    )
    return {
        "start": start,
        "provider_name": settings.KANSLI_OIDC_PROVIDER_NAME,
        "next": context.get("next", ""),
    }
