"""Secret documents that match only in their hidden text are narrowed to those the searcher
sees in full by the database, with no cap on how many: each of them is found and counted, by
the registrar, by the case officer of the case, and by no one else."""

import datetime

from kansli.accounts.models import Role, User
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.services import Registration
from kansli.search.selectors import search
from kansli.search.tests.conftest import staff

MANY = 501  # more than the 500 secret candidates a search once checked one by one


def secret_letters(case: Case, count: int) -> list[Document]:
    return registry.documents_register(
        actor=None,
        registrations=[
            Registration(
                case=case,
                direction=Document.Direction.INCOMING,
                date=datetime.date(2026, 1, 14),
                counterpart="Anna Andersson",
                description=f"Läkarintyg {n}",
                secrecy_reference="OSL 26 kap. 1 §",
                counterpart_masked=True,
                description_masked=True,
            )
            for n in range(count)
        ],
    )


def test_every_secret_match_is_found_by_those_who_see_it(
    body: Body, case: Case, officer: User, colleague: User
) -> None:
    secret_letters(case, MANY)
    registrar = staff(body, "rita", Role.REGISTRAR)

    assert search(user=registrar, query="läkarintyg").total == MANY
    assert search(user=officer, query="läkarintyg").total == MANY
    assert search(user=colleague, query="läkarintyg").total == 0


def test_a_case_officer_sees_only_the_secrets_of_their_own_cases(
    board: Organization, case: Case, officer: User, colleague: User
) -> None:
    secret_letters(case, 2)
    other = registry.case_open(
        actor=None,
        organization=board,
        title="Personalärende",
        case_officer=colleague.person,
        opened_on=datetime.date(2026, 1, 13),
    )
    (theirs,) = secret_letters(other, 1)

    found = search(user=colleague, query="läkarintyg")

    assert [hit.view.document for hit in found.hits] == [theirs]
    assert search(user=officer, query="läkarintyg").total == 2


def test_a_secret_case_title_hides_the_match_from_the_documents_own_officer(
    board: Organization, officer: User, colleague: User
) -> None:
    secret_case = registry.case_open(
        actor=None,
        organization=board,
        title="Utredning om en anställd",
        case_officer=officer.person,
        secrecy_reference="OSL 39 kap. 3 §",
        opened_on=datetime.date(2026, 1, 13),
    )
    registry.document_register(
        actor=None,
        case=secret_case,
        direction=Document.Direction.DRAWN_UP,
        date=datetime.date(2026, 1, 14),
        description="Minnesanteckning om samtalet",
        case_officer=colleague.person,
    )

    assert search(user=colleague, query="utredning").total == 0
    assert search(user=officer, query="utredning").total == 1
