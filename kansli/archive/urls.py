"""The archivist's page: the export of closed cases to the e-archive."""

from django.urls import path

from kansli.archive import views

app_name = "archive"

urlpatterns = [
    path("<slug:body>/arkiv/", views.export_page, name="export"),
    path("<slug:body>/arkiv/paket.zip", views.export_download, name="export_download"),
]
