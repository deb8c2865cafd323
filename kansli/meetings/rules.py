"""The arithmetic of a meeting: quorum, the tally of a vote and the order substitutes serve in.

Pure Python over plain values, no Django: the services gather who is present and serving, and
these functions answer.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

YES, NO, ABSTAIN = "yes", "no", "abstain"

# The paragraphs of kommunallagen (2017:725) each rule of a meeting rests on: in the council
# (chapter 5) and in the board and the committees (chapter 6).
QUORUM_LAW = ("KL 5 kap. 43 §", "KL 6 kap. 27 §")
DISQUALIFICATION_LAW = ("KL 5 kap. 47 §", "KL 6 kap. 28–32 §§")
SECRET_BALLOT_LAW = ("KL 5 kap. 54 §", "KL 6 kap. 33 §")
TIE_LAW = ("KL 5 kap. 56 §", "KL 6 kap. 33 §")
# Dissent is entered before the meeting closes, its written reasons before the approval.
DISSENT_LAW = "KL 4 kap. 27 §"
# In the council a substitute serves for a member of their own party, in the order set when
# they were elected (vallagen); in the board and committees the order is the reglemente's.
COUNCIL_SUBSTITUTES_LAW = "KL 5 kap. 17–19 §§"


def law(paragraphs: tuple[str, str], *, council: bool) -> str:
    """The paragraph of `paragraphs` that applies: the council's, or the other organs'."""
    return paragraphs[0] if council else paragraphs[1]


@dataclass(frozen=True)
class Quorum:
    """Whether an organization may deal with a matter: `present` serving of `seats`, `needed`."""

    met: bool
    needed: int
    present: int
    seats: int


def quorum(seats: int, present: int) -> Quorum:
    """KL 5 kap. 43 § (the council) and 6 kap. 27 § (committees): a matter may be dealt with
    only when more than half of the members are present; exactly half is not enough."""
    if seats < 0 or present < 0:
        raise ValueError("seats and present must not be negative")
    needed = seats // 2 + 1
    return Quorum(met=present >= needed, needed=needed, present=present, seats=seats)


class TieError(ValueError):
    """The votes are even and nothing given settles them."""


@dataclass(frozen=True)
class Tally:
    """The counts of a vote between a yes and a no proposal, and which one won (YES or NO);
    `casting` when the tie was settled by the chair's casting vote or by lot."""

    yes: int
    no: int
    abstain: int
    winner: str
    casting: bool


def tally(yes: int, no: int, abstain: int = 0, casting: str | None = None) -> Tally:
    """The proposal with the most votes wins. On a tie, `casting` (YES or NO) decides: the
    chair's casting vote in other matters than elections, the lot in an election (KL 5 kap.
    56 §, 6 kap. 33 §); without it the tie raises TieError."""
    if min(yes, no, abstain) < 0:
        raise ValueError("counts must not be negative")
    if casting not in (None, YES, NO):
        raise ValueError("casting must be yes or no")
    if yes != no:
        return Tally(yes, no, abstain, YES if yes > no else NO, casting=False)
    if casting is None:
        raise TieError("the votes are even")
    return Tally(yes, no, abstain, casting, casting=True)


def tally_ballots(choices: Iterable[str], casting: str | None = None) -> Tally:
    """The tally of a roll call's choices (YES, NO or ABSTAIN each)."""
    counts = {YES: 0, NO: 0, ABSTAIN: 0}
    for choice in choices:
        if choice not in counts:
            raise ValueError(f"unknown choice {choice!r}")
        counts[choice] += 1
    return tally(counts[YES], counts[NO], counts[ABSTAIN], casting)


@dataclass(frozen=True)
class Substitute:
    """A substitute who could be called: a key the caller knows them by, party and rank."""

    key: object
    party: str
    rank: int


def substitute_order(
    substitutes: Sequence[Substitute], party: str, *, own_party_only: bool = False
) -> list[Substitute]:
    """The order substitutes are called to serve for an absent or disqualified member of
    `party`: those of the same party first, then the others, each group by rank. In the council
    only those of the same party (`own_party_only`, COUNCIL_SUBSTITUTES_LAW); in the board and
    the committees the council sets the order in the reglemente, and same party first, then the
    order of the list, is the common one. Stable: equal ranks keep the order given."""
    if own_party_only:
        substitutes = [s for s in substitutes if party and s.party == party]
    return sorted(substitutes, key=lambda s: (not (party and s.party == party), s.rank))
