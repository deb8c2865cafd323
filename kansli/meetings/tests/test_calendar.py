"""The meetings as iCalendar: the feeds of an organization and of a person, and the invitation
that goes with the notice, each parsed back as a calendar program would."""

import datetime
from typing import Any

import icalendar
import pytest
from django.utils import timezone

from kansli.meetings import calendar
from kansli.meetings.models import Delivery, Meeting
from kansli.meetings.tests.meeting_samples import STOCKHOLM, person
from kansli.organisation import services as organisation
from kansli.organisation.models import Membership, Organization, Person

# The installation's own domain, as KANSLI_CALENDAR_DOMAIN sets it (see the fixture below).
DOMAIN = "kansli.kommun.example"


@pytest.fixture(autouse=True)
def calendar_domain(settings: Any) -> None:
    settings.KANSLI_CALENDAR_DOMAIN = DOMAIN


def meeting_on(organization: Organization, day: datetime.date, **fields: object) -> Meeting:
    starts_at = datetime.datetime.combine(day, datetime.time(13, 0), tzinfo=STOCKHOLM)
    return Meeting.objects.create(organization=organization, starts_at=starts_at, **fields)


def events(data: bytes) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(data)
    return {str(event["UID"]): event for event in parsed.events}


@pytest.fixture
def committee(board: Organization) -> Organization:
    return organisation.organization_create(
        actor=None,
        body=board.body,
        kind=Organization.Kind.COMMITTEE,
        slug="kfn",
        name="Kultur- och fritidsnämnden",
    )


def test_organization_feed_has_one_event_per_meeting_in_stockholm_time(
    board: Organization,
) -> None:
    spring = meeting_on(
        board,
        datetime.date(2026, 3, 10),
        ends_at=datetime.datetime(2026, 3, 10, 16, 0, tzinfo=STOCKHOLM),
        place="Sessionssalen",
    )
    summer = meeting_on(board, datetime.date(2026, 6, 16))

    parsed = icalendar.Calendar.from_ical(calendar.organization_feed(board))

    assert parsed["VERSION"] == "2.0"
    assert [str(tz["TZID"]) for tz in parsed.timezones] == ["Europe/Stockholm"]
    found = {str(event["UID"]): event for event in parsed.events}
    assert set(found) == {f"meeting-{spring.pk}@{DOMAIN}", f"meeting-{summer.pk}@{DOMAIN}"}
    march = found[f"meeting-{spring.pk}@{DOMAIN}"]
    assert march["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert march.start == datetime.datetime(2026, 3, 10, 13, 0, tzinfo=STOCKHOLM)
    assert march.end == datetime.datetime(2026, 3, 10, 16, 0, tzinfo=STOCKHOLM)
    assert march.start.utcoffset() == datetime.timedelta(hours=1)
    assert str(march["SUMMARY"]) == "Sammanträde: Kommunstyrelsen"
    assert str(march["LOCATION"]) == "Sessionssalen"
    assert str(march["STATUS"]) == "CONFIRMED"
    june = found[f"meeting-{summer.pk}@{DOMAIN}"]
    assert june.start.utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert june.end - june.start == calendar.DEFAULT_LENGTH


def test_a_cancelled_meeting_stays_in_the_feed_marked_cancelled_with_the_same_uid(
    board: Organization,
) -> None:
    meeting = meeting_on(board, datetime.date(2026, 3, 10))
    before = events(calendar.organization_feed(board))

    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    after = events(calendar.organization_feed(board))

    assert set(before) == set(after) == {f"meeting-{meeting.pk}@{DOMAIN}"}
    assert str(after[f"meeting-{meeting.pk}@{DOMAIN}"]["STATUS"]) == "CANCELLED"


def test_person_feed_has_the_meetings_of_the_organizations_where_the_person_sits_that_day(
    board: Organization, committee: Organization
) -> None:
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)  # 2023 to 2026
    organisation.membership_create(
        actor=None,
        person=member,
        organization=committee,
        role=Membership.Role.SUBSTITUTE,
        start=datetime.date(2026, 5, 1),
    )
    board_in_term = meeting_on(board, datetime.date(2026, 3, 10))
    meeting_on(board, datetime.date(2027, 2, 1))  # after the seat ended
    meeting_on(committee, datetime.date(2026, 4, 20))  # before the seat began
    committee_in_term = meeting_on(committee, datetime.date(2026, 9, 1))
    outsider = person(board, "Olle", "Utomstående")

    assert set(events(calendar.person_feed(member))) == {
        f"meeting-{board_in_term.pk}@{DOMAIN}",
        f"meeting-{committee_in_term.pk}@{DOMAIN}",
    }
    assert events(calendar.person_feed(outsider)) == {}


