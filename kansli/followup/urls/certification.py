"""The certification pages, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import certification as views

urlpatterns = [
    path("attest/", views.certification, name="certification"),
    path("attest/utse/", views.certification_right_appoint, name="certification_right_appoint"),
    path("attest/upphor/", views.certification_right_end, name="certification_right_end"),
    path(
        "attest/attestratter.csv", views.certification_rights_csv, name="certification_rights_csv"
    ),
    path("attest/attester.csv", views.certifications_csv, name="certifications_csv"),
]
