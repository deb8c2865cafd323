"""The body's "skyndsamt" setting for records requests is edited in the admin, through the
audited service, and only by the body's own administrators."""

from django.test import Client

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Body
from kansli.registry.models import RecordsRequestSettings

ADD = "/admin/registry/recordsrequestsettings/add/"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def operator() -> User:
    return User.objects.create_superuser("root", password="lösenord-för-test")


def administrator_of(body: Body, username: str) -> User:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.capitalize(), family_name="Admin"
    )
    return user_create(
        actor=None,
        username=username,
        password="lösenord-för-test",
        roles=[Role.ADMINISTRATOR],
        person=person,
    )


def test_a_setting_added_in_the_admin_is_saved_through_the_service_with_its_event(
    body: Body,
) -> None:
    response = signed_in(operator()).post(ADD, {"body": body.pk, "working_days": 3})

    assert response.status_code == 302
    assert RecordsRequestSettings.objects.get(body=body).working_days == 3
    assert Event.objects.filter(
        action="recordsrequestsettings.create", actor__username="root"
    ).exists()


def test_a_change_in_the_admin_updates_the_row_with_its_event(body: Body) -> None:
    client = signed_in(operator())
    client.post(ADD, {"body": body.pk, "working_days": 3})
    settings = RecordsRequestSettings.objects.get(body=body)

    response = client.post(
        f"/admin/registry/recordsrequestsettings/{settings.pk}/change/", {"working_days": 2}
    )

    assert response.status_code == 302
    assert RecordsRequestSettings.objects.get(body=body).working_days == 2
    assert Event.objects.filter(action="recordsrequestsettings.update").count() == 1


def test_the_admin_refuses_more_than_ten_working_days(body: Body) -> None:
    response = signed_in(operator()).post(ADD, {"body": body.pk, "working_days": 11})

    assert response.status_code == 200
    assert "Skyndsamt kan inte betyda mer än tio arbetsdagar." in response.content.decode()
    assert not RecordsRequestSettings.objects.exists()


def test_another_bodys_administrator_neither_sees_nor_changes_the_setting(body: Body) -> None:
    signed_in(operator()).post(ADD, {"body": body.pk, "working_days": 3})
    settings = RecordsRequestSettings.objects.get(body=body)
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    client = signed_in(administrator_of(other, "blekinge-admin"))

    listing = client.get("/admin/registry/recordsrequestsettings/")
    change = client.post(
        f"/admin/registry/recordsrequestsettings/{settings.pk}/change/", {"working_days": 0}
    )

    assert "Vänersborg" not in listing.content.decode()
    assert change.status_code in {302, 403, 404}
    assert RecordsRequestSettings.objects.get(body=body).working_days == 3
