"""The documents API: each document's state, who has acknowledged it, and a manager's own
acknowledgement."""

from django.test import Client

from kansli.followup.tests.api_keys import bearer
from kansli.organisation.models import Body


def test_a_manager_acknowledges_a_document_through_the_api(
    client: Client, demo: dict[str, Body]
) -> None:
    url = "/api/v1/bodies/vanersborg/followup/documents/kommundirektorsinstruktion/acknowledgements"
    assert client.post(url, **bearer("direktor")).status_code == 201
    again = client.post(url, **bearer("direktor"))
    assert again.status_code == 409
    assert again.json()["detail"].startswith("Du har redan kvitterat version")
    assert again.json()["code"] == "conflict"
    refused = client.post(url, **bearer("ledamot"))
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    rows = client.get(url, **bearer("ledamot")).json()
    acknowledged = [row["person"]["name"] for row in rows if row["acknowledged_at"]]
    assert acknowledged == ["Katarina Holmgren"]
    documents = client.get(
        "/api/v1/bodies/vanersborg/followup/documents", **bearer("ledamot")
    ).json()
    assert documents[0]["past_review"] is True
