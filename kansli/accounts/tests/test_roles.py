"""Roles are Django groups that exist after migrate and hold exactly their permissions."""

from collections.abc import Callable

from django.contrib.auth.models import Group

from kansli.accounts.models import Role, User
from kansli.audit.models import Event


def test_every_role_has_its_group_after_migrate(db: None) -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}


def test_administrator_may_change_the_organisation_and_others_may_not(
    make_user: Callable[..., User],
) -> None:
    admin = make_user("admin", Role.ADMINISTRATOR)
    registrar = make_user("registrator", Role.REGISTRAR)

    assert admin.is_staff
    assert admin.has_perm("organisation.change_membership")
    assert not registrar.is_staff
    assert not registrar.has_perm("organisation.change_membership")


def test_giving_a_user_roles_is_recorded_in_the_audit_log(make_user: Callable[..., User]) -> None:
    user = make_user("sekreterare", Role.SECRETARY)

    assert user.roles == [Role.SECRETARY]
    event = Event.objects.filter(object_id=str(user.pk), action="user.update").get()
    assert event.after == {"groups": [Group.objects.get(name=Role.SECRETARY).pk]}


def test_the_administrator_may_administer_the_settings_but_not_the_business(
    make_user: Callable[..., User],
) -> None:
    admin = make_user("admin", Role.ADMINISTRATOR)

    for permission in (
        "delegation.view_delegationorder",
        "registry.change_numberseries",
        "accounts.change_user",
        "audit.view_event",
    ):
        assert admin.has_perm(permission), permission
    for permission in (
        "decisions.change_decision",
        "registry.change_case",
        "registry.view_publicrecordsrequest",
        "registry.view_secret_document",
        "preparation.view_preparation",
        "meetings.change_meeting",
        "followup.view_crisisevent",
        "auth.change_group",
    ):
        assert not admin.has_perm(permission), permission


def test_the_business_roles_carry_no_model_permissions(db: None) -> None:
    business = [role for role in Role if role != Role.ADMINISTRATOR]

    assert not Group.objects.filter(name__in=business, permissions__isnull=False).exists()
