import datetime

from kansli.followup.services import certification
from kansli.followup.tests.conftest import keyed, person

API = "/api/v1/bodies/vanersborg/followup"


def test_the_certification_check_refuses_a_payment_to_oneself(
    body, director, staff_unit, member_user
):
    anders = person(body, "Anders", "Lind")
    certification.certification_right_appoint(
        actor=None, person=anders, organization=staff_unit, start=datetime.date(2026, 1, 1)
    )
    client = keyed(member_user)
    query = f"person_id={anders.pk}&organization=ekonomistaben&amount=10&date=2026-02-01"
    allowed = client.get(f"{API}/certification-check?{query}&payee=Leverantören").json()
    assert allowed["allowed"] is True
    refused = client.get(f"{API}/certification-check?{query}&payee=Anders Lind").json()
    assert refused == {
        "allowed": False,
        "reason": "Ingen får attestera en utbetalning till sig själv.",
        "right_id": None,
    }
    [right] = client.get(f"{API}/certification-rights").json()
    assert right["appointed_by"]["name"] == "Katarina Holmgren"
    assert client.get(f"{API}/certifications?outside=true").json() == []
