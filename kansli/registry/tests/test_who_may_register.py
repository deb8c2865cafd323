"""Registering is for registrars and secretaries of the body, by their roles; a case officer
opens only cases of their own and registers only what they drew up in their own case. The
registrar's other rights come from the role too (`kansli.registry.policy`), never from a Django
model permission alone."""

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.organisation.models import Organization, Person
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.policy import may_handle_records_requests
from kansli.registry.services import Registration
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.registry.visibility import document_view

REGISTER = "/vanersborg/diarium/registrera/"


def register(actor: User | None, case: Case, **fields: object) -> Document:
    arguments = {
        "actor": actor,
        "case": case,
        "direction": Document.Direction.INCOMING,
        "date": datetime.date(2026, 1, 14),
        "counterpart": "Anna Andersson",
        "description": "Brev",
    } | fields
    return services.document_register(**arguments)


def test_a_case_officer_may_not_register_a_letter(
    case: Case, officer: Person, staff: Callable[..., User]
) -> None:
    hanna = staff("hanna", Role.CASE_OFFICER, person=officer)

    with pytest.raises(PermissionDenied, match="behörighet att registrera"):
        register(hanna, case)

    assert not Document.objects.exists()


def test_a_case_officer_registers_what_they_drew_up_in_their_own_case(
    case: Case, officer: Person, staff: Callable[..., User]
) -> None:
    hanna = staff("hanna", Role.CASE_OFFICER, person=officer)

    document = register(hanna, case, direction=Document.Direction.DRAWN_UP, counterpart="")

    assert document.number == "KS 2026/00001-1"


def test_a_case_officer_may_not_register_in_another_officers_case(
    case: Case, staff: Callable[..., User]
) -> None:
    olle = staff("olle", Role.CASE_OFFICER)

    with pytest.raises(PermissionDenied):
        register(olle, case, direction=Document.Direction.DRAWN_UP, counterpart="")


@pytest.mark.parametrize("role", [Role.REGISTRAR, Role.SECRETARY])
def test_registrars_and_secretaries_register(
    case: Case, staff: Callable[..., User], role: Role
) -> None:
    assert register(staff("sara", role), case).number == "KS 2026/00001-1"


def test_a_batch_is_refused_to_a_case_officer(
    case: Case, officer: Person, staff: Callable[..., User]
) -> None:
    hanna = staff("hanna", Role.CASE_OFFICER, person=officer)
    letter = Registration(
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Anna Andersson",
        description="Brev",
    )

    with pytest.raises(PermissionDenied):
        services.documents_register(actor=hanna, registrations=[letter])

    assert not Document.objects.exists()


def test_a_case_officer_opens_only_cases_of_their_own(
    board: Organization, officer: Person, staff: Callable[..., User]
) -> None:
    hanna = staff("hanna", Role.CASE_OFFICER, person=officer)

    with pytest.raises(PermissionDenied, match="behörighet att öppna ärenden"):
        services.case_open(actor=hanna, organization=board, title="Någon annans ärende")
    own = services.case_open(
        actor=hanna, organization=board, title="Eget ärende", case_officer=officer
    )

    assert list(Case.objects.filter(organization=board)) == [own]


@pytest.mark.parametrize("role", [Role.REGISTRAR, Role.SECRETARY])
def test_registrars_and_secretaries_open_cases(
    board: Organization, staff: Callable[..., User], role: Role
) -> None:
    case = services.case_open(actor=staff("sara", role), organization=board, title="Ärende")

    assert case.sequence == 1


def test_a_case_officer_may_not_add_a_file_to_a_letter(
    case: Case, officer: Person, staff: Callable[..., User]
) -> None:
    letter = register(None, case)
    hanna = staff("hanna", Role.CASE_OFFICER, person=officer)

    with pytest.raises(PermissionDenied):
        services.file_attach(
            actor=hanna, document=letter, upload=upload("svar.pdf", pdf_bytes("Svar"))
        )

    assert not letter.files.exists()


def test_the_register_page_refuses_a_case_officer_and_saves_nothing(
    client: Client, board: Organization, staff: Callable[..., User]
) -> None:
    client.force_login(staff("olle", Role.CASE_OFFICER))

    response = client.post(
        REGISTER,
        {
            "avsandare": "Länsstyrelsen Västra Götaland",
            "beskrivning": "Synpunkter på kommundirektörsinstruktionen",
            "riktning": "incoming",
            "datum": "2026-01-14",
            "organisation": board.pk,
        },
    )

    assert response.status_code == 403
    assert not Case.objects.exists()
    assert not Document.objects.exists()


def test_the_register_page_takes_a_letter_from_a_secretary(
    client: Client, board: Organization, staff: Callable[..., User]
) -> None:
    client.force_login(staff("sara", Role.SECRETARY))

    response = client.post(
        REGISTER,
        {
            "avsandare": "Länsstyrelsen Västra Götaland",
            "beskrivning": "Synpunkter på kommundirektörsinstruktionen",
            "riktning": "incoming",
            "datum": "2026-01-14",
            "organisation": board.pk,
        },
    )

    assert response.status_code == 302
    assert Document.objects.get().counterpart == "Länsstyrelsen Västra Götaland"


def test_a_registrar_sees_through_secrecy_and_handles_requests_by_the_role(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    registrar = staff("rita", Role.REGISTRAR)

    assert not document_view(registrar, secret_letter).masked
    assert may_handle_records_requests(registrar, secret_letter.case.organization.body_id)


def test_a_model_permission_alone_does_not_handle_records_requests(
    case: Case, staff: Callable[..., User]
) -> None:
    olle = staff("olle", Role.CASE_OFFICER)
    olle.user_permissions.add(Permission.objects.get(codename="change_publicrecordsrequest"))

    assert not may_handle_records_requests(User.objects.get(pk=olle.pk), case.organization.body_id)
