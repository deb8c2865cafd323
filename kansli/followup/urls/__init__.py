"""The follow-up pages under /<body>/uppfoljning/: the director's duty dashboard and each area's
lists.

Each area's module (kansli/followup/urls/<area>.py) holds `urlpatterns` with paths relative to
/<body>/uppfoljning/ (e.g. "uppdrag/"); its views take the body's slug as `body`, and its names
are reversed as "followup:<name>".
"""

from django.urls import include, path

from kansli.followup.urls import (
    appointments,
    certification,
    crisis,
    documents,
    economy,
    supervision,
    talks,
)
from kansli.followup.views import attestations, dashboard

app_name = "followup"

urlpatterns = [
    path(
        "<slug:body>/uppfoljning/",
        include(
            [
                path("", dashboard.duty_dashboard, name="duty_dashboard"),
                path("plikter.csv", dashboard.duty_dashboard_csv, name="duty_dashboard_csv"),
                path(
                    "redovisning/<int:year>.pdf",
                    dashboard.duty_report_pdf,
                    name="duty_report_pdf",
                ),
                path(
                    "redovisning/registrera/",
                    attestations.duty_report_register,
                    name="duty_report_register",
                ),
                path(
                    "attestering/<str:duty>/",
                    attestations.duty_attestations,
                    name="duty_attestations",
                ),
                path("beslutsunderlag/", dashboard.agenda_basis_list, name="agenda_basis"),
                path("beslutsunderlag.csv", dashboard.agenda_basis_csv, name="agenda_basis_csv"),
                *economy.urlpatterns,
                *certification.urlpatterns,
                *supervision.urlpatterns,
                *crisis.urlpatterns,
                *talks.urlpatterns,
                *documents.urlpatterns,
                *appointments.urlpatterns,
            ]
        ),
    ),
]
