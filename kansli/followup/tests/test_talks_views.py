"""The talks page: the director schedules the year and records a talk; others read."""

import datetime

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.followup.models import Talk
from kansli.organisation.models import Body


def test_the_director_schedules_the_year_and_records_a_talk(
    client: Client, demo: dict[str, Body]
) -> None:
    client.force_login(User.objects.get(username="direktor"))
    url = "/vanersborg/uppfoljning/samtal/"
    assert client.post(url, {"action": "schedule"}).status_code == 302
    talk = Talk.objects.filter(source_section="5.2.5").first()
    held_on = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(url, {"action": "held", "talk": talk.pk, "held_on": held_on})
    assert response.status_code == 302
    talk.refresh_from_db()
    assert talk.held_on == held_on
    page = client.get(url).content.decode()
    assert talk.held_with.name in page
    csv = client.get(url + "?format=csv").content.decode("utf-8-sig")
    assert "lönesamtal" in csv


def test_a_member_reads_the_talks_but_may_not_schedule(
    client: Client, demo: dict[str, Body]
) -> None:
    client.force_login(User.objects.get(username="ledamot"))
    url = "/vanersborg/uppfoljning/samtal/"
    assert client.get(url + "?forsenade=1").status_code == 200
    assert client.get(url + "?ar=x").status_code == 200
    assert client.post(url, {"action": "schedule"}).status_code == 403
    assert not Talk.objects.exists()
