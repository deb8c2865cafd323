"""The admin shows an order with its rules read-only; its last day can be set, audited."""

import datetime

from django.urls import reverse

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.delegation.models import DelegationOrder


def test_the_order_page_lists_its_rules_and_records_a_new_last_day(demo, client):
    # Not pytest-django's admin_client: its user "admin" is the demo's administrator.
    client.force_login(User.objects.create_superuser("superanvandare", password=None))
    admin_client = client
    order = DelegationOrder.objects.get(body__slug="vanersborg")
    url = reverse("admin:delegation_delegationorder_change", args=[order.pk])

    page = admin_client.get(url)
    saved = admin_client.post(
        url,
        {
            "governing_document": order.governing_document_id,
            "valid_to": "2030-12-31",
            **{
                f"{prefix}-{field}": value
                for prefix in ("decision_types", "rules", "duties")
                for field, value in (
                    ("TOTAL_FORMS", "0"),
                    ("INITIAL_FORMS", "0"),
                    ("MIN_NUM_FORMS", "0"),
                    ("MAX_NUM_FORMS", "1000"),
                )
            },
        },
    )

    assert page.status_code == 200
    assert "Organisationsförändringar inom andra förvaltningar" in page.content.decode()
    assert saved.status_code == 302
    order.refresh_from_db()
    assert order.valid_to == datetime.date(2030, 12, 31)
    event = Event.objects.filter(action="delegationorder.update").latest("seq")
    assert event.after["valid_to"] == "2030-12-31"
