"""A consultation the order requires only "vid behov": Blekinge's instruction, Arbetsgivar-
ansvar ("Förvaltningschefer, direktörers och chefers befogenhet och ansvar ska vid behov
utformas i samråd med respektive nämndsordförande", seed 000). At registration the director
records it held, or not needed with a reason, which is kept with the decision, shown on its
page and logged; a required consultation cannot be waived."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.services import EvidenceRow, decision_record, evidence_add
from kansli.decisions.tests.conftest import organization, position
from kansli.organisation.models import Body

CHAIR = "regionstyrelsen-ordforande"
REASON = "Befogenheterna ändras inte, bara chefens titel."


@pytest.fixture
def director(blekinge: Body) -> User:
    return User.objects.select_related("person").get(username="blekinge-direktor")


def powers(director: User, blekinge: Body, today: datetime.date, **changes: object) -> Decision:
    arguments = {
        "actor": director,
        "body": blekinge,
        "decision_type": "befogenheter-och-ansvar",
        "decided_by": director.person,
        "capacity": position(blekinge, "regiondirektor"),
        "concerning": organization(blekinge, "landstingsservice"),
        "amount": None,
        "decided_on": today,
        "title": "Befogenheter för förvaltningschefen för landstingsservice",
    }
    return decision_record(**(arguments | changes))


def test_the_director_waives_it_with_a_reason_and_the_decision_is_recorded(
    client: Client, director: User, blekinge: Body, today: datetime.date
) -> None:
    waived = EvidenceRow("consultation", CHAIR, today, REASON, waived=True)

    decision = powers(director, blekinge, today, evidence=[waived])

    evidence = decision.evidence.get()
    assert decision.status == Decision.Status.RECORDED
    assert (evidence.waived, evidence.note) == (True, REASON)
    logged = Event.objects.get(object_type="decisions.evidence", object_id=str(evidence.pk))
    assert (logged.after["waived"], logged.after["note"]) == (True, REASON)
    client.force_login(director)
    page = client.get(f"/blekinge/beslut/{decision.pk}/").content.decode()
    assert "Samråd vid behov med ordföranden i regionstyrelsen" in page
    assert "Behövdes inte" in page
    assert REASON in page


def test_a_waiver_needs_a_reason(director: User, blekinge: Body, today: datetime.date) -> None:
    with pytest.raises(ValidationError) as refused:
        powers(
            director,
            blekinge,
            today,
            evidence=[EvidenceRow("consultation", CHAIR, today, " ", waived=True)],
        )

    assert refused.value.messages == [
        "Ange skälet till att samrådet med ordföranden i regionstyrelsen inte behövdes."
    ]
    assert not Decision.objects.filter(decision_type="befogenheter-och-ansvar").exists()


def test_the_database_keeps_no_waiver_without_a_reason(
    director: User, blekinge: Body, today: datetime.date
) -> None:
    waived = EvidenceRow("consultation", CHAIR, today, REASON, waived=True)
    evidence = powers(director, blekinge, today, evidence=[waived]).evidence.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.filter(pk=evidence.pk).update(note="")


def test_a_draft_is_completed_by_waiving_it_later(
    director: User, blekinge: Body, today: datetime.date
) -> None:
    draft = powers(director, blekinge, today)

    decision = evidence_add(
        actor=director,
        decision=draft,
        kind="consultation",
        party=CHAIR,
        date=today,
        note=REASON,
        waived=True,
    )

    assert draft.status == Decision.Status.DRAFT
    assert decision.status == Decision.Status.RECORDED
    assert Evidence.objects.get(decision=decision).waived


def test_a_required_consultation_cannot_be_waived(blekinge: Body, today: datetime.date) -> None:
    member = User.objects.select_related("person").get(username="blekinge-ledamot")

    with pytest.raises(ValidationError) as refused:
        decision_record(
            actor=member,
            body=blekinge,
            decision_type="anstallning-ledningsgrupp",
            decided_by=member.person,
            capacity=organization(blekinge, "regionstyrelsen"),
            concerning=None,
            amount=None,
            decided_on=today,
            title="Anställning av hälso- och sjukvårdsdirektör",
            evidence=[EvidenceRow("consultation", "regiondirektor", today, REASON, waived=True)],
        )

    assert refused.value.messages == [
        "Samråd med regiondirektören krävs enligt Instruktion till landstingsdirektör "
        "Arbetsgivaransvar och kan inte avstås; bara ett samråd vid behov kan registreras som "
        "inte behövt."
    ]
