"""Meetings as iCalendar (RFC 5545): a feed per organization and per person, and the invitation
that goes with the notice.

One event per meeting, with a UID that stays the same for the meeting's whole life, so that a
calendar that subscribes to a feed or receives a new invitation updates the event it already
has instead of adding another. Times are given in the municipality's zone, Europe/Stockholm.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from kansli.meetings.models import Meeting
from kansli.meetings.selectors import own_meetings
from kansli.organisation.models import Body, Membership, Organization, Person

PRODID = "-//Kansli//Sammanträden//SV"
# A meeting planned without an end shows in calendars for this long.
DEFAULT_LENGTH = datetime.timedelta(hours=3)


def calendar_domain(body: Body) -> str:
    """The right-hand side of the UIDs of the body's meetings: a name no other installation
    uses, so that UIDs are globally unique (RFC 5545 3.8.4.7). The setting
    KANSLI_CALENDAR_DOMAIN (the site's own domain, "kansli.vanersborg.se") when set; else one
    made of the body itself, its organisation number (unique to the legal person in Sweden)
    and short name, under the reserved top-level domain ".invalid" (RFC 2606), which no one
    else can own. Set it once before the first invitation goes out: a changed domain changes
    every UID, and the calendars that hold the meetings would show them twice."""
    configured = settings.KANSLI_CALENDAR_DOMAIN.strip()
    if configured:
        return configured
    number = "".join(char for char in body.organization_number if char.isdigit())
    return ".".join(part for part in (number, body.slug, "kansli.invalid") if part)


def meeting_uid(meeting: Meeting) -> str:
    """The meeting's UID in every calendar: the same for its whole life in one installation
    (its primary key and its body's never change), different from every other meeting's,
    and, by `calendar_domain`, from every other installation's."""
    return f"meeting-{meeting.pk}@{calendar_domain(meeting.organization.body)}"


def organization_feed(organization: Organization) -> bytes:
    """Every meeting of the organization, cancelled ones marked so."""
    meetings = Meeting.objects.filter(organization=organization).select_related(
        "organization__body"
    )
    return _calendar(meetings, name=organization.name).to_ical()


def person_feed(person: Person) -> bytes:
    """The meetings of the organizations where the person holds a seat (member or substitute)
    on the day of the meeting."""
    return _calendar(_meetings_of(person), name=person.name).to_ical()


def subscription(person: Person, on: datetime.date) -> bytes:
    """The person's coming meetings from `on`, in their own body (`selectors.own_meetings`):
    the feed behind their secret calendar link. Each event names the organ, the time and the
    place only, never an item, so nothing secret can reach a calendar."""
    meetings = [own.meeting for own in own_meetings(person=person, on=on)]
    return _calendar(meetings, name=person.name).to_ical()


def invitation(meeting: Meeting, person: Person, *, address: str = "") -> bytes:
    """The invitation to one member or substitute (iTIP REQUEST, RFC 5546), or its withdrawal
    (CANCEL) when the meeting is cancelled, at `address` (by default the person's e-mail
    address, which must be there)."""
    address = address or person.email
    if not address:
        raise ValueError(f"{person} has no e-mail address to invite")
    cancelled = meeting.status == Meeting.Status.CANCELLED
    calendar = _calendar([meeting], name=meeting.organization.name)
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = calendar.events[0]
    # Each notice sent again (after a change), and the cancellation after the last, must
    # outrank the one before, or calendars ignore it: the number of notices the person had
    # before (0 for the first, and the cancellation one more than the last notice).
    event.add("sequence", meeting.deliveries.filter(person=person).count())
    event.add("organizer", _organizer(meeting))
    attendee = vCalAddress(f"mailto:{address}")
    attendee.params["cn"] = person.name
    attendee.params["role"] = (
        "REQ-PARTICIPANT" if _is_member(meeting, person) else "OPT-PARTICIPANT"
    )
    attendee.params["partstat"] = "NEEDS-ACTION"
    attendee.params["rsvp"] = "FALSE"
    event.add("attendee", attendee)
    return calendar.to_ical()


def _meetings_of(person: Person) -> QuerySet[Meeting]:
    # One filter() call, so that the start and the end are those of the same membership.
    return (
        Meeting.objects.filter(
            Q(organization__memberships__end__isnull=True)
            | Q(organization__memberships__end__gte=F("starts_at__date")),
            organization__memberships__person=person,
            organization__memberships__start__lte=F("starts_at__date"),
        )
        .select_related("organization__body")
        .distinct()
    )


def _is_member(meeting: Meeting, person: Person) -> bool:
    on = timezone.localdate(meeting.starts_at)
    return (
        Membership.objects.on(on)
        .filter(organization=meeting.organization_id, person=person)
        .exclude(role=Membership.Role.SUBSTITUTE)
        .exists()
    )


def _organizer(meeting: Meeting) -> vCalAddress:
    secretary = meeting.secretary
    address = secretary.email if secretary and secretary.email else settings.DEFAULT_FROM_EMAIL
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = meeting.organization.name
    return organizer


def _calendar(meetings: Iterable[Meeting], *, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    zone = ZoneInfo(settings.TIME_ZONE)
    starts = []
    for meeting in meetings:
        calendar.add_component(_event(meeting, zone))
        starts.append(meeting.starts_at.astimezone(zone).date())
    if starts:
        calendar.add_missing_timezones(
            first_date=min(starts), last_date=max(starts) + datetime.timedelta(days=1)
        )
    return calendar


def _event(meeting: Meeting, zone: ZoneInfo) -> Event:
    starts_at = meeting.starts_at.astimezone(zone)
    ends_at = meeting.ends_at.astimezone(zone) if meeting.ends_at else starts_at + DEFAULT_LENGTH
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add(
        "summary",
        _("Sammanträde: %(organization)s") % {"organization": meeting.organization.name},
    )
    if meeting.place:
        event.add("location", meeting.place)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
