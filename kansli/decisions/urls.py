"""The decision register's pages."""

from django.urls import path

from kansli.decisions.views import register as views

app_name = "decisions"

urlpatterns = [
    path("<slug:body>/beslut/", views.decision_list, name="decision_list"),
    path("<slug:body>/beslut/nytt/", views.decision_create, name="decision_create"),
    path("<slug:body>/beslut/att-anmala/", views.decisions_unreported, name="decisions_unreported"),
    path("<slug:body>/beslut/<int:decision>/", views.decision_detail, name="decision_detail"),
    path(
        "<slug:body>/beslut/<int:decision>/underlag/",
        views.evidence_create,
        name="evidence_create",
    ),
]
