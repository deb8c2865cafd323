from collections.abc import Callable

from kansli.accounts.models import User
from kansli.audit import services as audit
from kansli.audit.models import Event


def test_user_event_holds_a_digest_of_the_password_hash_not_the_hash(
    make_user: Callable[..., User],
) -> None:
    user = make_user("rut")

    created = Event.objects.get(action="user.create", object_id=str(user.pk))
    assert user.password not in str(created.after)
    assert created.after["password"].startswith("sha256:")


def test_password_change_is_recorded_without_revealing_either_hash(
    make_user: Callable[..., User],
) -> None:
    user = make_user("rut")
    old_hash = user.password
    user.set_password("ett-annat-lösenord")

    audit.update(actor=None, instance=user)

    event = Event.objects.latest("seq")
    assert event.action == "user.update"
    assert event.before["password"] != event.after["password"]
    assert old_hash not in str(event.before)
    assert user.password not in str(event.after)
