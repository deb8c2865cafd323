"""The follow-up pages under /<body>/uppfoljning/: the director's duty dashboard and each area's
lists.

Each area's module (kansli/followup/urls/<area>.py) holds `urlpatterns` with paths relative to
/<body>/uppfoljning/ (e.g. "uppdrag/"); its views take the body's slug as `body`, and its names
are reversed as "followup:<name>".
"""

from importlib import import_module
from importlib.util import find_spec

from django.urls import include, path

from kansli.followup.views import dashboard

app_name = "followup"

AREAS = (
    "execution",
    "economy",
    "certification",
    "supervision",
    "crisis",
    "talks",
    "documents",
    "appointments",
)

# While the areas are being built side by side, an area's pages are served as soon as its
# module exists.
_area_patterns = [
    pattern
    for area in AREAS
    if find_spec(f"{__name__}.{area}")
    for pattern in import_module(f"{__name__}.{area}").urlpatterns
]

urlpatterns = [
    path(
        "<slug:body>/uppfoljning/",
        include(
            [
                path("", dashboard.duty_dashboard, name="duty_dashboard"),
                path("plikter.csv", dashboard.duty_dashboard_csv, name="duty_dashboard_csv"),
                path("beslutsunderlag/", dashboard.agenda_basis_list, name="agenda_basis"),
                *_area_patterns,
            ]
        ),
    ),
]
