"""A body's portal is `/<body>/`, one segment like the site's own `/logga-in/`; the portal's
URLs come first, so a reserved slug must fall through to its own page."""

import pytest
from django.urls import Resolver404, resolve

from kansli.organisation.models import RESERVED_BODY_SLUGS


@pytest.mark.parametrize("slug", sorted(RESERVED_BODY_SLUGS))
def test_no_reserved_path_is_taken_for_a_body_portal(slug: str) -> None:
    try:
        match = resolve(f"/{slug}/")
    except Resolver404:
        return
    assert match.url_name != "body"


def test_a_body_slug_reaches_its_portal() -> None:
    assert resolve("/vanersborg/").view_name == "portal:body"
    assert resolve("/logga-in/").view_name == "login"
