"""A decision the engine denies is refused with its reasons, citing the rules, and nothing of
it is saved: neither the decision, its evidence nor an event in the audit log."""

import datetime
from collections.abc import Callable

import pytest

from kansli.accounts.models import Role
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.services import DecisionDeniedError
from kansli.decisions.tests.conftest import position
from kansli.organisation.models import Body


def test_a_department_head_may_not_reorganise_another_department(
    reorganise: Callable[..., Decision], vanersborg: Body, today: datetime.date
) -> None:
    head = position(vanersborg, "forvaltningschef-samhallsbyggnadsforvaltningen")
    person = head.appointments.get().person
    user = user_create(
        actor=None, username="thomas", password=None, person=person, roles=[Role.CASE_OFFICER]
    )
    events = Event.objects.count()

    with pytest.raises(DecisionDeniedError) as refused:
        reorganise(
            actor=user,
            decided_by=person,
            capacity=head,
            evidence=[("approval", "pfu", today, "")],
        )

    assert (
        "Beslutet fattas av kommundirektören enligt regel 5.2.3 "
        "(Kommundirektörsinstruktion 5.2.3)." in refused.value.messages
    )
    assert refused.value.verdict.outcome == "denied"
    assert not Decision.objects.exists()
    assert not Evidence.objects.exists()
    assert Event.objects.count() == events


def test_the_director_may_not_reorganise_a_company(
    reorganise: Callable[..., Decision], vanersborg: Body
) -> None:
    with pytest.raises(DecisionDeniedError) as refused:
        reorganise(concerning=vanersborg.organizations.get(slug="vanersborgs-energi-ab"))

    assert (
        "Regeln gäller förvaltningar utom kommunstyrelseförvaltningen, men beslutet gäller "
        "Vänersborgs Energi AB (Kommundirektörsinstruktion 5.2.3)." in refused.value.messages
    )
    assert not Decision.objects.exists()
