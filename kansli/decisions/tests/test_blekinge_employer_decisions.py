"""Region Blekinge's instruction (seed 000), "Arbetsgivaransvar": the director hires the staff
of the director's own staff and reports it to the board; the board hires the management
group after consulting the director."""

import datetime

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.services import decision_record
from kansli.decisions.tests.conftest import organization, position
from kansli.organisation.models import Body


def test_the_regional_director_hires_for_her_staff_and_reports_it_to_the_board(
    blekinge: Body, today: datetime.date
) -> None:
    director = User.objects.get(username="blekinge-direktor")

    decision = decision_record(
        actor=director,
        body=blekinge,
        decision_type="anstallning-personal",
        decided_by=director.person,
        capacity=position(blekinge, "regiondirektor"),
        concerning=organization(blekinge, "kanslienheten"),
        amount=None,
        decided_on=today,
        title="Anställning av registrator vid kanslienheten",
    )

    assert decision.status == Decision.Status.RECORDED
    assert decision.kind == Decision.Kind.INSTRUCTION
    assert decision.citation == "Instruktion till landstingsdirektör Arbetsgivaransvar"
    assert decision.source_rule == "Arbetsgivaransvar 1"
    assert decision.report_to == organization(blekinge, "regionstyrelsen")


def test_the_board_hires_the_management_group_once_the_director_is_consulted(
    blekinge: Body, today: datetime.date
) -> None:
    member = User.objects.get(username="blekinge-ledamot")
    board = organization(blekinge, "regionstyrelsen")
    arguments = {
        "actor": member,
        "body": blekinge,
        "decision_type": "anstallning-ledningsgrupp",
        "decided_by": member.person,
        "capacity": board,
        "concerning": None,
        "amount": None,
        "decided_on": today,
        "title": "Anställning av hälso- och sjukvårdsdirektör",
    }

    draft = decision_record(**arguments)
    decision = decision_record(
        **arguments, evidence=[("consultation", "regiondirektor", today, "Samråd per telefon")]
    )

    assert draft.status == Decision.Status.DRAFT
    assert (
        "Beslutet kräver samråd med regiondirektören "
        "(Instruktion till landstingsdirektör Arbetsgivaransvar)." in draft.verdict["reasons"]
    )
    assert decision.status == Decision.Status.RECORDED
    assert decision.kind == Decision.Kind.MEETING
    assert decision.organization == board
    assert decision.report_to is None
