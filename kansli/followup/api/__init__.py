"""The follow-up API: one router that gathers each area's router, its paths under
/bodies/{slug}/followup/ (e.g. "/bodies/{slug}/followup/assignments")."""

from ninja import Router

from kansli.followup.api import (
    appointments,
    certification,
    crisis,
    dashboard,
    documents,
    economy,
    execution,
    supervision,
    talks,
)

router = Router()
for area in (
    dashboard,
    execution,
    economy,
    certification,
    supervision,
    crisis,
    talks,
    documents,
    appointments,
):
    router.add_router("", area.router)
