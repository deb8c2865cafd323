"""The background work of integrations, run by the task backend of Django's Tasks API
(django-tasks): the database's queue by default, worked by `kansli db_worker`."""

from kansli.integrations import idempotency, webhooks
from kansli.observability import task


@task()
def deliver(delivery_id: int) -> str:
    """Send one webhook delivery; its state after the attempt."""
    return webhooks.delivery_attempt(delivery_id=delivery_id).state


@task()
def sweep_idempotency_keys() -> int:
    """Forget the idempotency keys whose lifetime has run out; how many."""
    return idempotency.keys_sweep()
