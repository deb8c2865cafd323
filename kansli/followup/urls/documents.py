"""Governing documents current and known, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import documents as views

urlpatterns = [
    path("styrdokument/", views.document_list, name="document_list"),
    path(
        "styrdokument/<slug:document>/",
        views.document_acknowledgements,
        name="document_acknowledgements",
    ),
]
