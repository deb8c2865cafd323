import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.audit.models import Event
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person


class AbandonedError(Exception):
    """Raised to roll back the outer transaction of a test."""


def test_write_refused_by_validation_leaves_no_event(board: Organization) -> None:
    before = Event.objects.count()

    with pytest.raises(ValidationError):
        organisation.person_create(actor=None, body=board.body, given_name="", family_name="")

    assert Event.objects.count() == before
    assert not Person.objects.exists()


def test_rolled_back_outer_transaction_takes_the_change_and_its_event(
    board: Organization,
) -> None:
    before = Event.objects.count()
    head_before = Event.objects.latest("seq").hash

    with pytest.raises(AbandonedError), transaction.atomic():
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
        assert Event.objects.count() == before + 2
        raise AbandonedError

    assert Event.objects.count() == before
    assert not Person.objects.exists()
    assert Event.objects.latest("seq").hash == head_before
