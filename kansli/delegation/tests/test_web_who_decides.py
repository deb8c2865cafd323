"""The page "Vem får besluta?": a matter searched by words or decision type shows each rule
with its delegate, substitutes, limits, requirements, sub-delegation, legal basis and a
citation that leads to the section."""

import pytest
from django.test import Client

from kansli.accounts.models import User

URL = "/vanersborg/delegation/vem-far-besluta/"


@pytest.fixture
def visitor(demo) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="handlaggare"))
    return client


def test_a_search_shows_the_rule_with_its_requirements_and_citation(visitor):
    page = visitor.get(URL, {"q": "organisationsförändringar andra"}).content.decode()

    assert "1 regel gäller den" in page
    assert "Organisationsförändringar inom andra förvaltningar" in page
    assert "Kommundirektören" in page
    assert "Godkännande av personal- och förhandlingsutskottet" in page
    assert "Anmälan till kommunstyrelsen" in page
    assert "Förvaltningar utom kommunstyrelseförvaltningen" in page
    assert "KL 7 kap. 5 §" in page
    assert (
        '<a href="/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/5.2.3/">'
        "Kommundirektörsinstruktion 5.2.3</a>" in page
    )


def test_the_citation_leads_to_the_section_of_the_instruction(visitor):
    response = visitor.get("/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/5.2.3/")

    assert response.status_code == 302
    assert response["Location"].endswith("#avsnitt-5.2.3")


def test_a_decision_type_shows_every_rule_of_it_with_limits_and_sub_delegation(visitor):
    page = visitor.get(URL, {"beslutstyp": "foredragning"}).content.decode()

    assert "Föredragning i kommunstyrelsen och arbetsutskottet" in page
    assert "Får vidaredelegeras till kommunens tjänstepersoner." in page


def test_a_heading_section_of_blekinge_is_linked_by_its_key(visitor):
    page = visitor.get(
        "/blekinge/delegation/vem-far-besluta/", {"beslutstyp": "anstallning-personal"}
    ).content.decode()

    assert (
        "/blekinge/styrdokument/instruktion-landstingsdirektor/avsnitt/arbetsgivaransvar/" in page
    )
    assert "Instruktion till landstingsdirektör Arbetsgivaransvar" in page


def test_conditions_are_shown_as_limits(visitor):
    page = visitor.get(URL, {"beslutstyp": "utse-bitradande-kommundirektor"}).content.decode()

    assert "När tjänsten är placerad i lägst säkerhetsskyddsklass 2" in page
    assert "Godkännande av kommunstyrelsens presidium" in page


def test_nothing_found_says_so(visitor):
    page = visitor.get(URL, {"q": "fyrverkerier"}).content.decode()

    assert "Ingen regel i delegationsordningarna gäller detta." in page


def test_without_a_question_the_page_asks_for_one(visitor):
    page = visitor.get(URL).content.decode()

    assert "Skriv ett ärende eller välj en beslutstyp." in page
    assert 'name="beslutstyp"' in page


def test_before_the_instruction_no_rule_is_in_force(visitor):
    page = visitor.get(URL, {"q": "stabschef", "datum": "2018-06-01"}).content.decode()

    assert "0 regler gäller den 2018-06-01." in page


def test_htmx_gets_only_the_results(visitor):
    response = visitor.get(URL, {"q": "lönesättning"}, headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.startswith('<div id="traffar">')
    assert "<html" not in page
    assert response["Vary"] == "HX-Request, Cookie"


def test_an_unknown_body_is_not_found(visitor):
    assert visitor.get("/finns-inte/delegation/vem-far-besluta/").status_code == 404
