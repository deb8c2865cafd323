"""Jäv is cited by the organ: KL 5 kap. 47 § in the council, 6 kap. 28-32 §§ in the board and
the committees."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import rules, selectors, services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board
from kansli.organisation.models import Organization


def test_the_board_cites_chapter_six(secretary: User, opened: Meeting, ks: Board) -> None:
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa")

    with pytest.raises(ValidationError) as refused:
        services.disqualification_record(actor=secretary, item=item, person=ks.bo, ground=" ")

    assert refused.value.messages == ["Ange grunden för jävet (KL 6 kap. 28–32 §§)."]


def test_the_council_cites_chapter_five(ks: Board) -> None:
    council = Organization(body=ks.organization.body, kind=Organization.Kind.COUNCIL)

    assert selectors.law_of(council, rules.DISQUALIFICATION_LAW) == "KL 5 kap. 47 §"
    assert selectors.law_of(ks.organization, rules.DISQUALIFICATION_LAW) == "KL 6 kap. 28–32 §§"
