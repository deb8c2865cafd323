from kansli.governance import selectors, services
from kansli.governance.models import GoverningDocument


def test_a_bodys_documents_are_listed_by_name(body, board, department, other_body, other_board):
    for slug, name in (
        ("reglemente", "Reglemente för kommunstyrelsen"),
        ("attest", "Attestregler"),
    ):
        services.document_create(
            actor=None,
            body=body,
            slug=slug,
            kind=GoverningDocument.Kind.REGULATION,
            name=name,
            adopted_by=board,
            owner=department,
        )
    services.document_create(
        actor=None,
        body=other_body,
        slug="instruktion",
        kind=GoverningDocument.Kind.INSTRUCTION,
        name="Instruktion till landstingsdirektör",
        adopted_by=other_board,
        owner=other_board,
    )

    documents = selectors.document_list(body=body)

    assert [d.name for d in documents] == ["Attestregler", "Reglemente för kommunstyrelsen"]
    assert documents[0].owner == department
