import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.followup.models import Certification
from kansli.followup.selectors.certification import (
    certification_rights_evidence,
    certifications_outside_rights,
)
from kansli.followup.services import certification, economy
from kansli.followup.tests.conftest import person

ON = datetime.date(2026, 3, 2)


@pytest.fixture
def anders(body):
    return person(body, "Anders", "Lind")


@pytest.fixture
def right(director_user, anders, staff_unit):
    return certification.certification_right_appoint(
        actor=director_user,
        person=anders,
        organization=staff_unit,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        max_amount=Decimal(50_000),
    )


def certify(actor, certifier, organization, amount, payee_name="Leverantören AB", **kwargs):
    return certification.payment_certify(
        actor=actor,
        certifier=certifier,
        organization=organization,
        amount=Decimal(amount),
        payee_name=payee_name,
        reference="V-1001",
        certified_on=kwargs.pop("on", ON),
        **kwargs,
    )


def test_a_payment_within_the_right_is_certified_under_it(right, anders, staff_unit):
    done = certify(None, anders, staff_unit, 49_999)
    assert done.right == right
    assert done.payee_name == "Leverantören AB"


def test_a_payment_to_the_certifier_is_refused_whatever_the_right(right, anders, staff_unit):
    with pytest.raises(ValidationError, match="Ingen får attestera en utbetalning till sig själv"):
        certify(None, anders, staff_unit, 100, payee_name="", payee=anders)
    with pytest.raises(ValidationError, match="till sig själv"):
        certify(None, anders, staff_unit, 100, payee_name="anders lind")
    assert not Certification.objects.exists()


def test_an_amount_over_the_limit_is_refused(right, anders, staff_unit):
    with pytest.raises(ValidationError) as error:
        certify(None, anders, staff_unit, 50_001)
    assert error.value.messages == [
        "Beloppet 50001 kronor överstiger attesträtten för Anders Lind, Ekonomistaben "
        "(högst 50000.00 kronor)."
    ]


def test_without_a_right_on_the_day_the_payment_is_refused(right, anders, staff_unit, department):
    with pytest.raises(ValidationError, match="ingen attesträtt för Ekonomistaben den 2027-01-04"):
        certify(None, anders, staff_unit, 100, on=datetime.date(2027, 1, 4))
    with pytest.raises(ValidationError, match="ingen attesträtt för Kommunstyrelseförvaltningen"):
        certify(None, anders, department, 100)


def test_one_certifies_only_in_ones_own_name(right, anders, staff_unit, director_user):
    with pytest.raises(PermissionDenied):
        certify(director_user, anders, staff_unit, 100)


def test_only_the_director_appoints_and_only_within_the_administration(
    director_user, secretary_user, anders, staff_unit, committee
):
    with pytest.raises(PermissionDenied, match="Bara direktören"):
        certification.certification_right_appoint(
            actor=secretary_user, person=anders, organization=staff_unit, start=ON
        )
    with pytest.raises(ValidationError, match="hör inte till förvaltningen"):
        certification.certification_right_appoint(
            actor=director_user, person=anders, organization=committee, start=ON
        )


def test_an_ended_right_no_longer_allows_certification(right, anders, staff_unit, director_user):
    certification.certification_right_end(
        actor=director_user, right=right, end=datetime.date(2026, 2, 28)
    )
    with pytest.raises(ValidationError, match="ingen attesträtt"):
        certify(None, anders, staff_unit, 100)


def test_the_evidence_is_red_without_rights_and_for_a_budget_without_a_certifier(
    body, director, director_user, department, staff_unit, anders
):
    assert certification_rights_evidence(body=body, on=ON).ok is False
    certification.certification_right_appoint(
        actor=director_user, person=anders, organization=staff_unit, start=ON
    )
    assert certification_rights_evidence(body=body, on=ON).ok is True
    economy.budget_set(actor=None, organization=department, year=2026, month=1, amount=Decimal(10))
    evidence = certification_rights_evidence(body=body, on=ON)
    assert (evidence.ok, evidence.count) == (False, 1)
    assert evidence.url == "/vanersborg/uppfoljning/attest/"


def test_a_certification_the_right_no_longer_covers_is_found(right, anders, staff_unit, body):
    done = certify(None, anders, staff_unit, 40_000)
    right.max_amount = Decimal(10_000)
    right.save()
    assert [row for row, _reason in certifications_outside_rights(body=body)] == [done]
    assert certification_rights_evidence(body=body, on=ON).count == 1
