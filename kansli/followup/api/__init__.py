"""The follow-up API: one router that gathers each area's router.

Each area's module (kansli/followup/api/<area>.py) holds a ninja `Router` named `router`, its
paths under /bodies/{slug}/followup/ (e.g. "/bodies/{slug}/followup/assignments").
"""

from importlib import import_module
from importlib.util import find_spec

from ninja import Router

from kansli.followup.api import dashboard
from kansli.followup.urls import AREAS

router = Router()
router.add_router("", dashboard.router)

# While the areas are being built side by side, an area's endpoints are served as soon as its
# module exists.
for _area in AREAS:
    if find_spec(f"{__name__}.{_area}"):
        router.add_router("", import_module(f"{__name__}.{_area}").router)
