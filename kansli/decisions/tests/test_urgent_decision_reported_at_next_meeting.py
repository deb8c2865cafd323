"""KL 6 kap. 39 §: a decision in a matter too urgent to wait for the board, made by a member
the board's order names, "ska anmälas vid nämndens nästa sammanträde": its report is due at
the board's first meeting on or after the decision, not within the body's usual days; with no
meeting planned it is due "vid nästa sammanträde", without a date and never overdue."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decisions_reported_late
from kansli.decisions.services import decision_record
from kansli.decisions.tests.conftest import api_client_of, organization
from kansli.delegation.services import order_import
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Membership
from kansli.organisation.selectors import members_on

URGENT_ORDER = """\
format: 2
order:
  id: rs-delegationsordning-2020
  body: blekinge
  organization: regionstyrelsen
  document: Delegationsordning för regionstyrelsen
  version: "1"
  valid_from: 2020-01-01
parties:
  regionstyrelsen-ledamot: {kind: member, name: en ledamot i regionstyrelsen}
decision_types:
  bradskande-arende: {name: Beslut i brådskande ärende}
rules:
  - id: rs-1
    number: "1"
    decision_type: bradskande-arende
    matter: Besluta i ärenden så brådskande att styrelsens beslut inte kan avvaktas
    delegate: regionstyrelsen-ledamot
    limits:
      conditions:
        - {code: bradskande, text: ärendet är så brådskande att styrelsens beslut inte kan avvaktas}
    legal_basis: [KL 6 kap. 39 §]
    source: {section: "1"}
"""

# The council's rules for every committee: "ordföranden i respektive nämnd" decides the urgent
# matters of the committee the decision concerns.
RELATIVE_ORDER = """\
format: 2
order:
  id: rf-reglemente-2020
  body: blekinge
  organization: regionfullmaktige
  document: Reglemente för nämnderna
  version: "1"
  valid_from: 2020-01-01
parties:
  berord-ordforande: {kind: chair, name: ordföranden i respektive nämnd}
decision_types:
  bradskande-arende: {name: Beslut i brådskande ärende}
rules:
  - id: rf-1
    number: "1"
    decision_type: bradskande-arende
    matter: Besluta i ärenden så brådskande att nämndens beslut inte kan avvaktas
    delegate: berord-ordforande
    limits:
      conditions:
        - {code: bradskande, text: ärendet är så brådskande att nämndens beslut inte kan avvaktas}
    legal_basis: [KL 6 kap. 39 §]
    source: {section: "1"}
"""


@pytest.fixture
def member(blekinge: Body) -> User:
    """A member of regionstyrelsen, to whom the board gives its urgent matters."""
    order_import(actor=None, body=blekinge, text=URGENT_ORDER, source_name="rs.yaml")
    return User.objects.select_related("person").get(username="blekinge-ledamot")


@pytest.fixture
def board(blekinge: Body) -> object:
    """Regionstyrelsen with none of the demo's meetings: each test plans its own."""
    board = organization(blekinge, "regionstyrelsen")
    Meeting.objects.filter(organization=board).update(status=Meeting.Status.CANCELLED)
    return board


def meet(board: object, day: datetime.date) -> Meeting:
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    return Meeting.objects.create(organization=board, starts_at=starts)


def urgent(member: User, blekinge: Body, on: datetime.date) -> Decision:
    return decision_record(
        actor=member,
        body=blekinge,
        decision_type="bradskande-arende",
        decided_by=member.person,
        capacity=None,
        concerning=None,
        amount=None,
        decided_on=on,
        title="Tillfälligt stängd vårdcentral efter vattenläcka",
        conditions=["bradskande"],
    )


def test_the_report_is_due_at_the_boards_next_meeting(member, blekinge, board, today) -> None:
    meet(board, today - datetime.timedelta(days=1))
    meet(board, today + datetime.timedelta(days=9))
    meet(board, today + datetime.timedelta(days=40))

    decision = urgent(member, blekinge, today)

    assert decision.status == Decision.Status.RECORDED
    assert decision.report_to == board
    assert decision.report_at_next_meeting
    assert decision.report_due is None
    assert decision.report_deadline == today + datetime.timedelta(days=9)
    assert (
        "Beslutet ska anmälas vid nästa sammanträde med regionstyrelsen "
        "(kommunallagen 6 kap. 39 §)." in decision.verdict["reasons"]
    )


