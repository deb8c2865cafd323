from collections.abc import Callable

from django.test import Client

from kansli.accounts.models import Role, User
from kansli.registry.models import Document

URL = "/api/v1/bodies/vanersborg/records-requests"


def test_a_registrar_registers_assesses_and_refuses_a_request_without_an_appeal(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    client = api_client(staff("rut", Role.REGISTRAR))

    created = client.post(
        URL,
        {"subject": "Anmälan i KS 2026/00001", "documents": [secret_letter.pk], "channel": "phone"},
        content_type="application/json",
    )
    request_id = created.json()["id"]
    client.post(
        f"{URL}/{request_id}/assessment",
        {"assessment": "Uppgifter om enskild elev."},
        content_type="application/json",
    )
    decided = client.post(
        f"{URL}/{request_id}/answer",
        {"outcome": "refused", "refusal_ground": "OSL 23 kap. 1 §"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["documents"] == [secret_letter.pk]
    assert created.json()["channel"] == "phone"
    assert decided.status_code == 200
    assert decided.json()["status"] == "decided"
    assert "myndighetens beslut" not in decided.json()["appeal_information"]
    assert decided.json()["appeal_information"] == ""
    assert "begära att Vänersborgs kommun prövar frågan" in decided.json()["review_information"]


def test_the_waiting_requests_show_their_wait(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    client = api_client(staff("rut", Role.REGISTRAR))
    client.post(URL, {"subject": "Protokoll"}, content_type="application/json")

    (waiting,) = client.get(URL).json()

    assert waiting["subject"] == "Protokoll"
    assert waiting["waited_seconds"] >= 0
    assert waiting["overdue"] is False


def test_a_refusal_without_ground_is_a_400_with_a_swedish_message(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    client = api_client(staff("rut", Role.REGISTRAR))
    request_id = client.post(URL, {"subject": "Protokoll"}, content_type="application/json").json()[
        "id"
    ]

    response = client.post(
        f"{URL}/{request_id}/answer", {"outcome": "refused"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["detail"].startswith("Ange sekretessgrunden i OSL")
    assert response.json()["code"] == "invalid"


def test_a_decided_request_is_a_conflict_and_an_unknown_document_a_bad_request(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    client = api_client(staff("rut", Role.REGISTRAR))
    request_id = client.post(URL, {"subject": "Protokoll"}, content_type="application/json").json()[
        "id"
    ]
    decision = f"{URL}/{request_id}/answer"
    client.post(decision, {"outcome": "released"}, content_type="application/json")

    again = client.post(decision, {"outcome": "released"}, content_type="application/json")
    unknown = client.post(
        URL, {"subject": "Protokoll", "documents": [0]}, content_type="application/json"
    )

    assert again.status_code == 409
    assert again.json() == {
        "detail": "Begäran är redan besvarad.",
        "code": "conflict",
        "fields": {},
    }
    assert unknown.status_code == 400
    assert (
        unknown.json()["detail"] == "En eller flera handlingar finns inte hos Vänersborgs kommun."
    )
    assert unknown.json()["code"] == "invalid"


def test_requests_are_closed_to_staff_who_do_not_handle_them(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    response = api_client(staff("dan", Role.DIRECTOR)).get(URL)

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Bara registratorer hos Vänersborgs kommun hanterar begäranden."
    )
    assert response.json()["code"] == "permission_denied"
