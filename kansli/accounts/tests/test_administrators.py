"""An administrator administers its own body: users, roles and settings, nothing else.

Issue 10: Vänersborg's administrator ticked "Superuser status" on its own account and then saw
through all secrecy in both bodies; it opened Region Blekinge's users' password forms,
delegation orders and meetings; the event log showed Blekinge's administrator Vänersborg's
secret markers; the administrator read records requests with the requester's name.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create
from kansli.audit.bodies import body_path
from kansli.audit.models import Event
from kansli.delegation.models import DelegationOrder
from kansli.organisation.models import Appointment, Body, Organization, Person, Position
from kansli.registry import services as registry
from kansli.registry.models import Document

Demo = dict[str, Body]
SECRET_SENDER = "Hemlig Avsändare"


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def user_form(user: User, **changes: object) -> dict[str, object]:
    """What the admin's change form posts for `user`, with `changes`."""
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "person": user.person_id,
        "groups": [group.pk for group in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.date().isoformat(),
        "date_joined_1": "00:00:00",
        **changes,
    }


def change_url(user: User) -> str:
    return reverse("admin:accounts_user_change", args=[user.pk])


def test_the_administrator_is_not_offered_superuser_staff_or_permissions(demo: Demo) -> None:
    me = User.objects.get(username="admin")

    page = signed_in("admin").get(change_url(me))

    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "is_staff" not in form.fields
    assert "user_permissions" not in form.fields


def test_a_crafted_post_does_not_make_the_administrator_a_superuser(demo: Demo) -> None:
    me = User.objects.get(username="admin")

    response = signed_in("admin").post(
        change_url(me), user_form(me, is_superuser="on", is_staff="on")
    )

    assert response.status_code == 302
    me.refresh_from_db()
    assert not me.is_superuser
    assert me.is_staff  # by the administrator's role, not by the form


def test_the_administrator_cannot_grant_a_role_it_does_not_hold(demo: Demo) -> None:
    registrar_role = Group.objects.get(name=Role.REGISTRAR)
    clerk = User.objects.get(username="handlaggare")

    response = signed_in("admin").post(
        change_url(clerk), user_form(clerk, groups=[registrar_role.pk])
    )

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert clerk.roles == [Role.CASE_OFFICER]


def test_the_roles_the_administrator_cannot_give_stay_as_they_were(demo: Demo) -> None:
    registrar = User.objects.get(username="registrator")
    administrator_role = Group.objects.get(name=Role.ADMINISTRATOR)

    page = signed_in("admin").get(change_url(registrar))
    response = signed_in("admin").post(
        change_url(registrar), user_form(registrar, groups=[administrator_role.pk])
    )

    offered = page.context["adminform"].form.fields["groups"].queryset
    assert list(offered.values_list("name", flat=True)) == [Role.ADMINISTRATOR]
    assert response.status_code == 302
    assert set(registrar.roles) == {Role.REGISTRAR, Role.ADMINISTRATOR}
    registrar.refresh_from_db()
    assert registrar.is_staff


def test_another_bodys_user_and_its_password_form_are_not_found(demo: Demo) -> None:
    stranger = User.objects.get(username="blekinge-registrator")
    client = signed_in("admin")

    change = client.get(change_url(stranger))
    password = client.get(reverse("admin:auth_user_password_change", args=[stranger.pk]))
    crafted = client.post(
        reverse("admin:auth_user_password_change", args=[stranger.pk]),
        {"password1": "ett-nytt-lösenord-1", "password2": "ett-nytt-lösenord-1"},
    )

    assert change.status_code == 302  # the admin's "does not exist", back to its index
    assert (password.status_code, crafted.status_code) == (404, 404)
    stranger.refresh_from_db()
    assert not stranger.check_password("ett-nytt-lösenord-1")


def test_an_operators_account_is_not_the_administrators_to_see(demo: Demo) -> None:
    operator = User.objects.create_superuser("drift", password="lösenord-för-test")
    operator.person = Person.objects.filter(body=demo["vanersborg"], user__isnull=True).first()
    operator.save()

    changelist = signed_in("admin").get(reverse("admin:accounts_user_changelist"))

    assert "drift" not in {user.username for user in changelist.context["cl"].queryset}


def test_the_administrator_cannot_open_another_bodys_delegation_order(demo: Demo) -> None:
    order = DelegationOrder.objects.filter(body=demo["blekinge"]).first()

    response = signed_in("admin").get(
        reverse("admin:delegation_delegationorder_change", args=[order.pk])
    )

    assert response.status_code == 302
    assert order.document not in signed_in("admin").get(reverse("admin:index")).text


