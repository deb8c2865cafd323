import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from kansli.followup.services import certification
from kansli.followup.tests.conftest import person


@pytest.fixture
def anders(body, director, staff_unit):
    anders = person(body, "Anders", "Lind")
    right = certification.certification_right_appoint(
        actor=None,
        person=anders,
        organization=staff_unit,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 6, 30),
        max_amount=Decimal(10_000),
    )
    certification.payment_certify(
        actor=None,
        certifier=anders,
        organization=staff_unit,
        amount=Decimal(9_000),
        payee_name="Leverantören AB",
        reference="V-7",
        certified_on=datetime.date(2026, 3, 1),
    )
    certification.certification_right_end(actor=None, right=right, end=datetime.date(2026, 2, 28))
    return anders


def check(*args: str) -> None:
    call_command("certification", "check", "--body", "vanersborg", *args)


def test_a_payment_within_a_right_is_allowed(anders, capsys):
    check(
        "--person",
        anders.email,
        "--organization",
        "ekonomistaben",
        "--amount",
        "500",
        "--payee",
        "Leverantören AB",
        "--date",
        "2026-02-01",
    )
    assert capsys.readouterr().out.startswith("Tillåten: ")


def test_a_payment_to_oneself_exits_with_1_and_the_reason(anders):
    with pytest.raises(CommandError) as error:
        check(
            "--person",
            str(anders.pk),
            "--organization",
            "ekonomistaben",
            "--amount",
            "5",
            "--payee",
            anders.email,
            "--date",
            "2026-02-01",
        )
    assert error.value.returncode == 1
    assert str(error.value) == "Inte tillåten: Ingen får attestera en utbetalning till sig själv."


def test_an_amount_over_the_limit_exits_with_1(anders):
    with pytest.raises(CommandError, match="överstiger attesträtten för Anders Lind") as error:
        check(
            "--person",
            anders.email,
            "--organization",
            "ekonomistaben",
            "--amount",
            "10000,01",
            "--date",
            "2026-02-01",
        )
    assert error.value.returncode == 1


def test_the_list_names_expired_rights_and_certifications_without_a_right(anders, capsys):
    with pytest.raises(CommandError, match="1 attester saknar giltig attesträtt") as error:
        check("--date", "2026-04-01")
    assert error.value.returncode == 1
    out = capsys.readouterr().out
    assert "Upphörd attesträtt: Anders Lind, Ekonomistaben, till 2026-02-28" in out
    assert "Attest utan giltig rätt: V-7 2026-03-01" in out


def test_the_list_is_clean_without_certifications_outside_rights(body, capsys):
    check()
    assert "Alla attester ryms i en giltig attesträtt." in capsys.readouterr().out
