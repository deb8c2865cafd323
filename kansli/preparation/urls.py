"""The preparation's pages, under the registry's paths (diariet): a case officer's cases, the
case page with its preparation, the report editor, the case's status and statements, and the
body's routes."""

from django.urls import path

from kansli.preparation import views

app_name = "preparation"

urlpatterns = [
    path("<slug:body>/diarium/mina-arenden/", views.my_cases, name="my_cases"),
    path("<slug:body>/diarium/arenden/<int:case>/", views.case_detail, name="case_detail"),
    path(
        "<slug:body>/diarium/arenden/<int:case>/tjansteskrivelse/",
        views.report_edit,
        name="report_edit",
    ),
    path(
        "<slug:body>/diarium/arenden/<int:case>/status/", views.status_update, name="status_update"
    ),
    path("<slug:body>/diarium/arendegangar/", views.route_list, name="route_list"),
    path("<slug:body>/diarium/arendegangar/<int:route>/", views.route_edit, name="route_edit"),
    path(
        "<slug:body>/diarium/arenden/<int:case>/yttranden/",
        views.statement_create,
        name="statement_create",
    ),
]
