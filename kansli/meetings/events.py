"""The meetings' events for webhook subscribers (kansli.integrations): the approval of minutes,
or of an item approved at once, posted on the official notice board (anslag, KL 8 kap. 12 §).
A posting is public; the event tells what the notice board shows."""

from kansli.integrations.models import Event
from kansli.integrations.webhooks import event_publish, subscribers
from kansli.meetings.models import Posting


def posting_published(posting: Posting) -> None:
    meeting = posting.meeting
    organization = meeting.organization
    subscriptions = subscribers(body_id=organization.body_id, event=Event.POSTING_PUBLISHED)
    if not subscriptions:
        return
    item = posting.item
    event_publish(
        subscriptions=subscriptions,
        event=Event.POSTING_PUBLISHED,
        data=[
            {
                "id": posting.pk,
                "meeting": {
                    "id": meeting.pk,
                    "organization": organization.name,
                    "starts_at": meeting.starts_at,
                },
                "minute_number": item.minute_number if item is not None else None,
                "approved_on": posting.approved_on,
                "posted_on": posting.posted_on,
                "last_appeal_day": posting.last_appeal_day,
                "taken_down_on": posting.taken_down_on,
                "minutes_kept_at": posting.minutes_kept_at,
            }
        ],
    )
