"""Evidence is accepted only for a requirement the rule has, once, dated on or before the
decision and not in the future; a recorded decision takes no more."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.decisions.models import Decision, Evidence
from kansli.decisions.services import evidence_add


def test_evidence_for_a_requirement_the_rule_lacks_is_refused(
    reorganise: Callable[..., Decision], today: datetime.date
) -> None:
    with pytest.raises(ValidationError, match="inget krav på samråd med ”ks-ordforande”"):
        reorganise(evidence=[("consultation", "ks-ordforande", today, "")])

    assert not Decision.objects.exists()


def test_an_approval_after_the_decision_does_not_count(
    reorganise: Callable[..., Decision], today: datetime.date
) -> None:
    yesterday = today - datetime.timedelta(days=1)

    with pytest.raises(ValidationError, match="ska vara uppfyllt före beslutet"):
        reorganise(decided_on=yesterday, evidence=[("approval", "pfu", today, "")])


def test_an_approval_in_the_future_is_refused(
    reorganise: Callable[..., Decision], today: datetime.date
) -> None:
    tomorrow = today + datetime.timedelta(days=1)

    with pytest.raises(ValidationError, match="har inte inträffat"):
        reorganise(decided_on=tomorrow, evidence=[("approval", "pfu", tomorrow, "")])


def test_a_recorded_decision_takes_no_more_evidence(
    reorganise: Callable[..., Decision], director: User, today: datetime.date
) -> None:
    decision = reorganise(evidence=[("approval", "pfu", today, "")])

    with pytest.raises(ValidationError, match="redan registrerat"):
        evidence_add(actor=director, decision=decision, kind="approval", party="pfu", date=today)

    assert Evidence.objects.count() == 1
