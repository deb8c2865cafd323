from collections.abc import Callable

from django.contrib.auth.models import Group

from kansli.accounts.models import Role, User
from kansli.audit import services as audit
from kansli.audit.models import Event


def test_giving_a_user_a_role_records_the_groups_before_and_after(
    make_user: Callable[..., User],
) -> None:
    user = make_user("rut", Role.REGISTRAR)
    registrar = Group.objects.get(name=Role.REGISTRAR)
    secretary = Group.objects.get(name=Role.SECRETARY)

    audit.set_relations(actor=None, instance=user, groups=[registrar, secretary])

    event = Event.objects.latest("seq")
    assert event.action == "user.update"
    assert event.before == {"groups": [registrar.pk]}
    assert event.after == {"groups": sorted([registrar.pk, secretary.pk])}
    assert set(user.roles) == {Role.REGISTRAR, Role.SECRETARY}


def test_setting_the_same_groups_again_records_nothing(make_user: Callable[..., User]) -> None:
    user = make_user("rut", Role.REGISTRAR)
    before = Event.objects.count()

    audit.set_relations(actor=None, instance=user, groups=user.groups.all())

    assert Event.objects.count() == before
