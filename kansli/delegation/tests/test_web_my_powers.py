"""The page "Vad får jag besluta?": the signed-in user's powers today through their person's
appointments and seats, each with requirements and citation; a friendly word otherwise."""

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Person, Position

URL = "/vanersborg/delegation/mina-befogenheter/"


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_director_sees_her_powers_with_requirements_and_citations(demo):
    page = signed_in("direktor").get(URL).content.decode()

    assert "Det här får Katarina Holmgren besluta i dag" in page
    assert "Som delegat" in page
    assert "Organisationsförändringar inom andra förvaltningar" in page
    assert "Godkännande av personal- och förhandlingsutskottet" in page
    assert "/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/5.2.3/" in page
    assert "Besluta om mål och tilldela ekonomiska ramar" not in page


def test_an_acting_holder_sees_the_powers_of_the_post_marked_as_acting(demo):
    oscar = Person.objects.get(body__slug="vanersborg", given_name="Oscar")
    organisation.appointment_create(
        actor=None,
        person=oscar,
        position=Position.objects.get(body__slug="vanersborg", slug="kommundirektor"),
        start=timezone.localdate(),
        acting=True,
    )

    page = signed_in("handlaggare").get(URL).content.decode()

    assert "t.f. kommundirektör" in page
    assert "Anställa stabschefer" in page


def test_someone_without_powers_is_told_so_and_pointed_to_the_search(demo):
    page = signed_in("handlaggare").get(URL).content.decode()

    assert "Du har inga befogenheter enligt delegationsordningarna" in page
    assert 'href="/vanersborg/delegation/vem-far-besluta/"' in page


def test_a_user_without_a_person_is_told_why_nothing_is_shown(demo):
    client = Client()
    client.force_login(user_create(actor=None, username="utan-person", password=None))

    page = client.get(URL).content.decode()

    assert "Ditt konto är inte kopplat till någon person" in page


def test_a_user_of_another_body_is_sent_to_their_own(demo):
    page = signed_in("blekinge-direktor").get(URL).content.decode()

    assert "Ditt konto hör till Region Blekinge." in page
    assert 'href="/blekinge/delegation/mina-befogenheter/"' in page
