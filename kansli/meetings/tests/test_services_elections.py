"""Elections are their own kind of item: a secret ballot only there (KL 5 kap. 54 §, 6 kap.
33 §), and a tie in an election decided by lot, in other matters by the chair's casting vote
(KL 5 kap. 56 §, 6 kap. 33 §)."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import packets, rules, services
from kansli.meetings.models import AgendaItem, Ballot, Meeting, Proposal, Vote
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.meeting_samples import pdf_text

YES, NO = Ballot.Choice.YES, Ballot.Choice.NO


def two_proposals(secretary: User, item: AgendaItem, ks: Board) -> tuple[Proposal, Proposal]:
    first = services.proposal_add(actor=secretary, item=item, text="Anna Andersson")
    second = services.proposal_add(actor=secretary, item=item, text="Bo Berg", proposer=ks.bo)
    return first, second


def test_a_secret_ballot_on_an_ordinary_matter_is_refused(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa för bygglov")
    first, second = two_proposals(secretary, item, ks)

    with pytest.raises(ValidationError) as refused:
        services.vote_record(
            actor=secretary,
            item=item,
            yes_proposal=first,
            no_proposal=second,
            counts={YES: 3, NO: 1},
            method=Vote.Method.SECRET,
        )

    assert refused.value.messages == [
        "Sluten omröstning får bara ske vid val (KL 6 kap. 33 §); ”Taxa för bygglov” är inte "
        "ett val."
    ]
    assert not Vote.objects.exists()


def test_a_secret_ballot_in_an_election_keeps_only_the_counts(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ombud", kind=AgendaItem.Kind.ELECTION
    )
    first, second = two_proposals(secretary, item, ks)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=first,
        no_proposal=second,
        counts={YES: 1, NO: 3},
        method=Vote.Method.SECRET,
    )

    assert vote.winner == second
    assert not vote.ballots.exists() and not vote.decided_by_lot
    item.refresh_from_db()
    assert item.method == AgendaItem.Method.SECRET_BALLOT


@pytest.mark.parametrize("drawn", [rules.YES, rules.NO])
def test_a_tied_election_is_decided_by_lot_not_by_the_chair(
    secretary: User, opened: Meeting, ks: Board, monkeypatch: pytest.MonkeyPatch, drawn: str
) -> None:
    monkeypatch.setattr(services, "_draw_lot", lambda: drawn)
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ordförande", kind=AgendaItem.Kind.ELECTION
    )
    first, second = two_proposals(secretary, item, ks)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=first,
        no_proposal=second,
        ballots={ks.chair: NO, ks.bo: NO, ks.cecilia: YES, ks.david: YES},
    )

    assert (vote.yes_count, vote.no_count) == (2, 2)
    assert vote.decided_by_lot and not vote.casting_vote
    assert vote.winner == (first if drawn == rules.YES else second)


def test_the_lot_is_drawn_by_the_system_and_the_minutes_say_so(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ombud", kind=AgendaItem.Kind.ELECTION
    )
    first, second = two_proposals(secretary, item, ks)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=first,
        no_proposal=second,
        counts={YES: 2, NO: 2},
        method=Vote.Method.SECRET,
    )

    assert vote.decided_by_lot and vote.winner in (first, second)
    text = pdf_text(packets.minutes_pdf(opened, public=False))
    assert "Lika röstetal: lotten avgjorde valet." in text


def test_in_an_election_the_chair_has_no_casting_vote(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ombud", kind=AgendaItem.Kind.ELECTION
    )
    first, second = two_proposals(secretary, item, ks)

    with pytest.raises(ValidationError, match="Vid val avgör lotten"):
        services.vote_record(
            actor=secretary,
            item=item,
            yes_proposal=first,
            no_proposal=second,
            counts={YES: 2, NO: 2},
            method=Vote.Method.SECRET,
            casting_vote_for=YES,
        )


def test_a_tie_in_another_matter_asks_for_the_chairs_casting_vote(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa för bygglov")
    first, second = two_proposals(secretary, item, ks)
    tied = {ks.chair: Ballot.Choice.ABSTAIN, ks.bo: NO, ks.cecilia: YES}

    with pytest.raises(ValidationError, match=r"utslagsröst avgör \(KL 6 kap. 33 §\)"):
        services.vote_record(
            actor=secretary, item=item, yes_proposal=first, no_proposal=second, ballots=tied
        )

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=first,
        no_proposal=second,
        ballots=tied,
        casting_vote_for=NO,
    )
    assert vote.casting_vote and not vote.decided_by_lot and vote.winner == second
