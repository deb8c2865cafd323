"""The registry's pages for staff (diariet): cases, registration, search and preparation."""

from django.urls import path

from kansli.web import registry_views as views

urlpatterns = [
    path("<slug:body>/diarium/", views.case_list, name="case_list"),
    path("<slug:body>/diarium/registrera/", views.document_create, name="document_create"),
    path("<slug:body>/diarium/sok/", views.search_page, name="registry_search"),
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
    path(
        "<slug:body>/diarium/arenden/<int:case>/yttranden/",
        views.statement_create,
        name="statement_create",
    ),
]
