"""The session page offers "Val" as an item kind and, on an election, the secret ballot; after
the meeting closed it takes the written reasons of a dissent entered at it."""

from django.test import Client

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting, Vote
from kansli.meetings.tests.conftest import Board
from kansli.meetings.tests.sitting import action_url, item_url, page, signed_in


def session(client: Client, meeting: Meeting) -> str:
    response = client.get(page("meetings:meeting_session", meeting))
    assert response.status_code == 200
    return response.content.decode()


def test_an_election_is_added_and_decided_by_secret_ballot_on_the_page(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    client = signed_in(secretary)
    client.post(
        action_url(opened, "punkt"),
        {"punkt-rubrik": "Val av ombud", "punkt-slag": AgendaItem.Kind.ELECTION},
    )
    election = opened.items.get(title="Val av ombud")
    ordinary = services.item_add(actor=secretary, meeting=opened, title="Taxa")
    for item in (election, ordinary):
        services.proposal_add(actor=secretary, item=item, text="Anna Andersson")
        services.proposal_add(actor=secretary, item=item, text="Bo Berg", proposer=ks.bo)

    html = session(client, opened)
    assert f'action="{item_url(election, "sluten")}"' in html
    assert f'action="{item_url(ordinary, "sluten")}"' not in html

    first, second = election.proposals.order_by("position")
    prefix = f"sluten-{election.pk}"
    response = client.post(
        item_url(election, "sluten"),
        {
            f"{prefix}-ja": first.pk,
            f"{prefix}-nej": second.pk,
            f"{prefix}-ja_roster": 1,
            f"{prefix}-nej_roster": 3,
            f"{prefix}-blanka": 0,
        },
    )

    assert response.status_code == 302
    vote = Vote.objects.get(item=election)
    assert (vote.method, vote.winner) == (Vote.Method.SECRET, second)


def test_the_written_reasons_are_added_after_the_meeting_closed(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa", proposal="Bifall")
    services.item_decide(actor=secretary, item=item)
    dissent = services.dissent_record(actor=secretary, item=item, person=ks.bo)
    services.meeting_close(actor=secretary, meeting=opened)
    client = signed_in(secretary)

    assert f'action="{item_url(item, "motivering")}"' in session(client, opened)
    prefix = f"motivering-{item.pk}"
    response = client.post(
        item_url(item, "motivering"),
        {f"{prefix}-person": ks.bo.pk, f"{prefix}-motivering": "Taxan är för hög."},
    )

    assert response.status_code == 302
    dissent.refresh_from_db()
    assert dissent.reasons == "Taxan är för hög."
