"""The API of crisis, talks, documents and appointments: lists read with any key, writes in
the key's own name."""

import datetime

from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.followup.models import CrisisEvent
from kansli.followup.services import crisis, talks
from kansli.organisation.models import Body


def _bearer(username: str) -> dict[str, str]:
    _token, key = token_create(actor=None, user=User.objects.get(username=username), name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_crisis_log_line_is_written_by_the_director_and_refused_to_a_member(
    client: Client, demo: dict[str, Body]
) -> None:
    director = User.objects.get(username="direktor")
    event = crisis.crisis_event_open(
        actor=director,
        body=demo["vanersborg"],
        title="Storm",
        started_at=datetime.datetime(2026, 11, 2, 6, tzinfo=datetime.UTC),
    )
    url = f"/api/v1/bodies/vanersborg/followup/crisis-events/{event.pk}/log"
    line = {"kind": "measure", "text": "Trädfällning på väg 45"}
    refused = client.post(url, line, content_type="application/json", **_bearer("ledamot"))
    assert refused.status_code == 403
    response = client.post(url, line, content_type="application/json", **_bearer("direktor"))
    assert response.status_code == 201
    detail = client.get(
        f"/api/v1/bodies/vanersborg/followup/crisis-events/{event.pk}", **_bearer("ledamot")
    ).json()
    assert [entry["text"] for entry in detail["log"]][-1] == "Trädfällning på väg 45"
    assert detail["chief_of_staff"]["name"] == "Robert Sjögren"
    assert CrisisEvent.objects.get().log.count() == 2


def test_the_lists_answer_through_the_api(client: Client, demo: dict[str, Body]) -> None:
    talks.talks_schedule(
        actor=User.objects.get(username="direktor"),
        body=demo["vanersborg"],
        on=datetime.date(2026, 3, 1),
    )
    headers = _bearer("ledamot")
    base = "/api/v1/bodies/vanersborg/followup"
    security = client.get(f"{base}/security-classes", **headers).json()
    assert {row["slug"] for row in security} >= {"kommundirektor", "bitradande-kommundirektor"}
    assert not any(row["short"] for row in security)
    overdue = client.get(f"{base}/talks?overdue=true&date=2027-01-02", **headers).json()
    assert len(overdue) == 11
    documents = client.get(f"{base}/documents", **headers).json()
    assert documents[0]["past_review"] is True
    requirements = client.get(
        f"{base}/appointment-requirements",
        {
            "decision_type": "anstallning-forvaltningschef",
            "position": "forvaltningschef-socialforvaltningen",
        },
        **headers,
    ).json()
    assert requirements[0]["before"] == [
        "Samråd med presidiet i socialnämnden",
        "Samråd med personal- och förhandlingsutskottet",
    ]
    assert client.get(f"{base}/crisis-decisions/unreported", **headers).json() == []


def test_a_manager_acknowledges_a_document_through_the_api(
    client: Client, demo: dict[str, Body]
) -> None:
    url = "/api/v1/bodies/vanersborg/followup/documents/kommundirektorsinstruktion/acknowledgements"
    assert client.post(url, **_bearer("direktor")).status_code == 201
    assert client.post(url, **_bearer("direktor")).status_code == 409
    assert client.post(url, **_bearer("ledamot")).status_code == 403
    rows = client.get(url, **_bearer("ledamot")).json()
    acknowledged = [row["person"]["name"] for row in rows if row["acknowledged_at"]]
    assert acknowledged == ["Katarina Holmgren"]
