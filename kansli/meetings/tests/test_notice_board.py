"""The official notice board holds, besides the minutes postings, the council's announcement of
its meetings (KL 5 kap. 11 §: time, place and the matters to be dealt with, at least a week
before the meeting day) and the secretary's other notices; each is fixed as it was posted, with
its SHA-256 in the audit chain, and what is taken down moves to the public archive."""

import datetime
import hashlib
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Meeting, Notice
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization
from kansli.registry import services as registry

D = datetime.date
SECRET_TITLE = "Placering av barnet HEMLIG7781"


@pytest.fixture
def council_meeting(ks: Board, schedule: Callable[..., Meeting], secretary: User) -> Meeting:
    """The council meets on Tuesday 1 December 2026 in Sessionssalen: a public item and a
    secret case."""
    council = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )
    meeting = schedule(DAY, organization=council)
    services.item_add(actor=secretary, meeting=meeting, title="Budget för 2027")
    secret = registry.case_open(
        actor=None, organization=council, title=SECRET_TITLE, secrecy_reference="OSL 26 kap. 1 §"
    )
    services.item_add(actor=secretary, meeting=meeting, title=SECRET_TITLE, case=secret)
    return meeting


def post_on(
    day: datetime.date, secretary: User, meeting: Meeting, frozen_now: Callable[..., None]
) -> Notice:
    frozen_now(at(day))
    return services.announcement_post(actor=secretary, meeting=meeting)


