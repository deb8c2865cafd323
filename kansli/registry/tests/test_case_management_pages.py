"""The registrar opens, edits, reassigns, closes and reopens a case on its registry page, each
step in the case's events with what changed; the buttons are shown only to those who may use
them, and everyone else is refused on the server."""

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services
from kansli.registry.models import Case, Document

OPEN = "/vanersborg/diarium/arenden/nytt/"


def manage(case: Case) -> str:
    return f"/vanersborg/diarium/arenden/{case.pk}/hantera/"


def signed_in(client: Client, username: str) -> Client:
    client.force_login(User.objects.get(username=username))
    return client


def person(username: str) -> Person:
    found = User.objects.get(username=username).person
    assert found is not None
    return found


@pytest.fixture
def case(demo: dict[str, Body]) -> Case:
    board = Organization.objects.get(body__slug="vanersborg", slug="ks")
    case = services.case_open(
        actor=None,
        organization=board,
        title="Medborgarförslag om en lekplats",
        case_officer=person("handlaggare"),
    )
    services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Anna Andersson",
        description="Förslag om en lekplats i Blåsut",
    )
    return case


def test_the_registrar_opens_a_case_from_the_case_list(
    client: Client, demo: dict[str, Body]
) -> None:
    registrar = signed_in(client, "registrator")
    assert OPEN in registrar.get("/vanersborg/diarium/").content.decode()

    response = registrar.post(
        OPEN,
        {
            "arendemening": "Remiss om ny översiktsplan",
            "organisation": Organization.objects.get(body__slug="vanersborg", slug="ks").pk,
        },
    )

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == manage(case)
    assert case.title == "Remiss om ny översiktsplan"
    page = registrar.get(manage(case)).content.decode()
    assert "Ärendet är öppnat." in page
    assert "Ärendet öppnades" in page
    assert manage(case) in registrar.get("/vanersborg/diarium/").content.decode()


def test_the_case_page_shows_the_case_its_documents_and_events(client: Client, case: Case) -> None:
    page = signed_in(client, "registrator").get(manage(case)).content.decode()

    assert "Medborgarförslag om en lekplats" in page
    assert "Förslag om en lekplats i Blåsut" in page
    assert "Handlingen registrerades" in page
    for button in ("Ändra ärendemeningen", "Byt handläggare", "Avsluta ärendet"):
        assert button in page


def test_an_edit_is_in_the_events_with_what_changed(client: Client, case: Case) -> None:
    registrar = signed_in(client, "registrator")

    response = registrar.post(
        manage(case) + "andra/", {"arendemening": "Medborgarförslag om lekplatser"}
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Medborgarförslag om lekplatser"
    page = registrar.get(manage(case)).content.decode()
    assert "Ärendet ändrades" in page
    assert "Medborgarförslag om en lekplats → Medborgarförslag om lekplatser" in page


def test_the_registrar_reassigns_the_case_to_another_officer(client: Client, case: Case) -> None:
    registrar = signed_in(client, "registrator")
    other = person("registrator")

    response = registrar.post(manage(case) + "handlaggare/", {"handlaggare": other.pk})

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.case_officer == other
    page = registrar.get(manage(case)).content.decode()
    assert "Ny handläggare" in page
    assert f"{person('handlaggare')} → {other}" in page


def test_close_with_a_note_and_reopen(client: Client, case: Case) -> None:
    registrar = signed_in(client, "registrator")

    refused = registrar.post(manage(case) + "avsluta/", {"anteckning": ""})
    assert refused.status_code == 400
    closed = registrar.post(manage(case) + "avsluta/", {"anteckning": "Besvarat med brev."})

    assert closed.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closing_note) == (Case.Status.CLOSED, "Besvarat med brev.")
    page = registrar.get(manage(case)).content.decode()
    assert "Ärendet avslutades" in page
    assert "Återuppta ärendet" in page
    assert "Ändra ärendemeningen" not in page

    assert registrar.post(manage(case) + "ateruppta/").status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closed_on, case.closing_note) == (Case.Status.OPEN, None, "")
    assert "Ärendet återupptogs" in registrar.get(manage(case)).content.decode()


def test_the_case_officer_manages_their_own_case(client: Client, case: Case) -> None:
    officer = signed_in(client, "handlaggare")

    page = officer.get(manage(case)).content.decode()
    response = officer.post(manage(case) + "avsluta/", {"anteckning": "Klart."})

    assert "Avsluta ärendet" in page
    assert response.status_code == 302


@pytest.mark.parametrize("username", ["ledamot", "admin"])
def test_staff_without_the_right_see_no_buttons_and_are_refused(
    client: Client, case: Case, username: str
) -> None:
    user = signed_in(client, username)
    events = Event.objects.count()

    page = user.get(manage(case))
    responses = [
        user.post(manage(case) + "andra/", {"arendemening": "Annat"}),
        user.post(manage(case) + "avsluta/", {"anteckning": "Klart."}),
        user.post(manage(case) + "handlaggare/", {"handlaggare": person("registrator").pk}),
    ]

    # A board member reads the case if the body's staff; the buttons are for others.
    assert page.status_code in (200, 403)
    for button in ("Ändra ärendemeningen", "Byt handläggare", "Avsluta ärendet"):
        assert button not in page.content.decode()
    assert [response.status_code for response in responses] == [403, 403, 403]
    assert "behörighet" in responses[0].content.decode()
    assert Event.objects.count() == events
    case.refresh_from_db()
    assert (case.title, case.status) == ("Medborgarförslag om en lekplats", Case.Status.OPEN)


def test_another_body_and_the_public_see_nothing(client: Client, case: Case) -> None:
    other = signed_in(client, "blekinge-registrator")
    assert other.get(manage(case)).status_code == 403
    assert other.post(manage(case) + "avsluta/", {"anteckning": "Klart."}).status_code == 403
    client.logout()

    anonymous = client.get(manage(case))

    assert anonymous.status_code == 302
    assert "Medborgarförslag" not in anonymous.content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN
