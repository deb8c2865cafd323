"""A case or a document is marked secret with a provision picked from the shipped list of OSL
paragraphs, each marking and unmarking a step of its own in the events; the public never sees
what the marking hides, and a reference typed before the list stays readable."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.selectors import secrecy_ground, secrecy_grounds


def manage(case: Case) -> str:
    return f"/vanersborg/diarium/arenden/{case.pk}/hantera/"


def postlista(client: Client) -> str:
    return client.get("/vanersborg/postlista/").content.decode()


@pytest.fixture
def letter(demo: dict[str, Body]) -> Document:
    board = Organization.objects.get(body__slug="vanersborg", slug="ks")
    case = services.case_open(actor=None, organization=board, title="Ansökan om bistånd")
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Anna Andersson",
        description="Ansökan om ekonomiskt bistånd för hyra",
    )


@pytest.fixture
def registrar(client: Client, demo: dict[str, Body]) -> Client:
    client.force_login(User.objects.get(username="registrator"))
    return client


def test_the_list_gives_chapter_paragraph_name_and_masking() -> None:
    social = secrecy_ground("OSL 26 kap. 1 §")

    assert social is not None
    assert (social.name, social.counterpart_masked, social.description_masked) == (
        "Socialtjänst",
        True,
        True,
    )
    assert len({ground.reference for ground in secrecy_grounds()}) == len(secrecy_grounds())


def test_a_document_marked_with_its_paragraphs_default_masking(
    registrar: Client, letter: Document
) -> None:
    page = registrar.get(manage(letter.case)).content.decode()
    assert "26 kap. 1 § Socialtjänst" in page

    response = registrar.post(
        f"/vanersborg/diarium/handlingar/{letter.pk}/sekretess/", {"sekretess": "OSL 26 kap. 1 §"}
    )

    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.secrecy_reference, letter.counterpart_masked, letter.description_masked) == (
        "OSL 26 kap. 1 §",
        True,
        True,
    )
    assert (
        "Sekretessmarkerades enligt OSL 26 kap. 1 §"
        in registrar.get(manage(letter.case)).content.decode()
    )
    registrar.logout()
    public = postlista(registrar)
    assert "Ansökan om ekonomiskt bistånd" not in public
    assert "Anna Andersson" not in public
    assert "[Sekretess enligt OSL 26 kap. 1 §]" in public


def test_unmarking_shows_the_document_again(registrar: Client, letter: Document) -> None:
    services.document_secrecy_set(
        actor=None, document=letter, secrecy_reference="OSL 26 kap. 1 §", description_masked=True
    )

    response = registrar.post(
        f"/vanersborg/diarium/handlingar/{letter.pk}/sekretess/", {"sekretess": ""}
    )

    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.secrecy_reference, letter.description_masked) == ("", False)
    assert "Sekretessmarkeringen togs bort" in registrar.get(manage(letter.case)).content.decode()
    registrar.logout()
    assert "Ansökan om ekonomiskt bistånd" in postlista(registrar)


def test_a_case_title_marked_secret_is_masked_for_the_public(
    registrar: Client, letter: Document
) -> None:
    case = letter.case

    response = registrar.post(manage(case) + "sekretess/", {"sekretess": "OSL 26 kap. 1 §"})

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.secrecy_reference == "OSL 26 kap. 1 §"
    registrar.logout()
    public = postlista(registrar)
    assert "Ansökan om bistånd" not in public
    assert "[Sekretess enligt OSL 26 kap. 1 §]" in public


def test_a_paragraph_not_on_the_list_is_refused(registrar: Client, letter: Document) -> None:
    events = Event.objects.count()

    response = registrar.post(manage(letter.case) + "sekretess/", {"sekretess": "OSL 99 kap. 1 §"})
    with pytest.raises(ValidationError, match="Välj sekretessgrunden i listan"):
        services.case_secrecy_set(actor=None, case=letter.case, secrecy_reference="OSL 2 kap. 1 §")

    assert response.status_code == 400
    assert Event.objects.count() == events


def test_a_reference_typed_before_the_list_stays_readable_and_kept(
    registrar: Client, letter: Document
) -> None:
    old = "OSL 19 kap. 3 § andra stycket"
    Document.objects.filter(pk=letter.pk).update(
        secrecy_reference=old, secrecy_reason="Anbud", counterpart_masked=True
    )

    page = registrar.get(manage(letter.case)).content.decode()
    response = registrar.post(
        f"/vanersborg/diarium/handlingar/{letter.pk}/sekretess/",
        {"sekretess": old, "sekretess_skal": "Anbud", "dolj_avsandare": "on"},
    )

    assert f"{old} (angiven före listan)" in page
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.secrecy_reference == old


@pytest.mark.parametrize("username", ["sekreterare", "ledamot", "admin", "blekinge-registrator"])
def test_others_may_not_mark_secret(letter: Document, username: str) -> None:
    user = User.objects.get(username=username)

    with pytest.raises(PermissionDenied):
        services.document_secrecy_set(
            actor=user,
            document=letter,
            secrecy_reference="OSL 26 kap. 1 §",
            description_masked=True,
        )
    with pytest.raises(PermissionDenied):
        services.case_secrecy_set(actor=user, case=letter.case, secrecy_reference="OSL 26 kap. 1 §")

    letter.refresh_from_db()
    assert letter.secrecy_reference == ""
