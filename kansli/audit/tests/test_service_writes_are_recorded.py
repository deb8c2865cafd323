import datetime
from collections.abc import Callable

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization


def test_create_records_one_event_with_actor_action_and_after(
    board: Organization, make_user: Callable[..., User]
) -> None:
    administrator = make_user("rut", Role.ADMINISTRATOR)
    administrator.person = organisation.person_create(
        actor=None, body=board.body, given_name="Rut", family_name="Berg"
    )
    administrator.save()
    before = Event.objects.count()

    person = organisation.person_create(
        actor=administrator, body=board.body, given_name="Anna", family_name="Andersson"
    )

    assert Event.objects.count() == before + 1
    event = Event.objects.latest("seq")
    assert (event.actor, event.actor_name) == (administrator, "rut")
    assert event.body == board.body
    assert event.action == "person.create"
    assert (event.object_type, event.object_id) == ("organisation.person", str(person.pk))
    assert event.object_repr == "Anna Andersson"
    assert event.before is None
    assert event.after["given_name"] == "Anna"
    assert event.after["body_id"] == board.body_id


def test_update_records_before_and_after(board: Organization) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Andersson"
    )
    seat = organisation.membership_create(
        actor=None,
        person=person,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2023, 1, 1),
    )

    organisation.membership_end(actor=None, membership=seat, end=datetime.date(2026, 12, 31))

    event = Event.objects.latest("seq")
    assert event.action == "membership.update"
    assert event.actor is None
    assert event.actor_name == "system"
    assert event.before["end"] is None
    assert event.after["end"] == "2026-12-31"
    assert event.before["start"] == event.after["start"] == "2023-01-01"


def test_update_that_changes_nothing_records_nothing(board: Organization) -> None:
    person = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Andersson"
    )
    seat = organisation.membership_create(
        actor=None,
        person=person,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2023, 1, 1),
        end=datetime.date(2026, 12, 31),
    )
    before = Event.objects.count()

    organisation.membership_end(actor=None, membership=seat, end=datetime.date(2026, 12, 31))

    assert Event.objects.count() == before
