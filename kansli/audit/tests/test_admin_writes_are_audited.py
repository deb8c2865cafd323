"""Writes through the admin, inlines included, are recorded with the signed-in user as actor."""

import datetime
from typing import Any

from django.contrib.auth.models import Group
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person


def new_events(after_seq: int) -> list[Event]:
    return list(Event.objects.filter(seq__gt=after_seq).order_by("seq"))


def last_seq() -> int:
    last = Event.objects.order_by("seq").last()
    return last.seq if last else 0


def test_person_changed_in_the_admin_is_recorded_with_the_admin_as_actor(
    admin_client: Client, admin_user: User, board: Organization
) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Andersson"
    )
    seq = last_seq()

    response = admin_client.post(
        f"/admin/organisation/person/{person.pk}/change/",
        {
            "body": board.body_id,
            "given_name": "Anna",
            "family_name": "Berg",
            "email": "anna.berg@vanersborg.se",
        },
    )

    assert response.status_code == 302
    [event] = new_events(seq)
    assert (event.action, event.actor, event.actor_name) == ("person.update", admin_user, "admin")
    assert (event.before["family_name"], event.after["family_name"]) == ("Andersson", "Berg")


def test_membership_added_in_the_organization_inline_is_recorded(
    admin_client: Client, board: Organization
) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Andersson"
    )
    seq = last_seq()

    response = admin_client.post(
        f"/admin/organisation/organization/{board.pk}/change/",
        {
            "body": board.body_id,
            "kind": board.kind,
            "slug": board.slug,
            "name": board.name,
            "short_name": board.short_name,
            "position": board.position,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-person": person.pk,
            "memberships-0-role": Membership.Role.CHAIR,
            "memberships-0-party": "",
            "memberships-0-rank": "0",
            "memberships-0-start": "2023-01-01",
            "memberships-0-end": "",
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get(person=person)
    assert membership.start == datetime.date(2023, 1, 1)
    assert [(e.action, e.object_id) for e in new_events(seq)] == [
        ("membership.create", str(membership.pk))
    ]


def test_overlapping_membership_in_the_inline_is_a_form_error_and_nothing_is_saved(
    admin_client: Client, board: Organization
) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Andersson"
    )
    organisation.membership_create(
        actor=None,
        person=person,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2023, 1, 1),
    )
    seq = last_seq()

    response = admin_client.post(
        f"/admin/organisation/organization/{board.pk}/change/",
        {
            "body": board.body_id,
            "kind": board.kind,
            "slug": board.slug,
            "name": "Kommunstyrelsen (ny)",
            "position": board.position,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-person": person.pk,
            "memberships-0-role": Membership.Role.CHAIR,
            "memberships-0-rank": "0",
            "memberships-0-start": "2024-01-01",
        },
    )

    assert response.status_code == 200
    assert "Perioden överlappar en befintlig period för samma person." in response.text
    assert new_events(seq) == []
    board.refresh_from_db()
    assert board.name == "Kommunstyrelsen"


