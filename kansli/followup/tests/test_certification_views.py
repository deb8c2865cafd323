import datetime
from decimal import Decimal

from kansli.followup.models import CertificationRight
from kansli.followup.services import certification
from kansli.followup.tests.conftest import person

PAGE = "/vanersborg/uppfoljning/attest/"


def test_the_check_on_the_page_refuses_a_payment_to_the_certifier(
    client, body, director, staff_unit, member_user
):
    anders = person(body, "Anders", "Lind")
    certification.certification_right_appoint(
        actor=None, person=anders, organization=staff_unit, start=datetime.date(2026, 1, 1)
    )
    client.force_login(member_user)
    query = {
        "attestant": anders.pk,
        "organisation": staff_unit.pk,
        "belopp": "100",
        "mottagare": "Anders Lind",
        "datum": "2026-02-01",
    }
    page = client.get(PAGE, query).content.decode()
    assert "Inte tillåten:" in page
    assert "Ingen får attestera en utbetalning till sig själv." in page
    assert "Utse attestant" not in page


def test_the_director_appoints_on_the_page_and_the_rights_are_exported(
    client, body, director, director_user, staff_unit
):
    anders = person(body, "Anders", "Lind")
    client.force_login(director_user)
    done = client.post(
        PAGE + "utse/",
        {
            "utse-attestant": anders.pk,
            "utse-organisation": staff_unit.pk,
            "utse-hogsta_belopp": "20000",
            "utse-fran": "2026-01-01",
        },
    )
    assert done.status_code == 302
    right = CertificationRight.objects.get()
    assert (right.appointed_by, right.max_amount) == (director, Decimal(20_000))
    page = client.get(PAGE).content.decode()
    assert "Utse attestant" in page
    assert "Avsluta en attesträtt" in page
    ended = client.post(
        PAGE + "upphor/", {"avsluta-attestratt": right.pk, "avsluta-till": "2026-06-30"}
    )
    assert ended.status_code == 302
    right.refresh_from_db()
    assert right.end == datetime.date(2026, 6, 30)
    csv = client.get(PAGE + "attestratter.csv").content.decode("utf-8-sig").splitlines()
    assert csv[1] == "Anders Lind;Ekonomistaben;20000.00;2026-01-01;2026-06-30;Katarina Holmgren"


def test_a_secretary_may_not_appoint(client, body, director, secretary_user, staff_unit):
    client.force_login(secretary_user)
    refused = client.post(
        PAGE + "utse/",
        {
            "utse-attestant": director.pk,
            "utse-organisation": staff_unit.pk,
            "utse-fran": "2026-01-01",
        },
    )
    assert refused.status_code == 403
    assert not CertificationRight.objects.exists()
