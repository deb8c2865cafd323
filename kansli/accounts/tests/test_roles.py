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


def test_administrator_may_use_the_admin_of_every_kansli_app(
    make_user: Callable[..., User],
) -> None:
    admin = make_user("admin", Role.ADMINISTRATOR)

    for permission in (
        "delegation.view_delegationorder",
        "decisions.change_decision",
        "registry.change_case",
        "preparation.view_preparation",
    ):
        assert admin.has_perm(permission), permission
