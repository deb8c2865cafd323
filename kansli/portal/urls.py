"""The public side's own pages: the portal of each body for the anonymous visitor. The start
page of every body is the shell's `/` (`kansli.web.views.home`), which serves the portal's
start page to the public."""

from django.urls import path, register_converter

from kansli.organisation.models import RESERVED_BODY_SLUGS
from kansli.portal import orders, views


class BodySlugConverter:
    """`<portalbody:body>`: a slug that is not one of the site's own top-level paths. A
    body's portal is `/<body>/`, one segment like `/logga-in/`; the portal's URLs come before
    the shell's and the accounts', so a reserved slug must match nothing here and fall
    through to its own page."""

    regex = "[-a-zA-Z0-9_]+"

    def to_python(self, value: str) -> str:
        if value in RESERVED_BODY_SLUGS:
            raise ValueError(value)
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(BodySlugConverter, "portalbody")

app_name = "portal"

urlpatterns = [
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("<portalbody:body>/", views.body_portal, name="body"),
    path("<portalbody:body>/sok/", views.search, name="search"),
    path("<portalbody:body>/protokoll/", views.minutes, name="minutes"),
    path("<portalbody:body>/gallande-styrdokument/", views.documents, name="documents"),
    path("<portalbody:body>/fortroendevalda/", views.organisation, name="organisation"),
    path(
        "<portalbody:body>/delegationsordningar/",
        orders.delegation_orders,
        name="delegation_orders",
    ),
    path(
        "<portalbody:body>/delegationsordningar/<int:order>/",
        orders.delegation_order,
        name="delegation_order",
    ),
]
