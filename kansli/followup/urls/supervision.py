"""The supervision pages, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import supervision as views

urlpatterns = [
    path("uppsikt/", views.supervision, name="supervision"),
    path("uppsikt/mall/", views.report_template_create, name="report_template_create"),
    path("uppsikt/rapporter/", views.supervision_reports_create, name="supervision_reports_create"),
    path("uppsikt/lamnad/", views.supervision_report_file, name="supervision_report_file"),
    path(
        "uppsikt/initiativ/", views.supervision_initiative_take, name="supervision_initiative_take"
    ),
    path("uppsikt/rapporter.csv", views.supervision_reports_csv, name="supervision_reports_csv"),
    path(
        "uppsikt/initiativ.csv",
        views.supervision_initiatives_csv,
        name="supervision_initiatives_csv",
    ),
]
