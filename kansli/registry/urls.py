"""The registry's pages: the public registry list (postlista) with its exports and file
downloads, and the staff's cases, registration and search (diariet). The case page and its
preparation, under the same paths, are the preparation app's pages."""

from django.urls import path

from kansli.registry import disposal_views, request_urls, views

app_name = "registry"

urlpatterns = [
    path("<slug:body>/postlista/", views.registry_list, name="registry_list"),
    path("<slug:body>/postlista.csv", views.registry_list_csv, name="registry_list_csv"),
    path("<slug:body>/postlista.json", views.registry_list_json, name="registry_list_json"),
    path("<slug:body>/diarium/filer/<int:file>/", views.file_download, name="file_download"),
    path("<slug:body>/diarium/", views.case_list, name="case_list"),
    path("<slug:body>/diarium/registrera/", views.document_create, name="document_create"),
    path("<slug:body>/diarium/sok/", views.search_page, name="registry_search"),
    path("<slug:body>/diarium/gallring/", disposal_views.disposal_overview, name="disposal"),
    path(
        "<slug:body>/diarium/gallring/<int:disposal>/",
        disposal_views.disposal_record,
        name="disposal_record",
    ),
]

urlpatterns += request_urls.patterns