def test_organization_deleted_in_the_admin_is_recorded(
    admin_client: Client, board: Organization
) -> None:
    subcommittee = organisation.organization_create(
        actor=None, body=board.body, kind="subcommittee", slug="au", name="AU", parent=board
    )
    seq = last_seq()

    response = admin_client.post(
        f"/admin/organisation/organization/{subcommittee.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    [event] = new_events(seq)
    assert (event.action, event.object_id) == ("organization.delete", str(subcommittee.pk))
    assert event.before["name"] == "AU"
    assert not Organization.objects.filter(slug="au").exists()


def test_people_deleted_together_in_the_changelist_are_each_recorded(
    admin_client: Client, board: Organization
) -> None:
    people = [
        organisation.person_create(actor=None, body=board.body, given_name=g, family_name="Berg")
        for g in ("Anna", "Bertil")
    ]
    seq = last_seq()

    response = admin_client.post(
        "/admin/organisation/person/",
        {"action": "delete_selected", "_selected_action": [p.pk for p in people], "post": "yes"},
    )

    assert response.status_code == 302
    assert sorted((e.action, e.object_id) for e in new_events(seq)) == sorted(
        ("person.delete", str(p.pk)) for p in people
    )
    assert not Person.objects.exists()


def test_role_given_in_the_user_admin_is_recorded(admin_client: Client, make_user: Any) -> None:
    user = make_user("rut", Role.REGISTRAR)
    secretary = Group.objects.get(name=Role.SECRETARY)
    seq = last_seq()

    response = admin_client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        {
            "username": "rut",
            "first_name": "",
            "last_name": "",
            "email": "",
            "is_active": "on",
            "groups": [secretary.pk],
            "date_joined_0": user.date_joined.date().isoformat(),
            "date_joined_1": "12:00:00",
        },
    )

    assert response.status_code == 302
    assert user.roles == [Role.SECRETARY]
    registrar = Group.objects.get(name=Role.REGISTRAR)
    [event] = [e for e in new_events(seq) if "groups" in (e.after or {})]
    assert (event.before["groups"], event.after["groups"]) == ([registrar.pk], [secretary.pk])


def test_password_set_in_the_user_admin_is_recorded_without_the_hash(
    admin_client: Client, admin_user: User, make_user: Any
) -> None:
    user = make_user("rut")
    seq = last_seq()

    response = admin_client.post(
        f"/admin/accounts/user/{user.pk}/password/",
        {
            "password1": "ett-nytt-långt-lösenord",
            "password2": "ett-nytt-långt-lösenord",
            "set_usable_password": "true",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("ett-nytt-långt-lösenord")
    [event] = new_events(seq)
    assert (event.action, event.actor) == ("user.update", admin_user)
    assert event.after["password"].startswith("sha256:")
    assert user.password not in str(event.after)


def test_sections_changed_and_deleted_in_the_version_inline_are_recorded(
    admin_client: Client, board: Organization
) -> None:
    document = governance.document_create(
        actor=None,
        body=board.body,
        slug="kd-instruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Kommundirektörsinstruktion",
        adopted_by=board,
        owner=board,
    )
    version = governance.version_add(
        actor=None,
        document=document,
        number="1.0",
        text="1. Inledning\nText.\n\n2. Uppdrag\nText.",
    )
    first, second = version.sections.order_by("order")
    seq = last_seq()
    data = {
        "document": document.pk,
        "number": "1.0",
        "text": version.text,
        "sections-TOTAL_FORMS": "2",
        "sections-INITIAL_FORMS": "2",
    }
    for i, section in enumerate([first, second]):
        data |= {
            f"sections-{i}-id": section.pk,
            f"sections-{i}-version": version.pk,
            f"sections-{i}-order": section.order,
            f"sections-{i}-key": section.key,
            f"sections-{i}-number": section.number,
            f"sections-{i}-heading": section.heading,
            f"sections-{i}-level": section.level,
            f"sections-{i}-text": section.text,
        }
    data |= {"sections-0-heading": "Inledning och syfte", "sections-1-DELETE": "on"}

    response = admin_client.post(f"/admin/governance/documentversion/{version.pk}/change/", data)

    assert response.status_code == 302
    assert [(e.action, e.object_id) for e in new_events(seq)] == [
        ("section.delete", str(second.pk)),
        ("section.update", str(first.pk)),
    ]
    first.refresh_from_db()
    assert first.heading == "Inledning och syfte"


def test_user_added_in_the_admin_is_recorded_with_the_person_and_without_the_hash(
    admin_client: Client, admin_user: User, board: Organization
) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Rut", family_name="Registrator"
    )
    seq = last_seq()

    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "username": "rut",
            "usable_password": "true",
            "password1": "ett-nytt-långt-lösenord",
            "password2": "ett-nytt-långt-lösenord",
            "person": person.pk,
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="rut")
    assert user.person == person
    [event] = new_events(seq)
    assert (event.action, event.actor, event.after["person_id"]) == (
        "user.create",
        admin_user,
        person.pk,
    )
    assert user.password not in str(event.after)
