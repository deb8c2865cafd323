"""The quorum is counted on the organ's decided number of seats, vacant seats included (KL 6
kap. 27 §, 5 kap. 43 §: "mer än hälften av ledamöterna"): a vacancy does not lower it."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import selectors, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board
from kansli.organisation.models import Organization


def test_a_vacant_seat_does_not_lower_the_quorum(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    # Six seats by decision, four filled: three serving are not more than half of six.
    Organization.objects.filter(pk=ks.organization.pk).update(seats=6)
    services.attendance_set(actor=secretary, meeting=opened, person=ks.david, present=False)
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa", proposal="Bifall")

    quorum = selectors.quorum_of(meeting=Meeting.objects.get(pk=opened.pk))

    assert (quorum.met, quorum.present, quorum.seats, quorum.needed) == (False, 3, 6, 4)
    with pytest.raises(ValidationError) as refused:
        services.item_decide(actor=secretary, item=item)
    assert refused.value.messages == [
        "Kommunstyrelsen är inte beslutför: 3 av 6 ledamöter tjänstgör, minst 4 behövs "
        "(mer än hälften, KL 6 kap. 27 §)."
    ]


def test_without_a_number_of_seats_the_members_of_the_day_count(
    secretary: User, opened: Meeting
) -> None:
    quorum = selectors.quorum_of(meeting=opened)

    assert (quorum.seats, quorum.needed) == (4, 3)


def test_an_organ_has_at_least_one_seat(ks: Board) -> None:
    organization = ks.organization
    organization.seats = 0

    with pytest.raises(ValidationError, match="större än eller lika med 1"):
        organization.full_clean()
