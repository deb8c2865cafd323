"""The talks the instruction prescribes: scheduled for the year between the current holders,
recorded when held (seed 002 3.6, 5.1.4, 5.2.5; seed 000 "utvecklingssamtal")."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.models import Talk
from kansli.followup.policy import require_keep, require_record_talk
from kansli.followup.selectors.talks import talk_plan
from kansli.organisation.models import Body


@transaction.atomic
def talks_schedule(*, actor: Actor, body: Body, on: datetime.date) -> list[Talk]:
    """Schedule the year's talks (due by 31 December) between those holding the posts on the
    date. A talk already scheduled for the year is not scheduled again."""
    require_keep(actor, body)
    due_on = datetime.date(on.year, 12, 31)
    scheduled = {
        (talk.kind, talk.held_by_id, talk.held_with_id)
        for talk in Talk.objects.filter(body=body, due_on__year=on.year)
    }
    created = []
    for planned in talk_plan(body=body, on=on):
        key = (planned.kind, planned.held_by.pk, planned.held_with.pk)
        if key in scheduled:
            continue
        scheduled.add(key)
        talk = Talk(
            body=body,
            kind=planned.kind,
            held_by=planned.held_by,
            held_with=planned.held_with,
            due_on=due_on,
            source_section=planned.source_section,
        )
        created.append(audit.create(actor=actor, instance=talk))
    return created


@transaction.atomic
def talk_record(*, actor: Actor, talk: Talk, held_on: datetime.date, note: str = "") -> Talk:
    """Record that the talk was held: by whoever held it, or by the director's staff."""
    require_record_talk(actor, talk)
    talk = Talk.objects.select_for_update().get(pk=talk.pk)
    if talk.held_on is not None:
        raise ValidationError(
            _("Samtalet är redan registrerat som hållet den %(date)s.") % {"date": talk.held_on},
            code="conflict",
        )
    if held_on > timezone.localdate():
        raise ValidationError(_("Ett samtal kan inte registreras innan det har hållits."))
    return audit.update(actor=actor, instance=talk, held_on=held_on, note=note)
