"""The talks the instruction prescribes through the API: the year's talks or the overdue ones,
and a talk recorded as held."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from kansli.bounds import Year
from kansli.followup.api.reading import readable_body
from kansli.followup.models import Talk as TalkModel
from kansli.followup.selectors import talks as selectors
from kansli.followup.services import talks as services
from kansli.organisation.api import OnDate, PersonRef, found, on_or_today
from kansli.texts import gettext_lazy as _lazy

router = Router()


class Talk(Schema):
    id: int
    kind: str = Field(description="evaluation, salary, appraisal")
    held_by: PersonRef
    held_with: PersonRef
    due_on: datetime.date
    held_on: datetime.date | None
    note: str
    source_section: str


class HeldIn(Schema):
    held_on: datetime.date
    note: str = ""


@router.get(
    "/bodies/{slug}/followup/talks",
    response=list[Talk],
    summary=_lazy("Årets samtal enligt instruktionen, eller de försenade"),
)
def talk_index(
    request: HttpRequest,
    slug: str,
    year: Year | None = None,
    overdue: bool = False,
    date: OnDate | None = None,
) -> list[Any]:
    body = readable_body(request, slug)
    if overdue:
        return list(selectors.talks_overdue(body=body, on=on_or_today(date)))
    return list(selectors.talk_list(body=body, year=year or timezone.localdate().year))


@router.post(
    "/bodies/{slug}/followup/talks/{talk_id}/held",
    response=Talk,
    summary=_lazy("Registrera att samtalet har hållits"),
)
def talk_held(request: HttpRequest, slug: str, talk_id: int, data: HeldIn) -> TalkModel:
    talk = found(
        TalkModel.objects.filter(body=readable_body(request, slug)),
        _("Det finns inget samtal med id %(id)d.") % {"id": talk_id},
        pk=talk_id,
    )
    return services.talk_record(actor=request.user, talk=talk, held_on=data.held_on, note=data.note)
