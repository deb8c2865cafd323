"""A new registration cites its secrecy ground from the shipped list of OSL provisions
(`secrecy_grounds.yaml`), whether it comes through the service, a batch or the API: free text,
or a provision the list does not offer, is refused with a Swedish error and nothing is
written. Issue 14: "Sekretessgrund is free text"."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.models import Case, Document
from kansli.registry.selectors import secrecy_grounds

BASE = "/api/v1/bodies/vanersborg/registry"
NOT_LISTED = "OSL 2 kap. 1 §"  # cited as a provision, but not one of the picker's


def register(case: Case, **fields: object) -> Document:
    arguments = {
        "actor": None,
        "case": case,
        "direction": Document.Direction.INCOMING,
        "date": datetime.date(2026, 1, 14),
        "counterpart": "Anna Andersson",
        "description": "Brev",
        "description_masked": True,
    } | fields
    return services.document_register(**arguments)


@pytest.mark.parametrize("reference", [ground.reference for ground in secrecy_grounds()])
def test_every_listed_ground_is_accepted(case: Case, reference: str) -> None:
    document = register(case, secrecy_reference=reference)

    assert document.secrecy_reference == reference


def test_a_provision_not_in_the_list_is_refused_and_nothing_is_written(case: Case) -> None:
    with pytest.raises(ValidationError, match="finns inte i listan över paragrafer i OSL"):
        register(case, secrecy_reference=NOT_LISTED)

    assert not Document.objects.exists()


def test_free_text_is_refused_with_the_format_message(case: Case) -> None:
    with pytest.raises(ValidationError, match="Ange sekretessgrunden som till exempel"):
        register(case, secrecy_reference="sekretess enligt lag")

    assert not Document.objects.exists()


def test_a_batch_names_the_row_with_a_ground_not_in_the_list(case: Case) -> None:
    rows = [
        services.Registration(
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(2026, 1, 14),
            description=f"Tjänsteskrivelse {n}",
            secrecy_reference=reference,
            description_masked=bool(reference),
        )
        for n, reference in enumerate(["", NOT_LISTED])
    ]

    with pytest.raises(ValidationError, match="Rad 2"):
        services.documents_register(actor=None, registrations=rows)

    assert not Document.objects.exists()


def test_a_case_is_not_opened_with_a_ground_not_in_the_list(board: Organization) -> None:
    with pytest.raises(ValidationError, match="finns inte i listan"):
        services.case_open(
            actor=None, organization=board, title="Ärende", secrecy_reference=NOT_LISTED
        )

    assert not Case.objects.exists()


@pytest.fixture
def registrar(staff: Callable[..., User], api_client: Callable[[User], Client]) -> Client:
    return api_client(staff("rut", Role.REGISTRAR))


def test_the_api_refuses_a_ground_not_in_the_list_with_400(case: Case, registrar: Client) -> None:
    response = registrar.post(
        f"{BASE}/cases/{case.pk}/documents",
        {
            "direction": "incoming",
            "date": timezone.localdate().isoformat(),
            "counterpart": "Anna Andersson",
            "description": "Anmälan",
            "secrecy_reference": NOT_LISTED,
            "description_masked": "true",
        },
    )

    assert response.status_code == 400
    assert "finns inte i listan över paragrafer i OSL" in response.json()["detail"]
    assert not Document.objects.exists()


def test_the_api_opens_no_case_with_a_ground_not_in_the_list(
    board: Organization, registrar: Client
) -> None:
    response = registrar.post(
        f"{BASE}/cases",
        {"organization": "ks", "title": "Ärende", "secrecy_reference": NOT_LISTED},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert not Case.objects.exists()


def test_a_case_ground_typed_before_the_list_is_carried_over_to_its_documents(
    case: Case,
) -> None:
    # A protokollsutdrag of a secret case takes the case's ground as it stands (meetings'
    # extracts), even one typed before the list.
    old = "OSL 19 kap. 3 § andra stycket"
    Case.objects.filter(pk=case.pk).update(secrecy_reference=old)
    case.refresh_from_db()

    document = register(case, secrecy_reference=old)
    with pytest.raises(ValidationError, match="finns inte i listan"):
        register(case, secrecy_reference=NOT_LISTED)

    assert document.secrecy_reference == old
