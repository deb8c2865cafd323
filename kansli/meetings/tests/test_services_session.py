"""Holding the meeting: attendance and substitutes in order, quorum before every decision,
disqualification in one item, votes with the casting vote, minute numbers and dissents."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Attendance, Ballot, Meeting, Vote
from kansli.meetings.tests.conftest import Board, at, ready_case
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization
from kansli.preparation.models import Preparation

YES, NO, ABSTAIN = Ballot.Choice.YES, Ballot.Choice.NO, Ballot.Choice.ABSTAIN


def case_item(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(kind=AgendaItem.Kind.CASE)


def absent(secretary: User, meeting: Meeting, *people: object) -> None:
    for who in people:
        services.attendance_set(actor=secretary, meeting=meeting, person=who, present=False)


@pytest.fixture
def with_case(ks: Board) -> None:
    ready_case(ks.organization, "Riktlinje för representation", route=[ks.organization])


def test_prefill_enters_members_and_substitutes_present(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    rows = services.attendance_prefill(actor=secretary, meeting=meeting)

    capacities = {row.person: row.capacity for row in rows}
    assert capacities[ks.chair] == Attendance.Capacity.MEMBER
    assert capacities[ks.erik] == Attendance.Capacity.SUBSTITUTE
    assert len(rows) == 7
    assert all(row.present for row in rows)
    assert selectors.serving_members(meeting=meeting) == [
        row.person for row in rows if row.capacity == Attendance.Capacity.MEMBER
    ]


def test_three_of_four_members_is_a_quorum_two_is_not(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    absent(secretary, opened, ks.bo)
    assert selectors.quorum_of(meeting=opened).met

    absent(secretary, opened, ks.cecilia)

    quorum = selectors.quorum_of(meeting=opened)
    assert (quorum.met, quorum.present, quorum.needed) == (False, 2, 3)
    with pytest.raises(ValidationError) as refused:
        services.item_decide(actor=secretary, item=case_item(opened))
    assert refused.value.messages == [
        "Kommunstyrelsen är inte beslutför: 2 av 4 ledamöter tjänstgör, minst 3 behövs "
        "(mer än hälften, KL 6 kap. 27 §)."
    ]
    assert case_item(opened).status == AgendaItem.Status.PENDING


def test_a_serving_substitute_restores_the_quorum(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    absent(secretary, opened, ks.bo, ks.cecilia)

    services.substitute_serve(
        actor=secretary, meeting=opened, substitute=ks.frida, serves_for=ks.cecilia
    )

    assert selectors.quorum_of(meeting=opened).met
    item = services.item_decide(actor=secretary, item=case_item(opened))
    assert item.status == AgendaItem.Status.DECIDED


def test_substitutes_are_called_same_party_first_then_by_rank(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    absent(secretary, opened, ks.cecilia)

    with pytest.raises(ValidationError, match="Frida Fors står före"):
        services.substitute_serve(
            actor=secretary, meeting=opened, substitute=ks.erik, serves_for=ks.cecilia
        )
    with pytest.raises(ValidationError, match="Frida Fors står före"):
        services.substitute_serve(
            actor=secretary, meeting=opened, substitute=ks.gustav, serves_for=ks.cecilia
        )
    row = services.substitute_serve(
        actor=secretary, meeting=opened, substitute=ks.frida, serves_for=ks.cecilia
    )
    assert row.serves_for == ks.cecilia


def test_a_member_who_comes_back_takes_the_seat_from_the_substitute(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    absent(secretary, opened, ks.cecilia)
    services.substitute_serve(
        actor=secretary, meeting=opened, substitute=ks.frida, serves_for=ks.cecilia
    )

    services.attendance_set(actor=secretary, meeting=opened, person=ks.cecilia, present=True)

    assert ks.frida not in selectors.serving_members(meeting=opened)
    assert ks.cecilia in selectors.serving_members(meeting=opened)


def test_a_disqualified_member_takes_no_part_in_that_item_only(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    other = services.item_add(actor=secretary, meeting=opened, title="Övrigt ärende")

    services.disqualification_record(
        actor=secretary,
        item=item,
        person=ks.cecilia,
        ground="Styrelseledamot i bolaget",
        substitute=ks.frida,
    )

    in_item = selectors.serving_members(meeting=opened, item=item)
    assert ks.cecilia not in in_item
    assert ks.frida in in_item
    assert ks.cecilia in selectors.serving_members(meeting=opened, item=other)
    assert ks.frida not in selectors.serving_members(meeting=opened, item=other)
    assert ks.frida not in selectors.serving_members(meeting=opened)


def test_a_disqualified_member_may_not_vote_in_the_item(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    services.disqualification_record(actor=secretary, item=item, person=ks.cecilia, ground="Jäv")
    main = services.proposal_add(actor=secretary, item=item, text="Bifall")
    counter = services.proposal_add(actor=secretary, item=item, text="Avslag", proposer=ks.bo)

    with pytest.raises(ValidationError, match="Cecilia Ceder tjänstgör inte"):
        services.vote_record(
            actor=secretary,
            item=item,
            yes_proposal=main,
            no_proposal=counter,
            ballots={ks.chair: YES, ks.bo: NO, ks.cecilia: YES, ks.david: NO},
        )


def test_disqualifications_without_substitutes_can_break_the_quorum(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    services.disqualification_record(actor=secretary, item=item, person=ks.bo, ground="Jäv")
    services.disqualification_record(actor=secretary, item=item, person=ks.david, ground="Jäv")

    assert not selectors.quorum_of(meeting=opened, item=item).met
    with pytest.raises(ValidationError, match="inte beslutför"):
        services.item_decide(actor=secretary, item=item)


def test_roll_call_keeps_each_vote_and_the_tally(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    main = services.proposal_add(actor=secretary, item=item, text="Bifall")
    counter = services.proposal_add(actor=secretary, item=item, text="Avslag", proposer=ks.bo)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=main,
        no_proposal=counter,
        ballots={ks.chair: YES, ks.bo: NO, ks.cecilia: YES, ks.david: ABSTAIN},
    )

    assert (vote.yes_count, vote.no_count, vote.abstain_count) == (2, 1, 1)
    assert vote.winner == main and not vote.casting_vote
    assert {(b.person, b.choice) for b in vote.ballots.all()} == {
        (ks.chair, YES),
        (ks.bo, NO),
        (ks.cecilia, YES),
        (ks.david, ABSTAIN),
    }
    item.refresh_from_db()
    # The prepared proposal carried: the decision is its att-satser, not the proposal's label.
    clauses = Preparation.objects.get(case=item.case).clauses.order_by("position")
    assert (item.status, item.method, item.resolution) == (
        AgendaItem.Status.DECIDED,
        AgendaItem.Method.VOTE,
        "\n".join(clause.text for clause in clauses),
    )


def test_a_tie_goes_to_the_chairs_side(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    main = services.proposal_add(actor=secretary, item=item, text="Bifall")
    counter = services.proposal_add(actor=secretary, item=item, text="Avslag", proposer=ks.bo)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=main,
        no_proposal=counter,
        ballots={ks.chair: NO, ks.bo: NO, ks.cecilia: YES, ks.david: YES},
    )

    assert (vote.yes_count, vote.no_count) == (2, 2)
    assert vote.casting_vote
    assert vote.winner == counter


def test_a_substitute_not_serving_gets_no_ballot(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    main = services.proposal_add(actor=secretary, item=item, text="Bifall")
    counter = services.proposal_add(actor=secretary, item=item, text="Avslag", proposer=ks.bo)

    with pytest.raises(ValidationError, match="Erik Ek tjänstgör inte"):
        services.vote_record(
            actor=secretary,
            item=item,
            yes_proposal=main,
            no_proposal=counter,
            ballots={ks.chair: YES, ks.erik: NO},
        )
    assert not Vote.objects.exists()


def test_a_secret_ballot_keeps_only_the_counts(secretary: User, opened: Meeting, ks: Board) -> None:
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ombud", kind=AgendaItem.Kind.ELECTION
    )
    first = services.proposal_add(actor=secretary, item=item, text="Anna Andersson")
    second = services.proposal_add(actor=secretary, item=item, text="Bo Berg", proposer=ks.bo)

    vote = services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=first,
        no_proposal=second,
        counts={YES: 1, NO: 3},
        method=Vote.Method.SECRET,
    )

    assert vote.winner == second
    assert not vote.ballots.exists()


def test_a_secret_ballot_counts_no_more_votes_than_serving_members(
    secretary: User, opened: Meeting
) -> None:
    item = services.item_add(
        actor=secretary, meeting=opened, title="Val av ersättare", kind=AgendaItem.Kind.ELECTION
    )
    first = services.proposal_add(actor=secretary, item=item, text="A")
    second = services.proposal_add(actor=secretary, item=item, text="B")

    with pytest.raises(ValidationError, match="Fler röster"):
        services.vote_record(
            actor=secretary,
            item=item,
            yes_proposal=first,
            no_proposal=second,
            counts={YES: 3, NO: 2},
            method=Vote.Method.SECRET,
        )


def test_a_decided_item_is_a_decision_in_the_register_and_the_case_is_decided(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = services.item_decide(actor=secretary, item=case_item(opened))

    decision = item.decision
    assert decision.kind == Decision.Kind.MEETING
    assert decision.organization == ks.organization
    assert decision.decided_on == datetime.date(2026, 12, 1)
    assert decision.case_reference == item.case.number
    assert decision.text == "att anta riktlinje för representation"
    assert decision.citation == f"Protokoll KS 2026-12-01 § {item.minute_number}"
    assert item.case.preparation.status == Preparation.Status.DECIDED


def test_a_case_decided_by_the_subcommittee_goes_on_to_the_board(
    secretary: User, schedule: Callable[..., Meeting], ks: Board
) -> None:
    au = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.SUBCOMMITTEE,
        slug="au",
        name="Arbetsutskottet",
        short_name="AU",
        parent=ks.organization,
    )
    for who in (ks.chair, ks.bo, ks.cecilia):
        organisation.membership_create(
            actor=None,
            person=who,
            organization=au,
            role=Membership.Role.MEMBER,
            start=datetime.date(2023, 1, 1),
        )
    case = ready_case(ks.organization, "Taxa", route=[au, ks.organization])
    meeting = schedule(organization=au)
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    services.meeting_open(actor=secretary, meeting=meeting)

    services.item_decide(actor=secretary, item=case_item(meeting))

    case.preparation.refresh_from_db()
    assert case.preparation.step.organization == ks.organization
    assert case.preparation.status == Preparation.Status.PREPARING


def test_minute_numbers_run_on_across_meetings_and_restart_each_year(
    secretary: User,
    schedule: Callable[..., Meeting],
    ks: Board,
    frozen_now: Callable[[datetime.datetime], None],
) -> None:
    def hold(day: datetime.date, titles: list[str]) -> list[int]:
        frozen_now(at(day))  # each meeting is held on its day
        meeting = schedule(day)
        services.attendance_prefill(actor=secretary, meeting=meeting)
        items = [
            services.item_add(actor=secretary, meeting=meeting, title=t, proposal="Bifall")
            for t in titles
        ]
        services.meeting_open(actor=secretary, meeting=meeting)
        return [services.item_decide(actor=secretary, item=i).minute_number for i in items]

    assert hold(datetime.date(2026, 11, 3), ["A", "B"]) == [1, 2]
    assert hold(datetime.date(2026, 12, 1), ["C", "D", "E"]) == [3, 4, 5]
    assert hold(datetime.date(2027, 1, 12), ["F"]) == [1]


def test_a_withdrawn_item_gets_no_paragraph_a_tabled_one_does(
    secretary: User, opened: Meeting
) -> None:
    first = services.item_add(actor=secretary, meeting=opened, title="Utgår")
    second = services.item_add(actor=secretary, meeting=opened, title="Bordläggs")

    first = services.item_note(actor=secretary, item=first, status=AgendaItem.Status.WITHDRAWN)
    second = services.item_note(actor=secretary, item=second, status=AgendaItem.Status.TABLED)

    assert first.minute_number is None
    assert second.minute_number == 1


def test_only_someone_who_took_part_may_dissent(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    item = case_item(opened)
    main = services.proposal_add(actor=secretary, item=item, text="Bifall")
    counter = services.proposal_add(actor=secretary, item=item, text="Avslag", proposer=ks.bo)
    services.vote_record(
        actor=secretary,
        item=item,
        yes_proposal=main,
        no_proposal=counter,
        ballots={ks.chair: YES, ks.bo: NO, ks.cecilia: YES, ks.david: ABSTAIN},
    )

    dissent = services.dissent_record(
        actor=secretary, item=item, person=ks.bo, reasons="Kostnaden är för hög."
    )

    assert dissent.reasons == "Kostnaden är för hög."
    for outsider in (ks.erik, ks.david):
        with pytest.raises(ValidationError, match="deltog i beslutet"):
            services.dissent_record(actor=secretary, item=item, person=outsider)


def test_a_counter_proposal_only_from_someone_serving(
    secretary: User, with_case: None, opened: Meeting, ks: Board
) -> None:
    with pytest.raises(ValidationError, match="Bara den som tjänstgör"):
        services.proposal_add(
            actor=secretary, item=case_item(opened), text="Avslag", proposer=ks.erik
        )


def test_nothing_is_decided_before_the_meeting_opens(
    secretary: User, with_case: None, meeting: Meeting
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    services.attendance_prefill(actor=secretary, meeting=meeting)

    with pytest.raises(ValidationError, match="planerat"):
        services.item_decide(actor=secretary, item=case_item(meeting))
