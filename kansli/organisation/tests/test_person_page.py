import datetime

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Membership, Organization


def test_the_person_page_separates_current_and_past_assignments(
    staff: Client, board: Organization, department: Organization
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

    response = staff.get(f"/vanersborg/personer/{anna.pk}/")

    text = response.text
    assert "<h1>Anna Ek</h1>" in text
    current = text.index("<caption>Nuvarande uppdrag</caption>")
    past = text.index("<caption>Tidigare uppdrag</caption>")
    assert current < text.index("Kommunfullmäktige") < past < text.index("Kommunstyrelsen</a>")
    assert "<td>Ersättare</td>" in text
    assert "Inga nuvarande befattningar." in text
    assert text.index("<caption>Tidigare befattningar</caption>") < text.index("Registrator")


def test_a_person_of_another_body_is_not_found_and_their_page_is_refused(
    staff: Client, body: Body
) -> None:
    other = organisation.body_create(actor=None, slug="blekinge", name="Blekinge", kind="region")
    person = organisation.person_create(actor=None, body=other, given_name="A", family_name="B")

    assert staff.get(f"/vanersborg/personer/{person.pk}/").status_code == 404
    refused = staff.get(f"/blekinge/personer/{person.pk}/")
    assert refused.status_code == 403
    assert "Personens sida visas bara för dem som arbetar i Blekinge." in refused.text


def test_the_organization_page_links_to_person_pages_for_the_staff_only(
    staff: Client, visitor: User, board: Organization
) -> None:
    anna = organisation.person_create(
        actor=None, body=board.body, given_name="Anna", family_name="Ek"
    )
    organisation.membership_create(
        actor=None,
        person=anna,
        organization=board,
        role=Membership.Role.MEMBER,
        start=datetime.date(2019, 1, 1),
    )
    link = f'href="/vanersborg/personer/{anna.pk}/"'

    assert link in staff.get("/vanersborg/organisation/ks/").text
    outsider = Client()
    outsider.force_login(visitor)
    outsider_page = outsider.get("/vanersborg/organisation/ks/").text
    assert "Anna Ek" in outsider_page
    assert link not in outsider_page


def test_an_appointment_that_has_not_begun_is_listed_as_upcoming(
    staff: Client, department: Organization
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

    response = staff.get(f"/vanersborg/personer/{eva.pk}/")

    text = response.text
    assert "Inga nuvarande befattningar." in text
    assert text.index("<caption>Kommande befattningar</caption>") < text.index("Kommundirektör")
    assert "Kommande uppdrag" not in text
