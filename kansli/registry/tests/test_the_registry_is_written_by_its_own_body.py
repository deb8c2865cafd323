"""Issue 10's findings in the registry: another body's registrar opened cases and registered in
Vänersborg, closing and reopening a case asked nobody, a board member confirmed a guess of a
masked sender through the duplicate check, and the administrator read records requests with
the requester's name. Each is refused now; those who may still can."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.models import Case, Document, NumberSeries
from kansli.tests.refusals import Demo

REGISTER = "/vanersborg/diarium/registrera/"
SENDER = "Förälder Föräldersson"
DESCRIPTION = "Anmälan om kränkande behandling av elev"


def user(username: str) -> User:
    return User.objects.get(username=username)


def board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD)


@pytest.fixture
def case(demo: Demo) -> Case:
    """A case of the board whose officer is not yet named."""
    return services.case_open(actor=None, organization=board(demo), title="Kränkande behandling")


def register(actor: User | None, case: Case) -> Document:
    return services.document_register(
        actor=actor,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart=SENDER,
        description=DESCRIPTION,
        secrecy_reference="OSL 23 kap. 1 §",
        counterpart_masked=True,
    )


def test_a_registrar_of_another_body_may_not_open_a_case_there(demo: Demo) -> None:
    with pytest.raises(PermissionDenied, match="Vänersborgs kommun"):
        services.case_open(
            actor=user("blekinge-registrator"), organization=board(demo), title="Ärende"
        )

    assert not Case.objects.exists()


def test_a_registrar_of_another_body_may_not_register_there(case: Case) -> None:
    with pytest.raises(PermissionDenied):
        register(user("blekinge-registrator"), case)

    assert not case.documents.exists()


def test_the_registrar_of_the_body_opens_cases_and_registers(demo: Demo, case: Case) -> None:
    registrar = user("registrator")

    opened = services.case_open(actor=registrar, organization=board(demo), title="Ärende")

    assert opened.sequence == 2
    assert register(registrar, case).sequence == 1


@pytest.mark.parametrize("service", [services.case_close, services.case_reopen])
@pytest.mark.parametrize("username", ["ledamot", "admin", "blekinge-registrator"])
def test_closing_and_reopening_a_case_are_refused_to_others(
    case: Case, service: Callable[..., Case], username: str
) -> None:
    with pytest.raises(PermissionDenied, match="avsluta eller återuppta"):
        service(actor=user(username), case=case)

    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


def test_the_case_officer_closes_and_reopens_their_own_case(demo: Demo) -> None:
    officer = user("handlaggare")
    own = services.case_open(
        actor=officer, organization=board(demo), title="Eget ärende", case_officer=officer.person
    )

    assert services.case_close(actor=officer, case=own).closed_on == timezone.localdate()
    assert services.case_reopen(actor=officer, case=own).status == Case.Status.OPEN


def guess_sender(demo: Demo, client: Client, username: str, sender: str) -> tuple[int, str]:
    """Post a letter from `sender` as the user; the page that comes back."""
    client.force_login(user(username))
    response = client.post(
        REGISTER,
        {
            "avsandare": sender,
            "beskrivning": DESCRIPTION,
            "riktning": Document.Direction.INCOMING,
            "datum": timezone.localdate().isoformat(),
            "organisation": board(demo).pk,
        },
    )
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("sender", [SENDER, "Någon Annan"])
@pytest.mark.parametrize("username", ["ledamot", "handlaggare"])
def test_a_guess_of_a_masked_sender_is_refused_before_the_duplicate_check(
    demo: Demo, case: Case, client: Client, username: str, sender: str
) -> None:
    registered = register(None, case)

    status, page = guess_sender(demo, client, username, sender)

    assert status == 403
    assert registered.number not in page
    assert "Kanske redan registrerad?" not in page
    assert Document.objects.count() == 1


def test_a_refused_letter_comes_back_on_the_form_with_the_reason(
    demo: Demo, client: Client
) -> None:
    status, page = guess_sender(demo, client, "handlaggare", "Länsstyrelsen")

    assert status == 403
    assert "Du har inte behörighet att registrera den här handlingen." in page
    assert 'value="Länsstyrelsen"' in page


def test_the_registrar_is_still_warned_of_a_likely_duplicate(
    demo: Demo, case: Case, client: Client
) -> None:
    registered = register(None, case)

    status, page = guess_sender(demo, client, "registrator", SENDER)

    assert status == 400
    assert registered.number in page


def test_the_administrator_does_not_read_records_requests(demo: Demo) -> None:
    services.records_request_register(
        actor=None, body=demo["vanersborg"], subject="Protokoll", requester="Eva Ek"
    )
    _token, key = token_create(actor=None, user=user("admin"), name="test")

    response = Client().get(
        "/api/v1/bodies/vanersborg/records-requests", headers={"Authorization": f"Bearer {key}"}
    )

    assert response.status_code == 403
    assert "Eva Ek" not in response.content.decode()


def test_the_administrator_of_the_body_sets_the_registrys_number_series(demo: Demo) -> None:
    year = timezone.localdate().year

    services.number_series_set_format(
        actor=user("admin"), organization=board(demo), year=year, format="KS {year}/{number}"
    )

    assert NumberSeries.objects.get(year=year).format == "KS {year}/{number}"


@pytest.mark.parametrize(("username", "offered"), [("registrator", True), ("ledamot", False)])
def test_the_case_list_offers_registration_only_to_who_may_register(
    demo: Demo, client: Client, username: str, offered: bool
) -> None:
    client.force_login(user(username))

    page = client.get("/vanersborg/diarium/").content.decode()

    assert (REGISTER in page) is offered


@pytest.mark.parametrize(("username", "offered"), [("sekreterare", True), ("handlaggare", False)])
def test_the_case_page_offers_registration_only_to_who_may_register_in_the_case(
    case: Case, client: Client, username: str, offered: bool
) -> None:
    client.force_login(user(username))

    page = client.get(f"/vanersborg/diarium/arenden/{case.pk}/").content.decode()

    assert (f"{REGISTER}?arende=" in page) is offered
