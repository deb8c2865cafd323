"""The talks API: the year's or the overdue talks, and a talk recorded as held."""

import datetime

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.followup.services import talks
from kansli.followup.tests.api_keys import bearer
from kansli.organisation.models import Body


def test_overdue_talks_are_listed_and_a_talk_is_recorded_through_the_api(
    client: Client, demo: dict[str, Body]
) -> None:
    scheduled = talks.talks_schedule(
        actor=User.objects.get(username="direktor"),
        body=demo["vanersborg"],
        on=datetime.date(2026, 3, 1),
    )
    base = "/api/v1/bodies/vanersborg/followup/talks"
    overdue = client.get(f"{base}?overdue=true&date=2027-01-02", **bearer("ledamot")).json()
    assert len(overdue) == len(scheduled) == 11
    url = f"{base}/{scheduled[0].pk}/held"
    held = {"held_on": "2026-10-01", "note": ""}
    refused = client.post(url, held, content_type="application/json", **bearer("ledamot"))
    assert refused.status_code == 403
    response = client.post(url, held, content_type="application/json", **bearer("direktor"))
    assert response.json()["held_on"] == "2026-10-01"


def test_a_talk_held_twice_is_a_conflict_and_one_not_yet_held_a_bad_request(
    client: Client, demo: dict[str, Body]
) -> None:
    first, second, *_ = talks.talks_schedule(
        actor=User.objects.get(username="direktor"),
        body=demo["vanersborg"],
        on=datetime.date(2026, 3, 1),
    )
    url = "/api/v1/bodies/vanersborg/followup/talks/{}/held"
    held = {"held_on": "2026-10-01", "note": ""}
    tomorrow = {"held_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}
    client.post(url.format(first.pk), held, content_type="application/json", **bearer("direktor"))

    again = client.post(
        url.format(first.pk), held, content_type="application/json", **bearer("direktor")
    )
    early = client.post(
        url.format(second.pk), tomorrow, content_type="application/json", **bearer("direktor")
    )

    assert again.status_code == 409
    assert again.json()["detail"] == "Samtalet är redan registrerat som hållet den 2026-10-01."
    assert again.json()["code"] == "conflict"
    assert early.status_code == 400
    assert early.json()["detail"] == "Ett samtal kan inte registreras innan det har hållits."
    assert early.json()["code"] == "invalid"
