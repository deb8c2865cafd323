"""The members' own side in the tests: an account for a member or substitute of the board
(conftest's `ks`), and the clock a week before the meeting day, when the meeting is still to
come."""

import datetime

from time_machine import TimeMachineFixture

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings.tests.conftest import DAY, at
from kansli.organisation.models import Person


def account(person: Person) -> User:
    """The person's own account, as an elected member."""
    return user_create(
        actor=None,
        username=person.given_name.lower(),
        password=None,
        roles=[Role.ELECTED_MEMBER],
        person=person,
    )


def week_before(time_machine: TimeMachineFixture) -> None:
    time_machine.move_to(at(DAY - datetime.timedelta(days=7), 12))
