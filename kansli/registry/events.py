"""The registry's events for webhook subscribers (kansli.integrations): a document registered,
a case closed. Each is published in the transaction of its change and tells what the public
may see of it (`visibility` with no user): a secret title or description is masked in the
event as in the postlista, and a subscriber reads more through the API with its own key."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from kansli.integrations.models import Event
from kansli.integrations.webhooks import event_publish, subscribers
from kansli.registry.models import Case, Document
from kansli.registry.visibility import case_view, document_view


def documents_registered(documents: Sequence[Document]) -> None:
    by_body: dict[int, list[Document]] = defaultdict(list)
    for document in documents:
        by_body[document.case.organization.body_id].append(document)
    for body_id, registered in by_body.items():
        subscriptions = subscribers(body_id=body_id, event=Event.DOCUMENT_REGISTERED)
        if subscriptions:
            event_publish(
                subscriptions=subscriptions,
                event=Event.DOCUMENT_REGISTERED,
                data=[document_view(None, document).entry() for document in registered],
            )


def case_closed(case: Case) -> None:
    subscriptions = subscribers(body_id=case.organization.body_id, event=Event.CASE_CLOSED)
    if subscriptions:
        event_publish(subscriptions=subscriptions, event=Event.CASE_CLOSED, data=[_case(case)])


def _case(case: Case) -> dict[str, Any]:
    view = case_view(None, case)
    return {
        "id": case.pk,
        "number": case.number,
        "title": view.title,
        "title_masked": view.title_masked,
        "organization": case.organization.name,
        "status": case.status,
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
    }
