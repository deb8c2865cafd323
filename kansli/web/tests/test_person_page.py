import datetime

from django.test import Client
from django.utils import timezone

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization


def test_the_person_page_separates_current_and_past_assignments(
    signed_in: Client, board: Organization, department: Organization
) -> None:
    body = board.body
    anna = organisation.person_create(actor=None, body=body, given_name="Anna", family_name="Ek")
    organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.SUBSTITUTE,
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2018, 12, 31),
        party="C",
    )
    council = organisation.organization_create(
        actor=None, body=body, kind="council", slug="kf", name="Kommunfullmäktige"
    )
    organisation.membership_create(
        actor=None,
        person=anna,
        organization=council,
        role=Membership.Role.CHAIR,
        start=datetime.date(2019, 1, 1),
    )
    registrar = organisation.position_create(
        actor=None, body=body, organization=department, slug="reg", title="Registrator"
    )
    organisation.appointment_create(
        actor=None,
        person=anna,
        position=registrar,
        start=datetime.date(2010, 1, 1),
        end=datetime.date(2014, 12, 31),
    )

    response = signed_in.get(f"/vanersborg/personer/{anna.pk}/")

    text = response.text
    assert "<h1>Anna Ek</h1>" in text
    current = text.index("<caption>Nuvarande uppdrag</caption>")
    past = text.index("<caption>Tidigare uppdrag</caption>")
    assert current < text.index("Kommunfullmäktige") < past < text.index("Kommunstyrelsen</a>")
    assert "<td>Ersättare</td>" in text
    assert "Inga nuvarande befattningar." in text
    assert text.index("<caption>Tidigare befattningar</caption>") < text.index("Registrator")


def test_a_person_of_another_body_is_not_found(signed_in: Client, body: Body) -> None:
    other = organisation.body_create(actor=None, slug="blekinge", name="Blekinge", kind="region")
    person = organisation.person_create(actor=None, body=other, given_name="A", family_name="B")

    assert signed_in.get(f"/vanersborg/personer/{person.pk}/").status_code == 404
    assert signed_in.get(f"/blekinge/personer/{person.pk}/").status_code == 200


def test_an_appointment_that_has_not_begun_is_listed_as_upcoming(
    signed_in: Client, department: Organization
) -> None:
    body = department.body
    director = organisation.position_create(
        actor=None, body=body, organization=department, slug="kd", title="Kommundirektör"
    )
    eva = organisation.person_create(actor=None, body=body, given_name="Eva", family_name="Berg")
    organisation.appointment_create(
        actor=None,
        person=eva,
        position=director,
        start=timezone.localdate() + datetime.timedelta(days=30),
    )

    response = signed_in.get(f"/vanersborg/personer/{eva.pk}/")

    text = response.text
    assert "Inga nuvarande befattningar." in text
    assert text.index("<caption>Kommande befattningar</caption>") < text.index("Kommundirektör")
    assert "Kommande uppdrag" not in text
