"""A new version of a delegation order comes into force through the decision of the organization
that adopts it, and no other way: the draft is put on the agenda of one of its meetings
(`services.order_draft_to_agenda`), and when the paragraph that decided it is approved (the
minutes justerade, or the paragraph approved at once), the system brings it into force as of
its first day, with the day of the meeting and the paragraph as its adoption
(`kansli.delegation.services.order_draft_adopt`).

Only a decision to adopt what was proposed adopts it: the prepared proposal carried, by
acclamation or by vote. A counter-proposal that won (to reject it, to send it back), a tabled
or withdrawn item, leaves the draft a draft, to be put on another agenda.
"""

from collections.abc import Iterable

from kansli.delegation.models import DelegationOrder
from kansli.delegation.services import order_draft_adopt
from kansli.meetings.models import AgendaItem
from kansli.meetings.selectors import meeting_day, minutes_name


def adopted_as_proposed(item: AgendaItem) -> bool:
    """Was the item decided with the proposal put to the meeting: no counter-proposal won?"""
    if item.status != AgendaItem.Status.DECIDED:
        return False
    carried = item.proposals.filter(adopted=True).first()
    return carried is None or carried.proposer_id is None or carried.supports_prepared


def orders_adopt(*, items: Iterable[AgendaItem]) -> list[DelegationOrder]:
    """Bring into force the drafts that the approved items adopted, each as of its first day
    (or the meeting's day, if that is later); the system does it, for the decision."""
    adopted = []
    for item in items:
        draft = item.order_draft
        if draft is None or not draft.is_draft or not adopted_as_proposed(item):
            continue
        meeting = item.meeting
        adopted.append(
            order_draft_adopt(
                actor=None,
                draft=draft,
                organization=meeting.organization,
                adopted_on=meeting_day(meeting),
                minute=f"{minutes_name(meeting)} § {item.minute_number}",
            )
        )
    return adopted
