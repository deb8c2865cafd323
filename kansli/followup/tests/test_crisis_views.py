"""Crisis pages: the director opens an event and writes its log; a member reads only."""

import datetime

from django.test import Client

from kansli.accounts.models import User
from kansli.decisions.services import meeting_decision_record
from kansli.followup.models import CrisisEvent
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.tests.html import main


def test_the_director_opens_an_event_and_writes_in_its_log(
    client: Client, director_user: User, body: Body
) -> None:
    client.force_login(director_user)
    response = client.post(
        f"/{body.slug}/uppfoljning/kris/",
        {"title": "Vattenläcka", "started_at": "2026-11-02T06:30"},
    )
    event = CrisisEvent.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/{body.slug}/uppfoljning/kris/{event.pk}/"
    response = client.post(
        f"/{body.slug}/uppfoljning/kris/{event.pk}/",
        {"action": "log", "log-kind": "measure", "log-text": "Nödvatten utdelas vid torget"},
    )
    assert response.status_code == 302
    page = client.get(f"/{body.slug}/uppfoljning/kris/{event.pk}/").content.decode()
    assert "Nödvatten utdelas vid torget" in page
    csv = client.get(f"/{body.slug}/uppfoljning/kris/{event.pk}/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "Nödvatten utdelas vid torget" in csv.content.decode("utf-8-sig")


def test_leadership_decided_on_the_page_is_not_offered_again(
    client: Client, director_user: User, body: Body
) -> None:
    client.force_login(director_user)
    client.post(
        f"/{body.slug}/uppfoljning/kris/",
        {"title": "Vattenläcka", "started_at": "2026-11-02T06:30"},
    )
    event = CrisisEvent.objects.get()
    url = f"/{body.slug}/uppfoljning/kris/{event.pk}/"
    client.post(
        url,
        {
            "action": "leadership",
            "leadership-leadership": "director",
            "leadership-decided_at": "2026-11-02T08:00",
        },
    )
    event.refresh_from_db()
    assert event.leadership == CrisisEvent.Leadership.DIRECTOR
    assert event.leadership_decided_at.date() == datetime.date(2026, 11, 2)
    assert 'name="leadership-leadership"' not in client.get(url).content.decode()


def test_a_member_reads_the_crisis_pages_without_forms_and_may_not_post(
    client: Client, member_user: User, body: Body
) -> None:
    client.force_login(member_user)
    for path in ("kris/", "kris/beslut-att-anmala/", "sakerhetsskydd/"):
        response = client.get(f"/{body.slug}/uppfoljning/{path}")
        assert response.status_code == 200
        assert 'method="post">' not in main(response.content.decode())
    response = client.post(
        f"/{body.slug}/uppfoljning/kris/",
        {"title": "Vattenläcka", "started_at": "2026-11-02T06:30"},
    )
    assert response.status_code == 403
    assert not CrisisEvent.objects.exists()


def test_every_crisis_list_downloads_as_csv(client: Client, member_user: User, body: Body) -> None:
    client.force_login(member_user)
    for path in ("kris/", "kris/beslut-att-anmala/", "sakerhetsskydd/"):
        response = client.get(f"/{body.slug}/uppfoljning/{path}?format=csv")
        assert response["Content-Type"].startswith("text/csv")


def test_the_director_marks_crisis_decisions_reported_on_the_page(
    client: Client, director_user: User, body: Body
) -> None:
    committee = organisation.organization_create(
        actor=None,
        body=body,
        kind=Organization.Kind.CRISIS_COMMITTEE,
        slug="krisledningsnamnden",
        name="Krisledningsnämnden",
    )
    organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COUNCIL, slug="kf", name="Fullmäktige"
    )
    decision = meeting_decision_record(
        actor=None,
        organization=committee,
        decided_on=datetime.date(2026, 11, 3),
        title="Stängning av simhallen",
        text="",
        case_reference="",
        minutes="Krisledningsnämnden 2026-11-03",
        minute_number=4,
    )
    client.force_login(director_user)
    url = f"/{body.slug}/uppfoljning/kris/beslut-att-anmala/"
    assert "Stängning av simhallen" in client.get(url).content.decode()
    response = client.post(
        url,
        {"beslut": [decision.pk], "reported_on": "2026-11-20", "reported_in": "KF § 151"},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.reported_on == datetime.date(2026, 11, 20)
    assert "Stängning av simhallen" not in client.get(url).content.decode()