def test_with_no_meeting_planned_it_is_due_at_the_next_meeting_undated(
    client: Client, member, blekinge, board, today
) -> None:
    decision = urgent(member, blekinge, today - datetime.timedelta(days=45))
    client.force_login(User.objects.get(username="blekinge-registrator"))

    page = client.get(f"/blekinge/beslut/{decision.pk}/").content.decode()
    unreported = client.get(
        "/blekinge/beslut/att-anmala/", {"organisation": "regionstyrelsen"}
    ).content.decode()
    answer = api_client_of(member).get(f"/api/v1/bodies/blekinge/decisions/{decision.pk}").json()

    assert decision.report_deadline is None
    assert "ska anmälas vid nästa sammanträde med Regionstyrelsen" in page
    assert "kommunallagen 6 kap. 39 §" in page
    assert "inget sammanträde är planerat" in page
    assert "Anmälan försenad" not in page
    assert "vid nästa sammanträde" in unreported
    assert "försenad" not in unreported
    assert (answer["report_due"], answer["report_at_next_meeting"]) == (None, True)
    assert not decisions_reported_late(organization=board, on=today).exists()


def test_it_is_late_once_the_next_meeting_has_passed_unreported(
    member, blekinge, board, today
) -> None:
    decision = urgent(member, blekinge, today - datetime.timedelta(days=10))
    cancelled = meet(board, today - datetime.timedelta(days=5))
    cancelled.status = Meeting.Status.CANCELLED
    cancelled.save()

    before_it_is_held = list(decisions_reported_late(organization=board, on=today))
    meet(board, today - datetime.timedelta(days=3))

    assert before_it_is_held == []
    assert list(decisions_reported_late(organization=board, on=today)) == [decision]


def test_an_ordinary_delegated_decision_keeps_the_usual_days(blekinge, board, today) -> None:
    director = User.objects.get(username="blekinge-direktor")
    meet(board, today + datetime.timedelta(days=2))

    decision = decision_record(
        actor=director,
        body=blekinge,
        decision_type="anstallning-personal",
        decided_by=director.person,
        capacity=None,
        concerning=organization(blekinge, "kanslienheten"),
        amount=None,
        decided_on=today,
        title="Anställning av registrator vid kanslienheten",
    )

    assert not decision.report_at_next_meeting
    assert decision.report_deadline == decision.report_due == today + datetime.timedelta(days=30)


def test_a_chair_of_respektive_namnd_reports_at_that_committees_next_meeting(
    blekinge, board, today
) -> None:
    order_import(actor=None, body=blekinge, text=RELATIVE_ORDER, source_name="reglemente.yaml")
    committee = organization(blekinge, "trafiknamnden")
    Meeting.objects.filter(organization=committee).update(status=Meeting.Status.CANCELLED)
    meet(board, today + datetime.timedelta(days=2))
    meet(committee, today + datetime.timedelta(days=12))
    chair = members_on(organization=committee, on=today).get(role=Membership.Role.CHAIR).person
    user = user_create(
        actor=None, username="trafik-ordf", password=None, person=chair, roles=[Role.ELECTED_MEMBER]
    )

    decision = decision_record(
        actor=user,
        body=blekinge,
        decision_type="bradskande-arende",
        decided_by=chair,
        capacity=None,
        concerning=committee,
        amount=None,
        decided_on=today,
        title="Ersättningstrafik när tågen står still efter stormen",
        conditions=["bradskande"],
    )

    assert decision.status == Decision.Status.RECORDED
    assert decision.report_to == committee
    assert decision.report_at_next_meeting
    assert decision.report_deadline == today + datetime.timedelta(days=12)
    assert (
        "Beslutet ska anmälas vid nästa sammanträde med trafiknämnden "
        "(kommunallagen 6 kap. 39 §)." in decision.verdict["reasons"]
    )