def test_invitation_is_a_request_to_the_person_from_the_secretary(board: Organization) -> None:
    secretary = person(board, "Sara", "Sekreterare")
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)
    substitute = person(board, "Cecilia", "Ersättare", Membership.Role.SUBSTITUTE)
    meeting = meeting_on(board, datetime.date(2026, 3, 10), secretary=secretary, place="Salen")

    parsed = icalendar.Calendar.from_ical(calendar.invitation(meeting, member))

    assert str(parsed["METHOD"]) == "REQUEST"
    (event,) = parsed.events
    assert str(event["UID"]) == f"meeting-{meeting.pk}@{DOMAIN}"
    assert str(event["ORGANIZER"]) == "mailto:sara@example.se"
    assert event["ORGANIZER"].params["CN"] == "Kommunstyrelsen"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:bertil@example.se"
    assert attendee.params["CN"] == "Bertil Ledamot"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    substitutes = icalendar.Calendar.from_ical(calendar.invitation(meeting, substitute))
    assert substitutes.events[0]["ATTENDEE"].params["ROLE"] == "OPT-PARTICIPANT"


def test_invitation_to_a_cancelled_meeting_withdraws_it(board: Organization) -> None:
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)
    meeting = meeting_on(board, datetime.date(2026, 3, 10), status=Meeting.Status.CANCELLED)

    parsed = icalendar.Calendar.from_ical(calendar.invitation(meeting, member))

    assert str(parsed["METHOD"]) == "CANCEL"
    assert str(parsed.events[0]["STATUS"]) == "CANCELLED"
    assert str(parsed.events[0]["ORGANIZER"]).startswith("mailto:")


def test_invitation_needs_an_e_mail_address(board: Organization) -> None:
    meeting = meeting_on(board, datetime.date(2026, 3, 10))
    nobody = Person.objects.create(body=board.body, given_name="Utan", family_name="Adress")

    with pytest.raises(ValueError, match="e-mail"):
        calendar.invitation(meeting, nobody)


def test_an_invitation_sent_again_outranks_the_one_before(board: Organization) -> None:
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)
    meeting = meeting_on(board, datetime.date(2026, 3, 10))
    first = icalendar.Calendar.from_ical(calendar.invitation(meeting, member))
    Delivery.objects.create(
        meeting=meeting, person=member, address=member.email, sent_at=timezone.now()
    )

    second = icalendar.Calendar.from_ical(calendar.invitation(meeting, member))

    assert first.events[0]["SEQUENCE"] == 0
    assert second.events[0]["SEQUENCE"] == 1


def test_without_a_configured_domain_the_uid_names_the_body(
    board: Organization, settings: Any
) -> None:
    settings.KANSLI_CALENDAR_DOMAIN = ""
    body = board.body
    body.organization_number = "212000-1439"
    body.save()
    meeting = meeting_on(board, datetime.date(2026, 3, 10))

    uid = calendar.meeting_uid(meeting)

    assert uid == f"meeting-{meeting.pk}@2120001439.{body.slug}.kansli.invalid"
    meeting.place = "Ny plats"
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    assert calendar.meeting_uid(Meeting.objects.get(pk=meeting.pk)) == uid


def test_the_uid_is_the_same_in_the_feed_and_the_invitation_and_unique(
    board: Organization,
) -> None:
    member = person(board, "Bertil", "Ledamot", Membership.Role.MEMBER)
    first = meeting_on(board, datetime.date(2026, 3, 10))
    second = meeting_on(board, datetime.date(2026, 4, 10))

    feed = set(events(calendar.organization_feed(board)))
    invited = icalendar.Calendar.from_ical(calendar.invitation(first, member))

    assert feed == {calendar.meeting_uid(first), calendar.meeting_uid(second)}
    assert len(feed) == 2
    assert str(invited.events[0]["UID"]) == calendar.meeting_uid(first)
    assert all(uid.endswith(f"@{DOMAIN}") for uid in feed)
