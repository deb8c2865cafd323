"""The crisis API: the log written in the key's own name, the lists read with any key."""

import datetime

from django.test import Client

from kansli.accounts.models import User
from kansli.followup.models import CrisisEvent
from kansli.followup.services import crisis
from kansli.followup.tests.api_keys import bearer
from kansli.organisation.models import Body


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
    refused = client.post(url, line, content_type="application/json", **bearer("ledamot"))
    assert refused.status_code == 403
    response = client.post(url, line, content_type="application/json", **bearer("direktor"))
    assert response.status_code == 201
    detail = client.get(
        f"/api/v1/bodies/vanersborg/followup/crisis-events/{event.pk}", **bearer("ledamot")
    ).json()
    assert [entry["text"] for entry in detail["log"]][-1] == "Trädfällning på väg 45"
    assert detail["chief_of_staff"]["name"] == "Robert Sjögren"
    assert CrisisEvent.objects.get().log.count() == 2


def test_a_decision_line_is_a_bad_request_and_a_closed_log_a_conflict(
    client: Client, demo: dict[str, Body]
) -> None:
    director = User.objects.get(username="direktor")
    started = datetime.datetime(2026, 11, 2, 6, tzinfo=datetime.UTC)
    event = crisis.crisis_event_open(
        actor=director, body=demo["vanersborg"], title="Storm", started_at=started
    )
    url = f"/api/v1/bodies/vanersborg/followup/crisis-events/{event.pk}/log"
    decision = {"kind": "decision", "text": "Skolorna stängs"}

    bad = client.post(url, decision, content_type="application/json", **bearer("direktor"))
    crisis.crisis_event_close(
        actor=director, event=event, ended_at=started + datetime.timedelta(days=1)
    )
    line = {"kind": "measure", "text": "Trädfällning på väg 45"}
    closed = client.post(url, line, content_type="application/json", **bearer("direktor"))

    assert bad.status_code == 400
    assert bad.json()["detail"] == "Ett beslut förs in i loggen när det registreras."
    assert bad.json()["code"] == "invalid"
    assert closed.status_code == 409
    assert closed.json()["detail"] == "Händelsen är avslutad; loggen är stängd."
    assert closed.json()["code"] == "conflict"


def test_the_crisis_lists_answer_through_the_api(client: Client, demo: dict[str, Body]) -> None:
    headers = bearer("ledamot")
    base = "/api/v1/bodies/vanersborg/followup"
    security = client.get(f"{base}/security-classes", **headers).json()
    assert {row["slug"] for row in security} >= {"kommundirektor", "bitradande-kommundirektor"}
    assert not any(row["short"] for row in security)
    assert client.get(f"{base}/crisis-decisions/unreported", **headers).json() == []
    assert client.get(f"{base}/crisis-events", **headers).json() == []
