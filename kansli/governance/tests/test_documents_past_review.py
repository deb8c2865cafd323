import datetime

from kansli.governance import selectors, services
from kansli.governance.models import GoverningDocument


def make(body, board, department, slug, review_by):
    return services.document_create(
        actor=None,
        body=body,
        slug=slug,
        kind=GoverningDocument.Kind.POLICY,
        name=slug.capitalize(),
        adopted_by=board,
        owner=department,
        review_by=review_by,
    )


def past_review(body, on):
    return [d.slug for d in selectors.documents_past_review(body=body, on=on)]


def test_a_document_is_past_review_from_the_day_after_its_review_date(body, board, department):
    make(body, board, department, "attestregler", datetime.date(2026, 6, 30))
    make(body, board, department, "arkivplan", datetime.date(2027, 12, 31))
    make(body, board, department, "policy", None)

    assert past_review(body, datetime.date(2026, 6, 30)) == []
    assert past_review(body, datetime.date(2026, 7, 1)) == ["attestregler"]
    assert past_review(body, datetime.date(2028, 1, 1)) == ["attestregler", "arkivplan"]


def test_another_bodys_overdue_documents_are_not_listed(
    body, board, department, other_body, other_board
):
    make(other_body, other_board, other_board, "riktlinje", datetime.date(2020, 1, 1))

    assert past_review(body, datetime.date(2026, 1, 1)) == []
    assert past_review(other_body, datetime.date(2026, 1, 1)) == ["riktlinje"]
