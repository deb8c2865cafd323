"""Min kalender: a person's secret link to the iCalendar feed of their coming meetings,
subscribable without signing in. Only the token's digest is kept; a revoked or replaced link
is not found; the feed holds the person's own meetings only, and nothing of their agendas."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from time_machine import TimeMachineFixture

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.meetings import services
from kansli.meetings.calendar import meeting_uid
from kansli.meetings.models import CalendarFeed, Meeting
from kansli.meetings.tests.conftest import DAY, Board
from kansli.meetings.tests.own_side import account, week_before
from kansli.meetings.tests.sitting import PUBLIC_TITLE, SECRET_TITLE, called
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.tests.crawl import unfold


@pytest.fixture(autouse=True)
def before_the_meeting(time_machine: TimeMachineFixture) -> None:
    week_before(time_machine)


@pytest.fixture
def bo(ks: Board) -> User:
    return account(ks.bo)


def feed(token: str, body: str = "vanersborg") -> Client:
    return Client().get(reverse("meetings:calendar_feed", args=[body, token]))


def test_the_link_opens_the_persons_coming_meetings_without_signing_in(
    bo: User, meeting: Meeting
) -> None:
    called(meeting)
    _feed, token = services.calendar_feed_create(actor=bo, person=bo.person)

    response = feed(token)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = unfold(response.content.decode())
    assert meeting_uid(meeting) in text
    assert "Sammanträde: Kommunstyrelsen" in text


def test_only_the_digest_of_the_token_is_kept(bo: User) -> None:
    kept, token = services.calendar_feed_create(actor=bo, person=bo.person)

    assert kept.digest != token
    assert not CalendarFeed.objects.filter(digest__contains=token).exists()
    assert not any(token in f"{event.before}{event.after}" for event in Event.objects.all())


def test_a_revoked_link_is_not_found(bo: User, meeting: Meeting) -> None:
    _feed, token = services.calendar_feed_create(actor=bo, person=bo.person)

    services.calendar_feed_revoke(actor=bo, person=bo.person)

    assert feed(token).status_code == 404


def test_a_new_link_replaces_the_old_one(bo: User, meeting: Meeting) -> None:
    _feed, old = services.calendar_feed_create(actor=bo, person=bo.person)

    _feed, new = services.calendar_feed_create(actor=bo, person=bo.person)

    assert feed(old).status_code == 404
    assert feed(new).status_code == 200
    assert CalendarFeed.objects.filter(person=bo.person, revoked_at__isnull=True).count() == 1


def test_a_link_is_not_found_under_another_body_nor_with_a_made_up_token(
    bo: User, meeting: Meeting
) -> None:
    _feed, token = services.calendar_feed_create(actor=bo, person=bo.person)
    organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )

    assert feed(token, "blekinge").status_code == 404
    assert feed("x" * 43).status_code == 404


def test_another_persons_meetings_are_not_in_the_feed(
    bo: User, ks: Board, meeting: Meeting, schedule: Callable[..., Meeting], body: Body
) -> None:
    committee = organisation.organization_create(
        actor=None, body=body, kind=Organization.Kind.COMMITTEE, slug="sn", name="Socialnämnden"
    )
    elsewhere = schedule(DAY + datetime.timedelta(days=1), organization=committee)
    past = schedule(DAY - datetime.timedelta(days=14))
    _feed, token = services.calendar_feed_create(actor=bo, person=bo.person)

    text = unfold(feed(token).content.decode())

    assert meeting_uid(meeting) in text
    assert meeting_uid(elsewhere) not in text
    assert meeting_uid(past) not in text


def test_nothing_of_the_agenda_is_in_the_feed(bo: User, meeting: Meeting) -> None:
    called(meeting)
    _feed, token = services.calendar_feed_create(actor=bo, person=bo.person)

    text = unfold(feed(token).content.decode())

    assert SECRET_TITLE not in text
    assert PUBLIC_TITLE not in text


def test_only_the_person_makes_or_revokes_their_link(bo: User, ks: Board, secretary: User) -> None:
    with pytest.raises(PermissionDenied):
        services.calendar_feed_create(actor=secretary, person=ks.bo)
    services.calendar_feed_create(actor=bo, person=ks.bo)
    with pytest.raises(PermissionDenied):
        services.calendar_feed_revoke(actor=account(ks.cecilia), person=ks.bo)

    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1


def test_the_page_shows_a_new_link_once_and_revokes_it(bo: User, meeting: Meeting) -> None:
    client = Client()
    client.force_login(bo)
    page = reverse("meetings:my_calendar", args=["vanersborg"])

    made = client.post(reverse("meetings:calendar_feed_create", args=["vanersborg"]))
    link = made.context["link"]
    opened = Client().get(link)
    again = client.get(page).content.decode()
    revoked = client.post(reverse("meetings:calendar_feed_revoke", args=["vanersborg"]))

    assert made.status_code == 200
    assert link in made.content.decode()
    assert opened.status_code == 200
    assert link not in again
    assert "Du har en kalenderlänk" in again
    assert revoked.status_code == 302
    assert Client().get(link).status_code == 404
    assert "Du har ingen kalenderlänk." in client.get(page).content.decode()
