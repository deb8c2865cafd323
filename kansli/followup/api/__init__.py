"""The follow-up API: one router that gathers each area's router, its paths under
/bodies/{slug}/followup/ (e.g. "/bodies/{slug}/followup/economy"). Execution and assignments,
under the same prefix, are the decisions app's (kansli/decisions/api.py)."""

from ninja import Router

from kansli.followup.api import (
    appointments,
    certification,
    crisis,
    dashboard,
    documents,
    economy,
    supervision,
    talks,
)

router = Router()
for area in (
    dashboard,
    economy,
    certification,
    supervision,
    crisis,
    talks,
    documents,
    appointments,
):
    router.add_router("", area.router)
