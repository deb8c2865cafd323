"""A body's slug can never shadow one of the site's own top-level paths."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver

from kansli.organisation import services as organisation
from kansli.organisation.models import RESERVED_BODY_SLUGS, Body
from kansli.urls import urlpatterns


def test_every_fixed_top_level_path_is_reserved() -> None:
    prefixes = {
        str(pattern.pattern).split("/")[0]
        for pattern in urlpatterns
        if isinstance(pattern, URLPattern | URLResolver) and "<" not in str(pattern.pattern)
    }
    assert prefixes - {""} <= RESERVED_BODY_SLUGS


def test_a_body_named_like_the_admin_is_refused(db: None) -> None:
    with pytest.raises(ValidationError, match="reserverat"):
        organisation.body_create(
            actor=None, slug="admin", name="Adminstads kommun", kind=Body.Kind.MUNICIPALITY
        )