def test_the_announcement_is_fixed_with_time_place_and_matters_and_its_hash_in_the_log(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    notice = post_on(D(2026, 11, 20), secretary, council_meeting, frozen_now)

    assert notice.kind == Notice.Kind.ANNOUNCEMENT
    assert notice.posting_due == D(2026, 11, 24)
    assert not notice.late
    assert notice.taken_down_on == D(2026, 12, 2)
    assert "den 2026-12-01 klockan 10:00" in notice.content
    assert "Sessionssalen" in notice.content
    assert "Budget för 2027" in notice.content
    assert "HEMLIG7781" not in notice.content
    assert notice.content_hash == hashlib.sha256(notice.content.encode()).hexdigest()
    event = Event.objects.filter(action="notice.create").latest("pk")
    assert event.after["content_hash"] == notice.content_hash
    council_meeting.refresh_from_db()
    assert council_meeting.announced_on == D(2026, 11, 20)
    assert selectors.council_flags(meeting=council_meeting, on=D(2026, 11, 20)) == []


def test_the_announcement_stays_as_posted_when_the_meeting_changes(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    notice = post_on(D(2026, 11, 20), secretary, council_meeting, frozen_now)
    Meeting.objects.filter(pk=council_meeting.pk).update(place="Folkets hus")

    notice.refresh_from_db()
    assert "Sessionssalen" in notice.content
    assert notice.content_hash == hashlib.sha256(notice.content.encode()).hexdigest()


def test_a_late_announcement_goes_up_marked_late_and_the_meeting_is_flagged(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    notice = post_on(D(2026, 11, 26), secretary, council_meeting, frozen_now)

    assert notice.late
    council_meeting.refresh_from_db()
    assert selectors.council_flags(meeting=council_meeting, on=D(2026, 11, 26)) != []
    page = Client().get(reverse("meetings:posting_board", args=["vanersborg"]))
    assert "sent anslaget: skulle ha anslagits senast 2026-11-24" in page.content.decode()


def test_the_announcement_is_refused_on_the_meeting_day_twice_or_without_a_place(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    with pytest.raises(ValidationError, match="före sammanträdesdagen"):
        post_on(DAY, secretary, council_meeting, frozen_now)
    Meeting.objects.filter(pk=council_meeting.pk).update(place="")
    with pytest.raises(ValidationError, match="plats"):
        post_on(D(2026, 11, 20), secretary, council_meeting, frozen_now)
    Meeting.objects.filter(pk=council_meeting.pk).update(place="Sessionssalen")
    post_on(D(2026, 11, 20), secretary, council_meeting, frozen_now)
    with pytest.raises(ValidationError, match="redan tillkännagivet"):
        post_on(D(2026, 11, 21), secretary, council_meeting, frozen_now)


def test_only_the_councils_meetings_are_announced(
    secretary: User, meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    services.item_add(actor=secretary, meeting=meeting, title="Budget")
    with pytest.raises(ValidationError, match="Bara fullmäktiges"):
        post_on(D(2026, 11, 20), secretary, meeting, frozen_now)


def test_the_board_shows_the_notices_and_the_archive_what_was_taken_down(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    announcement = post_on(D(2026, 11, 20), secretary, council_meeting, frozen_now)
    other = services.notice_post(
        actor=secretary,
        body=council_meeting.organization.body,
        title="Tillkännagivande om detaljplan för Skräcklan",
        text="Planen finns att läsa i stadshuset.\n<script>alert(1)</script>",
        taken_down_on=D(2026, 11, 30),
    )
    board = reverse("meetings:posting_board", args=["vanersborg"])
    archive = reverse("meetings:posting_archive", args=["vanersborg"])

    page = Client().get(board).content.decode()
    assert announcement.title in page and other.title in page
    detail = Client().get(reverse("meetings:notice_detail", args=["vanersborg", other.pk]))
    assert "<script>alert(1)</script>" not in detail.content.decode()
    assert other.content_hash in detail.content.decode()

    frozen_now(at(D(2026, 12, 3)))
    page = Client().get(board).content.decode()
    assert announcement.title not in page and other.title not in page
    archived = Client().get(archive, {"ar": 2026}).content.decode()
    assert announcement.title in archived and other.title in archived


def test_another_notice_must_come_down_after_the_day_it_goes_up(
    secretary: User, ks: Board, frozen_now: Callable[..., None]
) -> None:
    frozen_now(at(D(2026, 11, 20)))
    with pytest.raises(ValidationError):
        services.notice_post(
            actor=secretary,
            body=ks.organization.body,
            title="Kungörelse",
            text="Text",
            taken_down_on=D(2026, 11, 20),
        )


def test_the_secretary_posts_through_the_pages(
    secretary: User, council_meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    frozen_now(at(D(2026, 11, 20)))
    client = Client()
    client.force_login(secretary)
    board = client.get(reverse("meetings:posting_board", args=["vanersborg"])).content.decode()
    url = reverse("meetings:announcement_post", args=["vanersborg", council_meeting.pk])
    assert url in board
    preview = client.get(url).content.decode()
    assert "senast 2026-11-24" in preview and "HEMLIG7781" not in preview

    response = client.post(url, {"bekraftad": "on"})

    notice = Notice.objects.get(meeting=council_meeting)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:notice_detail", args=["vanersborg", notice.pk])
    posted = client.post(
        reverse("meetings:notice_post", args=["vanersborg"]),
        {"rubrik": "Kungörelse om val", "text": "Text.", "tas_ned": "2026-11-19"},
    )
    assert posted.status_code == 400
    assert "tidigast dagen efter" in posted.content.decode()


def test_a_secret_paragraph_approved_at_once_is_posted_without_its_title(
    ks: Board, meeting: Meeting, frozen_now: Callable[..., None]
) -> None:
    frozen_now(at(DAY, 11))
    meeting = sitting.opened(ks, meeting)
    item = sitting.case_item(meeting, sitting.SECRET_TITLE)
    services.item_decide(actor=None, item=item)
    for person in (ks.chair, ks.bo):
        services.item_approve_immediately(actor=None, item=item, person=person)

    page = Client().get(reverse("meetings:posting_board", args=["vanersborg"])).content.decode()

    assert f"§ {AgendaItem.objects.get(pk=item.pk).minute_number}" in page
    assert sitting.SECRET_TITLE not in page
