import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import Role, User
from kansli.organisation.models import Body
from kansli.registry import selectors, services
from kansli.registry.models import Document, PublicRecordsRequest

STOCKHOLM = datetime.timezone(datetime.timedelta(hours=1))


def at(day: int, hour: int = 10) -> datetime.datetime:
    """A time in January 2026 (Swedish winter time)."""
    return datetime.datetime(2026, 1, day, hour, tzinfo=STOCKHOLM)


def request_for(
    body: Body, letter: Document, received_at: datetime.datetime
) -> PublicRecordsRequest:
    return services.records_request_register(
        actor=None,
        body=body,
        subject="Anmälan om kränkande behandling, januari 2026",
        documents=[letter],
        received_at=received_at,
    )


def test_a_request_may_be_anonymous_and_is_registered_by_its_registrar(
    body: Body, secret_letter: Document, staff: Callable[..., User]
) -> None:
    registrar = staff("rut", Role.REGISTRAR)

    request = services.records_request_register(
        actor=registrar,
        body=body,
        subject="Alla handlingar i KS 2026/00001",
        documents=[secret_letter],
    )

    assert request.requester == ""
    assert request.registered_by == registrar
    assert list(request.documents.all()) == [secret_letter]
    assert request.status == PublicRecordsRequest.Status.RECEIVED


def test_release_in_full_tells_of_no_review_and_no_appeal(
    body: Body, secret_letter: Document
) -> None:
    request = request_for(body, secret_letter, at(14))
    services.records_request_assess(actor=None, request=request, assessment="Ingen sekretess.")

    decided = services.records_request_answer(
        actor=None, request=request, outcome=PublicRecordsRequest.Outcome.RELEASED
    )

    assert decided.status == PublicRecordsRequest.Status.DECIDED
    assert decided.review_information == ""
    assert decided.appeal_information == ""


def test_an_officials_refusal_tells_of_the_authoritys_decision_not_of_an_appeal(
    body: Body, secret_letter: Document
) -> None:
    request = request_for(body, secret_letter, at(14))

    decided = services.records_request_answer(
        actor=None,
        request=request,
        outcome=PublicRecordsRequest.Outcome.REFUSED,
        refusal_ground="OSL 23 kap. 1 §",
        decision_text="Handlingen innehåller uppgifter om en enskild elev.",
    )

    assert decided.refusal_ground == "OSL 23 kap. 1 §"
    assert decided.review_information.startswith(
        "Du kan begära att Vänersborgs kommun prövar frågan och fattar ett beslut "
        "(6 kap. 3 § offentlighets- och sekretesslagen)."
    )
    assert "krävs ett sådant beslut av myndigheten" in decided.review_information
    assert decided.appeal_information == ""
    assert "kammarrätten" not in decided.review_information


def test_a_release_in_part_needs_its_ground(body: Body, secret_letter: Document) -> None:
    request = request_for(body, secret_letter, at(14))

    with pytest.raises(ValidationError, match="Ange sekretessgrunden"):
        services.records_request_answer(
            actor=None, request=request, outcome=PublicRecordsRequest.Outcome.RELEASED_IN_PART
        )


def test_a_decided_request_cannot_be_decided_again(body: Body, secret_letter: Document) -> None:
    request = request_for(body, secret_letter, at(14))
    services.records_request_answer(
        actor=None, request=request, outcome=PublicRecordsRequest.Outcome.RELEASED
    )

    with pytest.raises(ValidationError, match="redan besvarad"):
        services.records_request_answer(
            actor=None, request=request, outcome=PublicRecordsRequest.Outcome.REFUSED
        )


def test_a_request_shows_how_long_it_has_waited(body: Body, secret_letter: Document) -> None:
    request = request_for(body, secret_letter, at(14, 10))

    (wait,) = selectors.records_requests_open(body=body, now=at(14, 15))

    assert wait.request == request
    assert wait.waited == datetime.timedelta(hours=5)
    assert not wait.overdue


def test_a_request_from_friday_is_overdue_only_after_monday(
    body: Body, secret_letter: Document
) -> None:
    request_for(body, secret_letter, at(16, 16))  # Friday afternoon

    monday_evening = selectors.records_requests_overdue(body=body, now=at(19, 21))
    tuesday_morning = selectors.records_requests_overdue(body=body, now=at(20, 8))

    assert monday_evening == []
    assert [wait.due_on for wait in tuesday_morning] == [datetime.date(2026, 1, 19)]


def test_a_decided_request_is_no_longer_flagged(body: Body, secret_letter: Document) -> None:
    request = request_for(body, secret_letter, at(12))
    services.records_request_answer(
        actor=None, request=request, outcome=PublicRecordsRequest.Outcome.RELEASED
    )

    assert selectors.records_requests_overdue(body=body, now=at(20)) == []


def test_documents_of_another_body_cannot_be_requested(secret_letter: Document) -> None:
    other = Body.objects.create(slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION)

    with pytest.raises(ValidationError, match="annan kommun eller region"):
        services.records_request_register(
            actor=None, body=other, subject="Anmälan", documents=[secret_letter]
        )


def test_the_bodys_own_setting_says_how_long_a_request_may_wait(
    body: Body, secret_letter: Document
) -> None:
    services.records_request_settings_set(actor=None, body=body, working_days=2)
    request_for(body, secret_letter, at(16, 16))  # Friday afternoon

    tuesday_evening = selectors.records_requests_overdue(body=body, now=at(20, 21))
    wednesday_morning = selectors.records_requests_overdue(body=body, now=at(21, 8))

    assert tuesday_evening == []
    assert [wait.due_on for wait in wednesday_morning] == [datetime.date(2026, 1, 20)]


def test_the_answer_is_registered_in_the_case_of_the_document_asked_for(
    body: Body, secret_letter: Document
) -> None:
    request = request_for(body, secret_letter, at(14))

    services.records_request_answer(
        actor=None,
        request=request,
        outcome=PublicRecordsRequest.Outcome.REFUSED,
        refusal_ground="OSL 23 kap. 1 §",
    )

    answer = secret_letter.case.documents.order_by("sequence").last()
    assert answer.direction == Document.Direction.OUTGOING
    assert answer.description == "Svar på begäran om allmän handling: avslag (OSL 23 kap. 1 §)"
    assert answer.counterpart_is_private_person
