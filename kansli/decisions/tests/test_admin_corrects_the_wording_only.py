"""In the admin a decision's wording can be corrected, audited; what the engine decided
(status, verdict, source, reporting) cannot be changed, and no decision is added or deleted
there."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.decisions.models import Decision
from kansli.organisation.models import Body


@pytest.fixture
def superuser_client(client: Client, vanersborg: Body) -> Client:
    """A superuser, made after the demo data is in place (the demo's "admin" holds only the
    administrator role's permissions)."""
    client.force_login(User.objects.create_superuser("superuser", password=None))
    return client


def test_the_title_is_corrected_and_the_status_stays(
    reorganise: Callable[..., Decision], superuser_client: Client
) -> None:
    decision = reorganise()
    page = reverse("admin:decisions_decision_change", args=[decision.pk])

    form = superuser_client.get(page)
    response = superuser_client.post(
        page,
        {
            "title": "Ny enhetsindelning inom förskolan",
            "text": decision.text,
            "case_reference": decision.case_reference,
            "status": Decision.Status.RECORDED,
            "evidence-TOTAL_FORMS": "0",
            "evidence-INITIAL_FORMS": "0",
        },
    )

    assert form.status_code == 200
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.title == "Ny enhetsindelning inom förskolan"
    assert decision.status == Decision.Status.DRAFT
    event = Event.objects.filter(action="decision.update").get()
    assert event.after["title"] == "Ny enhetsindelning inom förskolan"


def test_decisions_are_neither_added_nor_deleted_in_the_admin(
    reorganise: Callable[..., Decision], superuser_client: Client
) -> None:
    decision = reorganise()

    added = superuser_client.get(reverse("admin:decisions_decision_add"))
    deleted = superuser_client.get(reverse("admin:decisions_decision_delete", args=[decision.pk]))

    assert added.status_code == 403
    assert deleted.status_code == 403
