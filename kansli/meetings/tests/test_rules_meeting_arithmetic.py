"""The pure rules of a meeting: quorum, the tally with the casting vote, the substitutes' order."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.meetings.rules import (
    ABSTAIN,
    NO,
    YES,
    Substitute,
    TieError,
    quorum,
    substitute_order,
    tally,
    tally_ballots,
)


def test_more_than_half_of_the_members_is_a_quorum() -> None:
    assert quorum(13, 7).met
    assert quorum(13, 7).needed == 7
    assert not quorum(13, 6).met


def test_exactly_half_of_the_members_is_not_a_quorum() -> None:
    assert not quorum(12, 6).met
    assert quorum(12, 7).met
    assert quorum(12, 6).needed == 7


@given(seats=st.integers(0, 200), present=st.integers(0, 200))
def test_quorum_is_met_exactly_when_more_than_half_are_present(seats: int, present: int) -> None:
    assert quorum(seats, present).met == (2 * present > seats)


def test_the_proposal_with_most_votes_wins() -> None:
    result = tally_ballots([YES, NO, YES, ABSTAIN])
    assert (result.yes, result.no, result.abstain, result.winner) == (2, 1, 1, YES)
    assert not result.casting


def test_a_tie_is_settled_by_the_casting_vote() -> None:
    result = tally(2, 2, 1, casting=NO)
    assert result.winner == NO
    assert result.casting


def test_a_tie_without_a_casting_vote_is_refused() -> None:
    with pytest.raises(TieError):
        tally(3, 3)


def test_the_casting_vote_does_not_turn_a_clear_result() -> None:
    assert tally(3, 2, casting=NO).winner == YES


@given(yes=st.integers(0, 50), no=st.integers(0, 50), casting=st.sampled_from([YES, NO]))
def test_the_winner_has_at_least_as_many_votes(yes: int, no: int, casting: str) -> None:
    result = tally(yes, no, casting=casting)
    won, lost = (yes, no) if result.winner == YES else (no, yes)
    assert won >= lost
    assert result.casting == (yes == no)


def test_substitutes_of_the_members_party_are_called_first_then_by_rank() -> None:
    substitutes = [
        Substitute("a", "M", 1),
        Substitute("b", "S", 3),
        Substitute("c", "S", 2),
        Substitute("d", "V", 0),
    ]

    order = substitute_order(substitutes, "S")

    assert [s.key for s in order] == ["c", "b", "d", "a"]


def test_without_a_party_substitutes_are_called_by_rank() -> None:
    substitutes = [Substitute("a", "M", 2), Substitute("b", "S", 1)]
    assert [s.key for s in substitute_order(substitutes, "")] == ["b", "a"]


@given(
    party=st.sampled_from(["S", "M", "V"]),
    pool=st.lists(st.tuples(st.sampled_from(["S", "M", "V"]), st.integers(0, 9)), max_size=8),
)
def test_the_members_party_comes_first_each_group_by_rank(
    party: str, pool: list[tuple[str, int]]
) -> None:
    substitutes = [Substitute(i, p, rank) for i, (p, rank) in enumerate(pool)]

    order = substitute_order(substitutes, party)

    same = [s for s in order if s.party == party]
    assert order[: len(same)] == same
    assert [s.rank for s in same] == sorted(s.rank for s in same)
    others = order[len(same) :]
    assert [s.rank for s in others] == sorted(s.rank for s in others)
    assert sorted(s.key for s in order) == list(range(len(pool)))
