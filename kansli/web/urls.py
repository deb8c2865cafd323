from django.urls import include, path

from kansli.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("kansli.web.delegation_urls")),
    path("", include("kansli.web.decision_urls")),
    path("", include("kansli.web.registry_urls")),
    path("<slug:body>/styrdokument/", views.document_list, name="document_list"),
    path(
        "<slug:body>/styrdokument/<slug:document>/", views.document_detail, name="document_detail"
    ),
    path(
        "<slug:body>/styrdokument/<slug:document>/avsnitt/<text:key>/",
        views.section_detail,
        name="section_detail",
    ),
]
