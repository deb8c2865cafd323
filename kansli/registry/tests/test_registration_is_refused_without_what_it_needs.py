import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.organisation import services as organisation
from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import Case, Document


def register(case: Case, **fields: object) -> Document:
    arguments = {
        "actor": None,
        "case": case,
        "direction": Document.Direction.INCOMING,
        "date": datetime.date(2026, 1, 14),
        "counterpart": "Anna Andersson",
        "description": "Brev",
    } | fields
    return services.document_register(**arguments)


def test_an_incoming_letter_needs_its_sender(case: Case) -> None:
    with pytest.raises(ValidationError, match="Ange avsändare"):
        register(case, counterpart=" ")


def test_a_drawn_up_document_needs_no_counterpart(case: Case) -> None:
    document = register(case, direction=Document.Direction.DRAWN_UP, counterpart="")

    assert document.counterpart == ""


def test_a_closed_case_takes_no_documents(case: Case) -> None:
    services.case_close(actor=None, case=case, closed_on=datetime.date(2026, 2, 1))

    with pytest.raises(ValidationError, match="är avslutat"):
        register(case)


def test_a_classification_must_be_a_code(case: Case) -> None:
    with pytest.raises(ValidationError, match="siffror åtskilda av punkter"):
        register(case, classification="ekonomi")


def test_a_secrecy_reference_must_cite_osl(case: Case) -> None:
    with pytest.raises(ValidationError, match="Ange sekretessgrunden som till exempel"):
        register(case, secrecy_reference="sekretess", description_masked=True)


def test_secrecy_needs_its_reason_or_what_it_hides(case: Case) -> None:
    with pytest.raises(ValidationError, match="skälet för sekretessen"):
        register(case, secrecy_reference="OSL 21 kap. 1 §")


def test_masking_without_secrecy_is_refused(case: Case) -> None:
    with pytest.raises(ValidationError, match="Bara en sekretessmarkerad handling"):
        register(case, description_masked=True)


def test_a_case_officer_of_another_body_is_refused(case: Case) -> None:
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = organisation.person_create(
        actor=None, body=other, given_name="Olle", family_name="Annan"
    )

    with pytest.raises(ValidationError, match="annan kommun eller region"):
        register(case, case_officer=stranger)


def test_a_reopened_case_takes_documents_again(case: Case) -> None:
    services.case_close(actor=None, case=case, closed_on=datetime.date(2026, 2, 1))
    services.case_reopen(actor=None, case=case)

    assert register(case).number == "KS 2026/00001-1"
    assert case.closed_on is None
