"""Only a user linked to a person records decisions, only in that person's own name and in a
capacity the person holds on the day; only the decision maker completes a draft."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.decisions.models import Decision
from kansli.decisions.services import evidence_add
from kansli.decisions.tests.conftest import position
from kansli.organisation.models import Body


def test_a_user_without_a_person_may_not_record(
    reorganise: Callable[..., Decision],
) -> None:
    user = user_create(actor=None, username="utan-person", password=None)

    with pytest.raises(PermissionDenied, match="kopplade till en person"):
        reorganise(actor=user)

    assert not Decision.objects.exists()


def test_a_user_may_not_record_in_someone_elses_name(
    reorganise: Callable[..., Decision],
) -> None:
    registrar = User.objects.get(username="registrator")

    with pytest.raises(PermissionDenied, match="i ditt eget namn"):
        reorganise(actor=registrar)

    assert not Decision.objects.exists()


def test_a_user_of_another_body_may_not_record(reorganise: Callable[..., Decision]) -> None:
    other = User.objects.get(username="blekinge-direktor")

    with pytest.raises(PermissionDenied, match="hör inte till Vänersborgs kommun"):
        reorganise(actor=other, decided_by=other.person)


def test_the_capacity_must_be_held_on_the_day_of_the_decision(
    reorganise: Callable[..., Decision], vanersborg: Body
) -> None:
    with pytest.raises(ValidationError, match="innehar inte befattningen Biträdande"):
        reorganise(capacity=position(vanersborg, "bitradande-kommundirektor"))
    with pytest.raises(ValidationError, match="innehar inte befattningen Kommundirektör den"):
        reorganise(decided_on=datetime.date(2019, 6, 1))

    assert not Decision.objects.exists()


def test_only_the_decision_maker_completes_a_draft(
    reorganise: Callable[..., Decision], today: datetime.date
) -> None:
    draft = reorganise()
    registrar = User.objects.get(username="registrator")

    with pytest.raises(PermissionDenied, match="Bara beslutsfattaren"):
        evidence_add(actor=registrar, decision=draft, kind="approval", party="pfu", date=today)

    draft.refresh_from_db()
    assert draft.is_draft
    assert not draft.evidence.exists()