def test_every_changelist_shows_the_administrators_own_body_only(demo: Demo) -> None:
    client = signed_in("blekinge-admin")
    blekinge = demo["blekinge"].pk
    shown = 0
    for model, model_admin in admin.site._registry.items():
        request = client.get("/").wsgi_request
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert response.status_code == 200, opts.label
        rows = response.context["cl"].queryset
        path = body_path(model)
        assert path is not None, f"{opts.label}: a model of no body in the administrator's admin"
        assert not rows.exclude(**{path: blekinge}).exists(), f"{opts.label} shows other bodies"
        shown += 1
    assert shown >= 10


def test_the_administrator_has_no_business_in_the_admin(demo: Demo) -> None:
    index = signed_in("admin").get(reverse("admin:index"))

    apps = {app["app_label"] for app in index.context["app_list"]}
    assert apps.isdisjoint({"meetings", "decisions", "followup"})
    registry_models = {
        model["object_name"]
        for app in index.context["app_list"]
        if app["app_label"] == "registry"
        for model in app["models"]
    }
    assert registry_models <= {"NumberSeries", "RetentionRule", "RecordsRequestSettings"}


def _secret_letter(demo: Demo) -> Document:
    board = Organization.objects.get(
        body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD
    )
    case = registry.case_open(actor=None, organization=board, title="Vårdnadsutredning")
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart=SECRET_SENDER,
        description="Anmälan om oro för barn",
        secrecy_reference="OSL 26 kap. 1 §",
        counterpart_masked=True,
        description_masked=True,
    )


def _event_pages(client: Client, events: list[Event]) -> str:
    changelist = client.get(reverse("admin:audit_event_changelist"), {"q": ""})
    details = [client.get(reverse("admin:audit_event_change", args=[event.pk])) for event in events]
    return changelist.text + "".join(detail.text for detail in details)


def test_another_bodys_administrator_sees_none_of_its_events(demo: Demo) -> None:
    letter = _secret_letter(demo)
    events = list(Event.objects.filter(object_id=str(letter.pk), object_type="registry.document"))
    client = signed_in("blekinge-admin")

    listed = client.get(reverse("admin:audit_event_changelist")).context["cl"].queryset
    detail = client.get(reverse("admin:audit_event_change", args=[events[0].pk]))

    assert events and events[0].body == demo["vanersborg"]
    assert not listed.exclude(body=demo["blekinge"]).exists()
    assert detail.status_code == 302
    assert SECRET_SENDER not in _event_pages(client, events)


def test_the_bodys_administrator_reads_its_events_with_the_secrets_masked(demo: Demo) -> None:
    letter = _secret_letter(demo)
    events = list(Event.objects.filter(object_id=str(letter.pk), object_type="registry.document"))
    case_events = list(
        Event.objects.filter(object_id=str(letter.case_id), object_type="registry.case")
    )

    administrator = _event_pages(signed_in("admin"), events)

    assert "[Sekretess enligt OSL 26 kap. 1 §]" in administrator
    assert SECRET_SENDER not in administrator
    assert "Anmälan om oro för barn" not in administrator
    assert "Vårdnadsutredning" in _event_pages(signed_in("admin"), case_events)


def test_searching_the_event_log_does_not_look_into_masked_names(demo: Demo) -> None:
    _secret_letter(demo)

    found = signed_in("admin").get(reverse("admin:audit_event_changelist"), {"q": "Anmälan om oro"})

    assert found.context["cl"].result_count == 0


def test_an_operator_reads_the_whole_log(demo: Demo) -> None:
    letter = _secret_letter(demo)
    events = list(Event.objects.filter(object_id=str(letter.pk), object_type="registry.document"))
    operator = Client()
    operator.force_login(User.objects.create_superuser("drift", password="lösenord-för-test"))

    assert SECRET_SENDER in _event_pages(operator, events)


def test_the_administrator_reads_no_records_request(demo: Demo) -> None:
    request = registry.records_request_register(
        actor=None, body=demo["vanersborg"], subject="Protokoll", requester="Eva Ek"
    )
    events = list(Event.objects.filter(object_type="registry.publicrecordsrequest"))
    _token, key = token_create(actor=None, user=User.objects.get(username="admin"), name="prov")
    api = Client(headers={"authorization": f"Bearer {key}"})
    listing = api.get("/api/v1/bodies/vanersborg/records-requests")
    detail = api.get(f"/api/v1/bodies/vanersborg/records-requests/{request.pk}")

    assert (listing.status_code, detail.status_code) == (403, 403)
    assert "Eva Ek" not in _event_pages(signed_in("admin"), events)


@pytest.mark.parametrize("username", ["admin", "registrator"])
def test_a_user_of_the_body_signing_in_is_not_logged(demo: Demo, username: str) -> None:
    before = Event.objects.count()

    signed_in(username)

    assert Event.objects.count() == before


