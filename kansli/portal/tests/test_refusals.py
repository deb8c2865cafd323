"""The public portal's pages are public: every body's portal and its parts are for anyone, and
what they show is what the anonymous public sees (`kansli.portal.selectors`), whoever asks.
Nothing here writes. That no secret reaches them is `test_public_portal.py`'s to hold."""

from kansli.tests.refusals import RouteCase, ServiceCase

SERVICES: list[ServiceCase] = []
ROUTES: list[RouteCase] = []

_AS_THE_PUBLIC = "read as the anonymous public through the registry's visibility"
PUBLIC: dict[str, str] = {
    "portal:accessibility": "the accessibility statement the DOS law asks of every public site",
    "portal:body": (
        "a body's public portal: notice board, called meetings, approved "
        "minutes and the postlista's latest entries, " + _AS_THE_PUBLIC
    ),
    "portal:search": "a search of the public registry list's open text, " + _AS_THE_PUBLIC,
    "portal:minutes": "the approved minutes of a year, each public once approved",
    "portal:documents": "the governing documents in force that are meant for the public",
    "portal:organisation": "the elected organs, their members by name, role and party",
    "portal:delegation_orders": "the delegation orders in force: public governing documents",
    "portal:delegation_order": "a delegation order's rules and duties by section, as adopted",
}
