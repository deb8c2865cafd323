import datetime

from django.test import Client
from django.utils import timezone

from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument


def test_the_list_shows_each_document_with_its_metadata(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    response = signed_in.get("/vanersborg/styrdokument/")

    text = " ".join(response.text.split())
    assert (
        '<th scope="row"><a href="/vanersborg/styrdokument/kommundirektorsinstruktion/">'
        "Kommundirektörsinstruktion</a></th> <td>Instruktion</td>"
        ' <td class="nowrap">KS 2017-12-20, § 248</td>'
        " <td>Kommunstyrelseförvaltningen</td> <td>Tills vidare</td>"
    ) in text
    assert '2020-12-31 <span class="tag tag--warning">passerat</span>' in text


def test_the_filter_keeps_only_documents_past_review(
    signed_in: Client, instruction: GoverningDocument
) -> None:
    governance.document_create(
        actor=None,
        body=instruction.body,
        slug="attestregler",
        kind=GoverningDocument.Kind.RULES,
        name="Attestregler",
        adopted_by=instruction.adopted_by,
        owner=instruction.owner,
        review_by=timezone.localdate() + datetime.timedelta(days=30),
    )

    everything = signed_in.get("/vanersborg/styrdokument/")
    past_review = signed_in.get("/vanersborg/styrdokument/", {"passerat": "on"})

    assert "Attestregler" in everything.text
    assert "Kommundirektörsinstruktion" in everything.text
    assert "Attestregler" not in past_review.text
    assert "Kommundirektörsinstruktion" in past_review.text
    assert "Styrdokument som passerat översynsdatum (1)" in past_review.text
    assert 'name="passerat" id="id_passerat" checked' in past_review.text


def test_an_empty_filter_says_so(signed_in: Client, instruction: GoverningDocument) -> None:
    governance.document_update(actor=None, document=instruction, review_by=None)

    response = signed_in.get("/vanersborg/styrdokument/", {"passerat": "on"})

    assert "Inget styrdokument har passerat sitt översynsdatum." in response.text
