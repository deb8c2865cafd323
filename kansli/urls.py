from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, register_converter
from django.views.i18n import set_language

from kansli import observability
from kansli.api import api
from kansli.bounds import TextConverter, YearConverter
from kansli.signon.urls import saml_urlpatterns
from kansli.signon.views import SignOut

admin.site.site_header = "Kansli"
admin.site.site_title = "Kansli"
# Before the apps' URLs, which use them.
register_converter(YearConverter, "year")
register_converter(TextConverter, "text")

urlpatterns = [
    # The operator's: liveness, readiness and metrics (kansli.observability).
    path("healthz", observability.healthz, name="healthz"),
    path("readyz", observability.readyz, name="readyz"),
    path("metrics", observability.metrics, name="metrics"),
    # Before the web pages: "admin/organisation/person/" would otherwise match
    # "<body>/organisation/<organization>/".
    path("admin/", admin.site.urls),
    path("", include("kansli.delegation.urls")),
    path("", include("kansli.decisions.urls")),
    # The language switch (a cookie; the URLs are the same in every language).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("oparl/v1/", include("kansli.oparl.urls")),
    # The directory's provisioning of users (kansli.provisioning).
    path("scim/v2/", include("kansli.provisioning.urls")),
    path("", include("kansli.portal.urls")),
    path("", include("kansli.web.urls")),
    path("", include("kansli.organisation.urls")),
    path("", include("kansli.governance.urls")),
    path("", include("kansli.registry.urls")),
    path("", include("kansli.preparation.urls")),
    path("", include("kansli.meetings.urls")),
    path("", include("kansli.followup.urls")),
    path("", include("kansli.archive.urls")),
    # Before the accounts' own sign-out: a session of the identity provider's ends there too.
    path("logga-ut/", SignOut.as_view(), name="logout"),
    path("oidc/", include("kansli.signon.urls")),
    path("saml2/", include(saml_urlpatterns)),
    path("", include("kansli.accounts.urls")),
    path("api/v1/", api.urls),
]

handler404 = "kansli.web.errors.page_not_found"
handler500 = "kansli.web.errors.server_error"
