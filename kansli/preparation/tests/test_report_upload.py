"""An officer's report written elsewhere is uploaded: registered as a drawn-up document of the
case and taken as the report. A bad file is refused and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.preparation import selectors, services
from kansli.preparation.models import Preparation
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload


def test_an_uploaded_report_is_registered_in_the_case(case: Case, officer: User) -> None:
    services.report_upload(
        actor=officer, case=case, upload=upload("tjansteskrivelse.pdf", pdf_bytes("Forslag"))
    )

    document = Document.objects.get(case=case)
    assert document.direction == Document.Direction.DRAWN_UP
    assert document.description == "Tjänsteskrivelse"
    assert Preparation.objects.get(case=case).report_document == document
    missing = [m.key for m in selectors.case_readiness(case=case).missing]
    assert "report" not in missing


def test_a_bad_file_leaves_no_report(case: Case, officer: User) -> None:
    with pytest.raises(ValidationError):
        services.report_upload(actor=officer, case=case, upload=upload("tom.pdf", b"inte pdf"))

    assert not Document.objects.filter(case=case).exists()
    assert not Preparation.objects.filter(case=case).exists()
