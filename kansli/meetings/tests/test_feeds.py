"""The notice board and each organ's meetings as RSS and Atom: they parse, carry what the
public pages show, and never a secret case's title, whoever fetches them."""

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization
from kansli.registry import services as registry

ATOM = "{http://www.w3.org/2005/Atom}"
SECRET = "HEMLIG5521"


def parse(feed: bytes) -> ET.Element:
    return ET.fromstring(feed)  # noqa: S314 (our own feed)


@pytest.fixture
def council(ks: Board) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )


@pytest.fixture
def called(
    council: Organization,
    secretary: User,
    schedule: Callable[..., Meeting],
    frozen_now: Callable[..., None],
) -> Meeting:
    """The council's meeting of 1 December 2026, with a public and a secret case, announced on
    the notice board and called."""
    meeting = schedule(DAY, organization=council)
    services.item_add(actor=secretary, meeting=meeting, title="Budget för 2027")
    secret = registry.case_open(
        actor=None,
        organization=council,
        title=f"Placering {SECRET}",
        secrecy_reference="OSL 26 kap. 1 §",
    )
    services.item_add(actor=secretary, meeting=meeting, title=f"Placering {SECRET}", case=secret)
    frozen_now(at(datetime.date(2026, 11, 20)))
    services.announcement_post(actor=secretary, meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CALLED)
    return meeting


def get(name: str, *args: object, client: Client | None = None) -> bytes:
    response = (client or Client()).get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content


def test_the_notice_board_feeds_carry_the_announcement_without_the_secret_title(
    called: Meeting, secretary: User
) -> None:
    signed_in = Client()
    signed_in.force_login(secretary)
    for client in (Client(), signed_in):
        rss = get("meetings:board_rss", "vanersborg", client=client)
        atom = get("meetings:board_atom", "vanersborg", client=client)

        items = parse(rss).findall("channel/item")
        entries = parse(atom).findall(f"{ATOM}entry")
        assert [item.findtext("title") for item in items] == [
            "Tillkännagivande: Kommunfullmäktige sammanträder 2026-12-01"
        ]
        assert len(entries) == 1
        assert "Budget för 2027" in (items[0].findtext("description") or "")
        assert SECRET.encode() not in rss + atom


def test_an_organs_meeting_feeds_list_its_meetings_with_the_public_agenda(
    called: Meeting, council: Organization, secretary: User
) -> None:
    signed_in = Client()
    signed_in.force_login(secretary)
    for client in (Client(), signed_in):
        rss = get("meetings:meetings_rss", "vanersborg", "kf", client=client)
        atom = get("meetings:meetings_atom", "vanersborg", "kf", client=client)

        (item,) = parse(rss).findall("channel/item")
        assert item.findtext("title") == "Kommunfullmäktige 2026-12-01 klockan 10:00"
        assert "Budget för 2027" in (item.findtext("description") or "")
        assert item.findtext("link", "").endswith(
            reverse("meetings:public_agenda", args=["vanersborg", called.pk])
        )
        (entry,) = parse(atom).findall(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}updated")
        assert SECRET.encode() not in rss + atom


def test_a_planned_meetings_agenda_is_not_in_the_feed(
    council: Organization, secretary: User, schedule: Callable[..., Meeting]
) -> None:
    meeting = schedule(DAY, organization=council)
    services.item_add(actor=secretary, meeting=meeting, title="Utkast UTKAST3141")

    rss = get("meetings:meetings_rss", "vanersborg", "kf")

    assert b"UTKAST3141" not in rss
    assert len(parse(rss).findall("channel/item")) == 1


def test_the_feeds_of_an_unknown_organ_are_not_found(ks: Board) -> None:
    url = reverse("meetings:meetings_rss", args=["vanersborg", "finns-inte"])
    assert Client().get(url).status_code == 404
