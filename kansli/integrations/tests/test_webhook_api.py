"""The body's administrator subscribes through the API and gets the secret once; the secret
is neither listed again nor kept in the event log; everyone else is refused."""

import pytest
from django.test import Client

from kansli.accounts.models import Role
from kansli.accounts.services import token_create, user_create
from kansli.audit.models import Event
from kansli.integrations.models import WebhookSubscription
from kansli.organisation import services as organisation
from kansli.organisation.models import Body

API = "/api/v1/bodies/vanersborg/webhooks"
NEW = {"name": "E-tjänsten", "url": "http://127.0.0.1:9/kansli", "events": ["case.closed"]}


def keyed(body: Body, username: str, *roles: Role) -> Client:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.capitalize(), family_name="Testsson"
    )
    user = user_create(actor=None, username=username, password=None, roles=roles, person=person)
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


@pytest.fixture
def admin(body: Body) -> Client:
    return keyed(body, "adam", Role.ADMINISTRATOR)


def test_the_administrator_subscribes_and_gets_the_secret_once(admin: Client) -> None:
    created = admin.post(API, NEW, content_type="application/json")
    listed = admin.get(API)

    assert created.status_code == 201
    subscription = WebhookSubscription.objects.get()
    assert created.json()["secret"] == subscription.secret
    assert created.json()["events"] == ["case.closed"]
    (one,) = listed.json()
    assert "secret" not in one
    event = Event.objects.get(action="webhooksubscription.create")
    assert "secret" not in event.after
    assert subscription.secret not in str(event.after)


def test_an_unknown_event_and_a_bad_address_are_refused(admin: Client) -> None:
    unknown = admin.post(API, NEW | {"events": ["case.deleted"]}, content_type="application/json")
    ftp = admin.post(API, NEW | {"url": "ftp://arkiv/"}, content_type="application/json")

    assert unknown.status_code == 422
    assert ftp.status_code == 400
    assert ftp.json()["fields"] == {
        "url": ["Adressen ska börja med http:// eller https:// och ha ett värdnamn."]
    }
    assert not WebhookSubscription.objects.exists()


def test_the_administrator_ends_a_subscription(admin: Client) -> None:
    created = admin.post(API, NEW, content_type="application/json").json()

    ended = admin.delete(f"{API}/{created['id']}")

    assert ended.status_code == 204
    assert not WebhookSubscription.objects.exists()
    assert Event.objects.filter(action="webhooksubscription.delete").exists()


def test_everyone_else_is_refused(body: Body, admin: Client) -> None:
    created = admin.post(API, NEW, content_type="application/json").json()
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    callers = {
        "the registrar": keyed(body, "rut", Role.REGISTRAR),
        "a board member": keyed(body, "lena", Role.ELECTED_MEMBER),
        "another body's administrator": keyed(other, "bo", Role.ADMINISTRATOR),
        "anonymous": Client(),
    }

    answers = {
        who: [
            client.get(API).status_code,
            client.post(API, NEW, content_type="application/json").status_code,
            client.get(f"{API}/{created['id']}/deliveries").status_code,
            client.delete(f"{API}/{created['id']}").status_code,
        ]
        for who, client in callers.items()
    }

    assert answers == {
        "the registrar": [403] * 4,
        "a board member": [403] * 4,
        "another body's administrator": [403] * 4,
        "anonymous": [401] * 4,
    }
    assert WebhookSubscription.objects.count() == 1
