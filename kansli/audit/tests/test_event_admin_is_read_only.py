import pytest
from django.contrib import admin
from django.test import Client

from kansli.audit.models import ChainHead, Event


def test_event_log_can_be_read_in_the_admin(admin_client: Client, events: list[Event]) -> None:
    listing = admin_client.get("/admin/audit/event/")
    detail = admin_client.get(f"/admin/audit/event/{events[3].pk}/change/")

    assert listing.status_code == 200
    assert "membership.create" in listing.text
    assert detail.status_code == 200
    assert "Åsa Öberg" in detail.text
    assert 'name="_save"' not in detail.text


@pytest.mark.parametrize("model", [Event, ChainHead])
def test_no_one_may_add_change_or_delete_log_rows_not_even_a_superuser(
    admin_client: Client, model: type[Event | ChainHead]
) -> None:
    model_admin = admin.site._registry[model]
    request = admin_client.get("/admin/").wsgi_request

    assert request.user.is_superuser
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_posting_a_change_or_delete_of_an_event_is_refused(
    admin_client: Client, events: list[Event]
) -> None:
    event = events[0]
    before = Event.objects.count()

    change = admin_client.post(
        f"/admin/audit/event/{event.pk}/change/", {"actor_name": "någon annan"}
    )
    delete = admin_client.post(f"/admin/audit/event/{event.pk}/delete/", {"post": "yes"})
    bulk_delete = admin_client.post(
        "/admin/audit/event/",
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )

    assert change.status_code == 403
    assert delete.status_code == 403
    assert bulk_delete.status_code == 200  # the list again: no delete action is offered
    event.refresh_from_db()
    assert event.actor_name == "system"
    assert Event.objects.count() == before
