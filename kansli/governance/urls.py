"""The governing documents' pages: the list, a document, a section by its number."""

from django.urls import path

from kansli.governance import views

app_name = "governance"

urlpatterns = [
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
