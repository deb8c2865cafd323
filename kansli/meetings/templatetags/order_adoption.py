"""The meetings' part of the page of a draft of a delegation order: `{% order_draft_adoption
draft %}` shows the agenda items where the organization that adopts it takes it up, and the
form that puts it on the agenda of one of its planned or called meetings (posted to
meetings:order_draft_agenda; the page's `agenda_form`, with its errors, if it has one)."""

from typing import Any

from django import template

from kansli.delegation.models import OrderDraft
from kansli.meetings.forms import OrderDraftAgendaForm
from kansli.meetings.models import AgendaItem

register = template.Library()


@register.inclusion_tag("meetings/includes/order_draft_adoption.html", takes_context=True)
def order_draft_adoption(context: template.Context, draft: OrderDraft) -> dict[str, Any]:
    items = draft.agenda_items.select_related("meeting__organization").order_by(
        "meeting__starts_at"
    )
    return {
        "body": draft.body,
        "draft": draft,
        "items": list(items),
        "pending": any(item.status == AgendaItem.Status.PENDING for item in items),
        "form": context.get("agenda_form") or OrderDraftAgendaForm(organization=draft.organization),
        "csrf_token": context.get("csrf_token"),
    }
