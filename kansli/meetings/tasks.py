"""The background work of meetings, run by the task backend of Django's Tasks API
(django-tasks): the e-mails to members and substitutes, one task per delivery."""

from kansli.meetings import deliveries
from kansli.observability import task


@task()
def deliver(delivery_id: int) -> str:
    """Send one delivery of a meeting's e-mail; its state after the attempt."""
    return deliveries.delivery_attempt(delivery_id=delivery_id).state