def test_an_operator_signing_in_and_writing_in_the_admin_is_in_the_log(demo: Demo) -> None:
    operator = User.objects.create_superuser("drift", password="lösenord-för-test")
    app = TOTPDevice.objects.create(user=operator, name="app", confirmed=True)
    client = Client()
    person = Person.objects.filter(body=demo["blekinge"]).first()

    signing_in = client.post("/logga-in/", {"username": "drift", "password": "lösenord-för-test"})
    assert signing_in.status_code == 302
    code = str(TOTP(bytes.fromhex(app.key)).token()).zfill(6)
    assert client.post("/logga-in/kod/", {"code": code, "next": "/"}).status_code == 302
    client.post(
        reverse("admin:organisation_person_change", args=[person.pk]),
        {
            "body": person.body_id,
            "given_name": person.given_name,
            "family_name": "Nytt-Namn",
            "email": person.email,
        },
    )

    assert Event.objects.filter(action="user.sign_in", actor__username="drift").count() == 1
    change = Event.objects.get(action="person.update", object_id=str(person.pk))
    assert change.actor.username == "drift"
    assert change.body == demo["blekinge"]


def test_every_event_about_a_secret_case_masks_its_title_for_the_administrator(
    demo: Demo,
) -> None:
    board = Organization.objects.get(
        body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD
    )
    case = registry.case_open(
        actor=None,
        organization=board,
        title="Vårdnad om barnet Ebba",
        secrecy_reference="OSL 26 kap. 1 §",
    )
    registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=timezone.localdate(),
        description="Utredning",
    )
    events = list(Event.objects.filter(body=demo["vanersborg"]).order_by("-seq")[:10])

    administrator = _event_pages(signed_in("admin"), events)

    assert len({event.object_type for event in events}) >= 2
    assert "Ebba" not in administrator
    assert "[Sekretess enligt OSL 26 kap. 1 §]" in administrator


def test_not_even_an_operator_makes_a_superuser_in_the_admin(demo: Demo) -> None:
    operator = Client()
    operator.force_login(User.objects.create_superuser("drift", password="lösenord-för-test"))
    registrar = User.objects.get(username="registrator")

    page = operator.get(change_url(registrar))
    operator.post(change_url(registrar), user_form(registrar, is_superuser="on"))

    assert "is_superuser" not in page.context["adminform"].form.fields
    registrar.refresh_from_db()
    assert not registrar.is_superuser


def test_the_administrator_sets_no_password_of_a_user_with_a_role_it_does_not_hold(
    demo: Demo,
) -> None:
    registrar = User.objects.get(username="registrator")
    url = reverse("admin:auth_user_password_change", args=[registrar.pk])

    form = signed_in("admin").get(url)
    crafted = signed_in("admin").post(
        url, {"password1": "ett-nytt-lösenord-1", "password2": "ett-nytt-lösenord-1"}
    )

    assert (form.status_code, crafted.status_code) == (403, 403)
    registrar.refresh_from_db()
    assert not registrar.check_password("ett-nytt-lösenord-1")


def test_the_administrator_sets_the_password_of_another_administrator(demo: Demo) -> None:
    colleague = User.objects.get(username="admin")
    url = reverse("admin:auth_user_password_change", args=[colleague.pk])

    response = signed_in("admin").post(
        url,
        {
            "password1": "ett-nytt-lösenord-1",
            "password2": "ett-nytt-lösenord-1",
            "usable_password": "true",
        },
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("ett-nytt-lösenord-1")


def test_the_administrator_cannot_link_its_account_to_the_directors_person(demo: Demo) -> None:
    me = User.objects.get(username="admin")
    director = User.objects.get(username="direktor").person
    mine = me.person

    response = signed_in("admin").post(change_url(me), user_form(me, person=director.pk))

    assert response.status_code == 302
    me.refresh_from_db()
    assert me.person == mine


def test_the_administrator_gives_itself_no_post_in_the_admin(demo: Demo) -> None:
    me = User.objects.get(username="admin")
    director_post = Position.objects.get(body=demo["vanersborg"], is_director=True)
    client = signed_in("admin")

    response = client.post(
        reverse("admin:organisation_appointment_add"),
        {"position": director_post.pk, "person": me.person_id, "start": "2027-01-01"},
    )
    own = client.get(reverse("admin:organisation_appointment_changelist")).context["cl"]

    assert response.status_code == 200
    assert "person" in response.context["adminform"].form.errors
    assert not Appointment.objects.filter(person=me.person, position=director_post).exists()
    assert not own.queryset.filter(person=me.person).exists()
