"""The registry's search is for the body's staff: another body's users and the public are
refused, on the page and in the API. Search has no services of its own: the registry's
services index what they register."""

from kansli.tests.refusals import OUTSIDERS, RouteCase

ROUTES: list[RouteCase] = [
    RouteCase("registry:registry_search", lambda demo: {"body": "vanersborg"}, refused=OUTSIDERS),
    # A GET's data is its query: the words to search for.
    RouteCase(
        "GET /api/v1/bodies/{slug}/registry/search",
        lambda demo: {"slug": "vanersborg"},
        data=lambda demo: {"q": "lekplats"},
        refused=OUTSIDERS,
    ),
]
