"""Which position heads an organization: at most one does, and the engine finds "berörd
förvaltningschef" and a head's sub-delegation through it."""

import pytest
from django.core.exceptions import ValidationError

from kansli.delegation.selectors import directory_of
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization


def test_a_second_head_of_an_organization_is_refused(demo):
    department = Organization.objects.get(body__slug="vanersborg", slug="socialforvaltningen")

    with pytest.raises(ValidationError, match="Organisationen har redan en chefsbefattning"):
        organisation.position_create(
            actor=None,
            body=department.body,
            organization=department,
            slug="socialchef",
            title="Socialchef",
            heads_organization=True,
        )


def test_the_directory_names_the_head_of_each_department_staff_unit_and_company(demo):
    heads = {org.slug: org.head for org in directory_of(body=demo["vanersborg"]).organizations}

    assert heads["kommunstyrelseforvaltningen"] == "kommundirektor"
    assert heads["socialforvaltningen"] == "forvaltningschef-socialforvaltningen"
    assert heads["ekonomistaben"] == "stabschef-ekonomistaben"
    assert heads["vanersborgs-bostads-ab"] == "vd-vanersborgs-bostads-ab"
    assert heads["ks"] is None
