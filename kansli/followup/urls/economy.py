"""The economy pages, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import economy as views

urlpatterns = [
    path("ekonomi/", views.economy, name="economy"),
    path("ekonomi/import/", views.economy_import, name="economy_import"),
    path("ekonomi/grans/", views.economy_threshold, name="economy_threshold"),
    path("ekonomi/budget-och-utfall.csv", views.economy_csv, name="economy_csv"),
    path("ekonomi/initiativ.csv", views.budget_initiatives_csv, name="budget_initiatives_csv"),
    path(
        "ekonomi/behandlat/",
        views.budget_initiative_dealt_with,
        name="budget_initiative_dealt_with",
    ),
]
