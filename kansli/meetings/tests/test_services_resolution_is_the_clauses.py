"""What an item's decision says: the att-satser of the proposal that carried, never its label.

When the prepared proposal carries, by acclamation or by a vote, the decision is the
preparation's resolution clauses, one a line, whatever words the proposal was put in ("Bifall
till förvaltningens förslag."); when a member's own motion carries, its full text."""

import pytest

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import Board, ready_case

LABEL = "Bifall till förvaltningens förslag."


@pytest.fixture
def item(secretary: User, meeting: Meeting, ks: Board) -> AgendaItem:
    """The prepared case "Ny simhall" (its clause "att anta ny simhall") on the agenda of the
    opened meeting."""
    ready_case(ks.organization, "Ny simhall", route=[ks.organization])
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)
    return meeting.items.get(case__title="Ny simhall")


def vote(secretary: User, ks: Board, item: AgendaItem, *, prepared_wins: bool) -> AgendaItem:
    prepared = services.proposal_add(actor=secretary, item=item, text=LABEL)
    motion = services.proposal_add(
        actor=secretary, item=item, text="att avslå ansökan\natt utreda en ny plats", proposer=ks.bo
    )
    side = "yes" if prepared_wins else "no"
    other = "no" if prepared_wins else "yes"
    services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=prepared,
        no_proposal=motion,
        ballots={ks.chair: side, ks.cecilia: side, ks.david: side, ks.bo: other},
    )
    return AgendaItem.objects.select_related("decision").get(pk=item.pk)


def test_after_a_vote_for_the_prepared_proposal_the_decision_is_its_clauses(
    secretary: User, ks: Board, item: AgendaItem
) -> None:
    decided = vote(secretary, ks, item, prepared_wins=True)

    assert decided.resolution == "att anta ny simhall"
    assert decided.decision is not None
    assert decided.decision.text == "att anta ny simhall"


def test_after_a_vote_for_a_members_motion_the_decision_is_its_full_text(
    secretary: User, ks: Board, item: AgendaItem
) -> None:
    decided = vote(secretary, ks, item, prepared_wins=False)

    assert decided.resolution == "att avslå ansökan\natt utreda en ny plats"


def test_a_member_moving_the_prepared_proposal_carries_its_clauses(
    secretary: User, ks: Board, item: AgendaItem
) -> None:
    moved = services.proposal_add(
        actor=secretary, item=item, text=LABEL, proposer=ks.cecilia, supports_prepared=True
    )

    decided = services.item_decide(actor=secretary, item=item, proposal=moved)

    assert decided.resolution == "att anta ny simhall"


def test_by_acclamation_without_proposals_the_decision_is_the_clauses(
    secretary: User, item: AgendaItem
) -> None:
    decided = services.item_decide(actor=secretary, item=item)

    assert decided.resolution == "att anta ny simhall"


def test_a_resolution_worded_by_the_chair_is_kept_as_worded(
    secretary: User, item: AgendaItem
) -> None:
    decided = services.item_decide(
        actor=secretary, item=item, resolution="att anta ny simhall med ändringen i bilaga 2"
    )

    assert decided.resolution == "att anta ny simhall med ändringen i bilaga 2"
