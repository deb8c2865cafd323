"""The registry's pages: the public registry list (postlista) with its exports and file
downloads, and the staff's cases, registration and search (diariet), with a case's registry page
and its actions. The case page of its preparation, under the same paths, is the preparation
app's."""

from django.urls import path

from kansli.registry import disposal_views, feeds, request_urls, views

app_name = "registry"

urlpatterns = [
    path("<slug:body>/postlista/", views.registry_list, name="registry_list"),
    path("<slug:body>/postlista.csv", views.registry_list_csv, name="registry_list_csv"),
    path("<slug:body>/postlista.json", views.registry_list_json, name="registry_list_json"),
    path("<slug:body>/postlista.rss", feeds.public(feeds.RegistryListFeed()), name="registry_rss"),
    path(
        "<slug:body>/postlista.atom",
        feeds.public(feeds.RegistryListAtomFeed()),
        name="registry_atom",
    ),
    path("<slug:body>/diarium/filer/<int:file>/", views.file_download, name="file_download"),
    path("<slug:body>/diarium/", views.case_list, name="case_list"),
    path("<slug:body>/diarium/registrera/", views.document_create, name="document_create"),
    path("<slug:body>/diarium/sok/", views.search_page, name="registry_search"),
    path("<slug:body>/diarium/arenden/nytt/", views.case_open, name="case_open"),
    path("<slug:body>/diarium/arenden/<int:case>/hantera/", views.case_manage, name="case_manage"),
    path(
        "<slug:body>/diarium/arenden/<int:case>/hantera/andra/", views.case_edit, name="case_edit"
    ),
    path(
        "<slug:body>/diarium/arenden/<int:case>/hantera/handlaggare/",
        views.case_reassign,
        name="case_reassign",
    ),
    path(
        "<slug:body>/diarium/arenden/<int:case>/hantera/avsluta/",
        views.case_close,
        name="case_close",
    ),
    path(
        "<slug:body>/diarium/arenden/<int:case>/hantera/ateruppta/",
        views.case_reopen,
        name="case_reopen",
    ),
    path(
        "<slug:body>/diarium/arenden/<int:case>/hantera/sekretess/",
        views.case_secrecy,
        name="case_secrecy",
    ),
    path(
        "<slug:body>/diarium/handlingar/<int:document_id>/sekretess/",
        views.document_secrecy,
        name="document_secrecy",
    ),
    path("<slug:body>/diarium/gallring/", disposal_views.disposal_overview, name="disposal"),
    path(
        "<slug:body>/diarium/gallring/<int:disposal>/",
        disposal_views.disposal_record,
        name="disposal_record",
    ),
]

urlpatterns += request_urls.patterns
