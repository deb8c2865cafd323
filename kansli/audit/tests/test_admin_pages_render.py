"""Every model in the admin lists, searches and opens its add page (where adding is allowed)."""

import pytest
from django.contrib import admin
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from kansli.audit.models import Event

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.mark.parametrize("model", REGISTERED, ids=[m._meta.label for m in REGISTERED])
def test_admin_list_and_add_pages_render(
    admin_client: Client, events: list[Event], model: type[Model]
) -> None:
    opts = model._meta
    listing = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    searched = admin_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": "Öberg"}
    )
    add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))

    assert listing.status_code == 200
    assert searched.status_code == 200
    may_add = admin.site._registry[model].has_add_permission(listing.wsgi_request)
    assert add.status_code == (200 if may_add else 403)


def test_admin_change_pages_of_recorded_objects_render(
    admin_client: Client, events: list[Event]
) -> None:
    pages = {
        reverse(f"admin:{e.object_type.replace('.', '_')}_change", args=[e.object_id])
        for e in events
    }

    statuses = {page: admin_client.get(page).status_code for page in pages}

    assert len(pages) == 4
    assert set(statuses.values()) == {200}
